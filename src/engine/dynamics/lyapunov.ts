/**
 * The largest Lyapunov exponent of a driven tanh reservoir x[t] = tanh(W·x[t−1] + W_in·u[t] + b)
 * (leak 1) along a recorded trajectory: the mean growth rate, per step (1/step, natural log), of a
 * tangent vector δ[t] = diag(1 − x[t]²)·W·δ[t−1], renormalised every step (Benettin et al. 1980;
 * for reservoirs, Boedecker et al. 2012, Theory Biosci. 131:205, eq. 3). The input is the same in
 * both trajectories, so this is the exponent conditional on the drive: < 0 ordered (perturbations
 * die out), > 0 chaotic, ≈ 0 at the edge.
 */
import { log } from '../math/detmath.ts';

/**
 * λ_max from states x[0 … T−1] (rows of n units) and the n×n recurrent matrix `w` (row-major),
 * averaged over steps from..T−1 (the earlier steps let δ align with the leading direction).
 */
export function largestLyapunov(w: Float64Array, states: readonly ArrayLike<number>[], from: number): number {
  const n = states[0].length;
  let d = new Float64Array(n).fill(1 / Math.sqrt(n));
  let next = new Float64Array(n);
  let sum = 0;
  for (let t = 1; t < states.length; t++) {
    const x = states[t];
    let norm2 = 0;
    for (let i = 0; i < n; i++) {
      let a = 0;
      const row = i * n;
      for (let j = 0; j < n; j++) a += w[row + j] * d[j];
      const v = (1 - x[i] * x[i]) * a;
      next[i] = v;
      norm2 += v * v;
    }
    const norm = Math.sqrt(norm2);
    if (t >= from) sum += log(norm);
    for (let i = 0; i < n; i++) next[i] /= norm;
    [d, next] = [next, d];
  }
  return sum / (states.length - from);
}
