/**
 * Diagonal balancing of a square matrix before an eigenvalue computation.
 */
import type { DenseMatrix } from './types.ts';

/**
 * Balance `m` in place: find a diagonal D whose entries are powers of two and replace A by
 * D⁻¹·A·D so that, for every i, the off-diagonal 1-norms of row i and column i are close.
 * Eigenvalues are unchanged (a similarity); scaling by powers of two adds no rounding error,
 * and balancing often improves the accuracy of computed eigenvalues of badly scaled matrices,
 * e.g. companion matrices, by orders of magnitude.
 *
 * Algorithm: Parlett & Reinsch (1969), "Balancing a matrix for calculation of eigenvalues and
 * eigenvectors", Numer. Math. 13; as in EISPACK `balanc` (without the permutation step).
 * Returns the scaling factors d (A_balanced = D⁻¹·A·D).
 */
export function balanceInPlace(m: DenseMatrix): Float64Array {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`balance: matrix must be square, got ${m.rows}x${m.cols}`);
  const a = m.data;
  const d = new Float64Array(n).fill(1);
  let changed = true;
  let sweeps = 0;
  while (changed && sweeps < 100) {
    changed = false;
    sweeps++;
    for (let i = 0; i < n; i++) {
      let c = 0;
      let r = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        c += Math.abs(a[j * n + i]);
        r += Math.abs(a[i * n + j]);
      }
      if (c === 0 || r === 0) continue;
      // f = 2^k with c·f ≈ r/f (EISPACK's radix-2 loops: exact, no platform log/pow).
      const s = c + r;
      let f = 1;
      let cf2 = c; // c·f²
      while (cf2 < r / 2) {
        f *= 2;
        cf2 *= 4;
      }
      while (cf2 >= r * 2) {
        f /= 2;
        cf2 /= 4;
      }
      if (f === 1 || !Number.isFinite(f) || f === 0) continue;
      if ((cf2 + r) / f < 0.95 * s) {
        changed = true;
        d[i] *= f;
        const g = 1 / f;
        for (let j = 0; j < n; j++) a[i * n + j] *= g; // row i ← row i / f
        for (let j = 0; j < n; j++) a[j * n + i] *= f; // column i ← column i · f
      }
    }
  }
  return d;
}
