/**
 * Eigenvalues and eigenvectors of a real symmetric matrix: Householder tridiagonalisation then
 * the implicit symmetric QR algorithm with Wilkinson shifts.
 */
import { householderColumn } from './householder.ts';
import { hypot } from './scalar.ts';
import type { DenseMatrix } from './types.ts';

const EPS = Number.EPSILON; // 2⁻⁵²

/**
 * Full eigendecomposition A = V·diag(values)·Vᵀ of a real symmetric matrix.
 *
 * Method: Householder reduction to tridiagonal form (Golub & Van Loan, 4th ed., Algorithm
 * 8.3.1), then implicit symmetric QR steps with the Wilkinson shift (Algorithm 8.3.2–8.3.3),
 * accumulating the orthogonal transformations. Backward stable: eigenvalues are accurate to
 * ≈ ε‖A‖ absolutely and the eigenvectors are orthonormal to ≈ ε·n. Only the lower triangle of
 * A is read (A is assumed symmetric). Cost ≈ 9n³ flops.
 *
 * @returns `values` sorted descending, and `vectors` (n×n) whose COLUMN j is the unit
 *   eigenvector for `values[j]`, with its largest-magnitude component made positive.
 * @throws Error if A is not square, is not finite, or QR fails to converge.
 */
export function symmetricEigen(A: DenseMatrix): { values: Float64Array; vectors: DenseMatrix } {
  const n = A.rows;
  if (A.cols !== n) throw new Error(`symmetricEigen: matrix must be square, got ${A.rows}x${A.cols}`);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = A.data[i * n + j];
      if (!Number.isFinite(v)) throw new Error('symmetricEigen: matrix contains NaN or Infinity');
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  // Z = Qᵀ, so the rows of Z are the eigenvectors (row updates stay contiguous).
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  const u = new Float64Array(n);

  for (let k = 0; k < n - 2; k++) {
    const reflector = householderColumn(a, n, k, v);
    if (!reflector) continue;
    const { beta, sigmaScaled } = reflector;
    // p = β·A₂₂·v;  w = p − (β·pᵀv/2)·v;  A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ.
    let pv = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = k + 1; j < n; j++) s += a[row + j] * v[j];
      p[i] = beta * s;
      pv += p[i] * v[i];
    }
    const K = 0.5 * beta * pv;
    for (let i = k + 1; i < n; i++) p[i] -= K * v[i]; // p now holds w
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = v[i];
      const wi = p[i];
      for (let j = k + 1; j < n; j++) a[row + j] -= vi * p[j] + wi * v[j];
    }
    const off = -sigmaScaled;
    a[(k + 1) * n + k] = off;
    a[k * n + k + 1] = off;
    for (let i = k + 2; i < n; i++) {
      a[i * n + k] = 0;
      a[k * n + i] = 0;
    }
    // Z[k+1:, :] ← (I − β v vᵀ)·Z[k+1:, :]
    u.fill(0);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      const row = i * n;
      for (let j = 0; j < n; j++) u[j] += vi * z[row + j];
    }
    for (let i = k + 1; i < n; i++) {
      const f = beta * v[i];
      const row = i * n;
      for (let j = 0; j < n; j++) z[row + j] -= f * u[j];
    }
  }

  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  for (let i = 0; i < n - 1; i++) e[i] = a[(i + 1) * n + i];

  let hi = n - 1;
  let total = 0;
  const maxTotal = 30 * Math.max(n, 10);
  while (hi > 0) {
    let l = hi;
    while (l > 0) {
      if (Math.abs(e[l - 1]) <= EPS * (Math.abs(d[l - 1]) + Math.abs(d[l])) || Math.abs(e[l - 1]) < 1e-300) {
        e[l - 1] = 0;
        break;
      }
      l--;
    }
    if (l === hi) {
      hi--;
      continue;
    }
    if (++total > maxTotal) throw new Error(`symmetricEigen: QR iteration did not converge (n = ${n})`);
    // Wilkinson shift: the eigenvalue of the trailing 2×2 block closer to d[hi].
    const g = e[hi - 1];
    const dd = 0.5 * (d[hi - 1] - d[hi]);
    const mu = d[hi] - (g * g) / (dd + (dd >= 0 ? 1 : -1) * hypot(dd, g));
    let x = d[l] - mu;
    let y = e[l];
    for (let k = l; k < hi; k++) {
      const r = hypot(x, y);
      const c = r === 0 ? 1 : x / r;
      const s = r === 0 ? 0 : y / r;
      if (k > l) e[k - 1] = r;
      const ak = d[k];
      const bk = d[k + 1];
      const gk = e[k];
      d[k] = c * c * ak + 2 * c * s * gk + s * s * bk;
      d[k + 1] = s * s * ak - 2 * c * s * gk + c * c * bk;
      e[k] = c * s * (bk - ak) + (c * c - s * s) * gk;
      if (k < hi - 1) {
        x = e[k];
        y = s * e[k + 1];
        e[k + 1] *= c;
      }
      const r0 = k * n;
      const r1 = r0 + n;
      for (let j = 0; j < n; j++) {
        const zk = z[r0 + j];
        const zk1 = z[r1 + j];
        z[r0 + j] = c * zk + s * zk1;
        z[r1 + j] = c * zk1 - s * zk;
      }
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j] - d[i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    const src = order[col];
    values[col] = d[src];
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(z[src * n + i]) > Math.abs(big)) big = z[src * n + i];
    const sgn = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i * n + col] = sgn * z[src * n + i];
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}
