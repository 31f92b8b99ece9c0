/**
 * Per-step losses of a readout against its target (dimensionless), and their gradient with respect
 * to the readout's pre-activation z (y = z, or y = σ(z) for "bce"). For m outputs:
 *   mse: ℓ = (1/m)·Σᵢ (yᵢ − dᵢ)²,                        ∂ℓ/∂zᵢ = 2·(yᵢ − dᵢ)/m
 *   bce: ℓ = (1/m)·Σᵢ −[dᵢ·ln yᵢ + (1 − dᵢ)·ln(1 − yᵢ)], y = σ(z),
 *        computed as (1/m)·Σᵢ [softplus(zᵢ) − dᵢ·zᵢ] (no log of 0),  ∂ℓ/∂zᵢ = (yᵢ − dᵢ)/m
 * (Bishop 2006, "Pattern recognition and machine learning", §4.3.2 and §5.2). The objective of a
 * segment is the mean of ℓ over its scored steps.
 */
import { exp, log } from '../math/detmath.ts';

export type LossKind = 'mse' | 'bce';

/** softplus(z) = ln(1 + eᶻ), stable for large |z|. */
function softplus(z: number): number {
  return (z > 0 ? z : 0) + log(1 + exp(-Math.abs(z)));
}

/**
 * ℓ of one step, writing ∂ℓ/∂z into dz[at …] when dz is given. y: outputs, z: pre-activations
 * (the same array for mse), d: targets; all of length m.
 */
export function stepLoss(kind: LossKind, y: Float64Array, z: Float64Array, d: Float64Array, dz: Float64Array | null, at: number): number {
  const m = y.length;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const e = y[i] - d[i];
    if (kind === 'mse') {
      sum += e * e;
      if (dz) dz[at + i] = (2 * e) / m;
    } else {
      sum += softplus(z[i]) - d[i] * z[i];
      if (dz) dz[at + i] = e / m;
    }
  }
  return sum / m;
}
