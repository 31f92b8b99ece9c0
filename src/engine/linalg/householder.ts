/**
 * The Householder reflector that zeroes column k of a row-major n×n matrix below its first
 * subdiagonal (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithm 5.1.1, with the
 * column scaled by its largest entry against overflow): P = I − β·v·vᵀ with v[k+1 … n−1] written
 * into `v`, such that P·A[k+1 …, k] = (−σ·scale, 0, …, 0). Shared by the Hessenberg reduction
 * (hessenberg-qr.ts) and the symmetric tridiagonalisation (symmetric-eigen.ts).
 */
export interface Reflector {
  /** β = 2 / (vᵀv). */
  beta: number;
  /** σ·scale: the new subdiagonal entry is −σ·scale. */
  sigmaScaled: number;
}

/** The reflector for column k, or null when that column is already zero below the subdiagonal. */
export function householderColumn(a: Float64Array, n: number, k: number, v: Float64Array): Reflector | null {
  let scale = 0;
  for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + k]));
  if (scale === 0) return null;
  let tail = 0;
  for (let i = k + 2; i < n; i++) {
    const t = a[i * n + k] / scale;
    tail += t * t;
  }
  if (tail === 0) return null; // already zero below the subdiagonal
  const x0 = a[(k + 1) * n + k] / scale;
  let sigma = Math.sqrt(x0 * x0 + tail);
  if (x0 < 0) sigma = -sigma;
  v[k + 1] = x0 + sigma;
  for (let i = k + 2; i < n; i++) v[i] = a[i * n + k] / scale;
  return { beta: 1 / (sigma * v[k + 1]), sigmaScaled: sigma * scale };
}
