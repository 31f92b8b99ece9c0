import type { NodeAdjoint } from '../../engine/bptt/types.ts';

export interface ReadoutAdjointState {
  readonly size: number;
  readonly features: number;
  /** φ = [inputs; 1] of the current step. */
  readonly phi: Float64Array;
  /** W_out, size × (features + 1), row-major. */
  readonly weights: Float64Array;
  /** y[t] (σ(z) when logistic). */
  readonly output: Float64Array;
  readonly logistic: boolean;
  readonly trainable: boolean;
  /** Keeps W_out across resets (ReadoutHandle.setTrainedWeights). */
  persist(): void;
}

/**
 * Backward of the readout's update z[t] = W_out·φ[t], y[t] = z[t] (or σ(z[t]) with the "bce"
 * loss), with cols = features + 1 and the loss's own ∂J/∂z added (engine/bptt/loss.ts):
 *   g[t]        = ∂J/∂y[t] ⊙ (1, or y(1 − y) when logistic) + ∂J/∂z[t]|loss
 *   ∂J/∂W_out  += g[t]·φ[t]ᵀ
 *   ∂J/∂φ[t]    = W_outᵀ·g[t]   (the bias column's share is dropped: φ's last entry is the constant 1)
 * ∂J/∂y[t] is non-zero only when the readout's output feeds back into the network (Jordan 1986).
 */
export function readoutAdjoint(s: ReadoutAdjointState): NodeAdjoint {
  const { size, features } = s;
  const cols = features + 1;
  const g = new Float64Array(size);
  return {
    saved: s.logistic ? [s.phi, s.output] : [s.phi],
    params: [{ name: 'W_out', values: s.weights, persist: s.persist }],
    trainable: s.trainable,
    refusal: () => null,
    backward(step) {
      const { dY, row, din } = step;
      const phi = step.saved[0];
      const phiAt = step.savedAt[0];
      for (let i = 0; i < size; i++) {
        let gi = dY[row + i];
        if (s.logistic) {
          const y = step.saved[1][step.savedAt[1] + i];
          gi *= y * (1 - y);
        }
        if (step.dzLoss) gi += step.dzLoss[step.dzAt + i];
        g[i] = gi;
      }
      const w = s.weights;
      const gw = step.grads[0];
      din.fill(0, 0, features);
      for (let i = 0; i < size; i++) {
        const gi = g[i];
        if (gi === 0) continue;
        const base = i * cols;
        if (gw) for (let j = 0; j < cols; j++) gw[base + j] += gi * phi[phiAt + j];
        for (let j = 0; j < features; j++) din[j] += w[base + j] * gi;
      }
    },
  };
}
