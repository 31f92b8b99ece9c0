import type { Activation } from './schema.ts';
import { activationSlopes } from '../../engine/activations.ts';
import type { NodeAdjoint } from '../../engine/bptt/types.ts';

/** The rate population's arrays and settings its backward reads (the settings may change live). */
export interface RateAdjointState {
  readonly size: number;
  /** f(net[t]) after each step (the update writes it on every path). */
  readonly act: Float64Array;
  /** The bias b (a parameter). */
  readonly bias: Float64Array;
  leak(): number;
  activation(): Activation;
  /** Intrinsic plasticity on: gain and bias change while the network runs. */
  readonly adaptive: boolean;
  readonly trainable: boolean;
}

/**
 * Backward of the leaky rate update (rate/builder.ts; Jaeger et al. 2007)
 *   net[t] = in[t] + b,   y[t] = (1 − a)·y[t−1] + a·f(net[t]),
 * by the chain rule (Werbos 1990, "Backpropagation through time: what it does and how to do it"):
 *   δ[t]        = ∂J/∂y[t] ⊙ a·f′(net[t])      (∂J/∂net[t])
 *   ∂J/∂in[t]   = δ[t]
 *   ∂J/∂b      += δ[t]
 *   ∂J/∂y[t−1] += (1 − a)·∂J/∂y[t]              (the leak: a constant, not trained)
 * with f′ read from the recorded f(net[t]) (engine/activations.ts, activationSlopes).
 */
export function rateAdjoint(s: RateAdjointState): NodeAdjoint {
  const n = s.size;
  return {
    saved: [s.act],
    params: [{ name: 'bias', values: s.bias }],
    trainable: s.trainable,
    refusal() {
      if (activationSlopes[s.activation()] === null) return 'its activation "step" has no derivative to follow (use tanh, sigmoid, relu or linear)';
      if (s.adaptive) return 'its intrinsic plasticity changes gain and bias while it runs (remove plasticity to train it by BPTT)';
      return null;
    },
    backward(step) {
      const slope = activationSlopes[s.activation()]!;
      const a = s.leak();
      const keep = 1 - a;
      const { dY, row, din } = step;
      const act = step.saved[0];
      const at = step.savedAt[0];
      const gb = step.grads[0];
      const prev = row - n;
      for (let i = 0; i < n; i++) {
        const g = dY[row + i];
        const delta = g * a * slope(act[at + i]);
        din[i] = delta;
        if (gb) gb[i] += delta;
        if (keep !== 0) dY[prev + i] += keep * g;
      }
    },
  };
}
