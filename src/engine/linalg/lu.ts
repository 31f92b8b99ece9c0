/**
 * LU factorisation with partial pivoting, for determinants and general solves.
 */
import { log } from '../math/detmath.ts';
import type { DenseMatrix } from './types.ts';

export interface LU {
  /** Packed factors: strictly lower part of L (unit diagonal implied) and U. */
  lu: DenseMatrix;
  /** Row permutation: row i of P·A is row perm[i] of A. */
  perm: Int32Array;
  /** +1 or −1: the sign of the permutation. */
  sign: number;
}

/**
 * P·A = L·U with partial (row) pivoting (Golub & Van Loan, 4th ed., Algorithm 3.4.1).
 * A singular matrix yields a zero pivot in U (no error).
 */
export function luDecompose(A: DenseMatrix): LU {
  const n = A.rows;
  if (A.cols !== n) throw new Error(`luDecompose: matrix must be square, got ${A.rows}x${A.cols}`);
  const a = Float64Array.from(A.data);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[k * n + j];
        a[k * n + j] = a[p * n + j];
        a[p * n + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
      sign = -sign;
    }
    const piv = a[k * n + k];
    if (piv === 0) continue;
    for (let i = k + 1; i < n; i++) {
      const l = (a[i * n + k] /= piv);
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) a[i * n + j] -= l * a[k * n + j];
    }
  }
  return { lu: { rows: n, cols: n, data: a }, perm, sign };
}

/**
 * Determinant via LU with partial pivoting: det A = sign(P)·∏ u_ii. May overflow or underflow
 * for large n; see {@link logAbsDeterminant}.
 */
export function determinant(A: DenseMatrix): number {
  const { lu, sign } = luDecompose(A);
  const n = A.rows;
  let d = sign;
  for (let i = 0; i < n; i++) d *= lu.data[i * n + i];
  return d === 0 ? 0 : d; // no −0
}

/** log|det A| and the sign of det A (0 for a singular matrix), via LU. */
export function logAbsDeterminant(A: DenseMatrix): { logAbs: number; sign: number } {
  const { lu, sign } = luDecompose(A);
  const n = A.rows;
  let s = sign;
  let l = 0;
  for (let i = 0; i < n; i++) {
    const u = lu.data[i * n + i];
    if (u === 0) return { logAbs: -Infinity, sign: 0 };
    if (u < 0) s = -s;
    l += log(Math.abs(u));
  }
  return { logAbs: l, sign: s };
}
