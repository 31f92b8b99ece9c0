/**
 * Eigenvalues of a real square matrix: balancing, Householder reduction to upper Hessenberg
 * form, then the Francis implicit double-shift QR algorithm.
 */
import { balanceInPlace } from './balance.ts';
import { householderColumn } from './householder.ts';
import type { DenseMatrix } from './types.ts';

const EPS = Number.EPSILON; // 2⁻⁵²
const SAFE_MIN = 9.332636185032189e-302; // 2⁻¹⁰⁰⁰

/**
 * Reduce a square matrix to upper Hessenberg form H = Qᵀ·A·Q in place with Householder
 * reflectors (Golub & Van Loan, "Matrix Computations", 4th ed., Algorithm 7.4.2). Entries below
 * the first subdiagonal are set to exactly zero. Q is not accumulated. Cost ≈ 10n³/3 flops.
 */
export function hessenbergInPlace(m: DenseMatrix): void {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`hessenberg: matrix must be square, got ${m.rows}x${m.cols}`);
  const a = m.data;
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    // x = A[k+1 .. n-1, k]; P = I − β v vᵀ maps x to −σ e1
    const reflector = householderColumn(a, n, k, v);
    if (!reflector) continue;
    const { beta, sigmaScaled } = reflector;

    // Left: A[k+1:, k+1:] -= β v (vᵀ A[k+1:, k+1:]); column k becomes (-σ·scale, 0, …, 0).
    w.fill(0, k + 1, n);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      const row = i * n;
      for (let j = k + 1; j < n; j++) w[j] += vi * a[row + j];
    }
    for (let i = k + 1; i < n; i++) {
      const f = beta * v[i];
      const row = i * n;
      for (let j = k + 1; j < n; j++) a[row + j] -= f * w[j];
    }
    a[(k + 1) * n + k] = -sigmaScaled;
    for (let i = k + 2; i < n; i++) a[i * n + k] = 0;

    // Right: A[:, k+1:] -= β (A[:, k+1:] v) vᵀ.
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = k + 1; j < n; j++) s += a[row + j] * v[j];
      s *= beta;
      for (let j = k + 1; j < n; j++) a[row + j] -= s * v[j];
    }
  }
}

/** Eigenvalues of the 2×2 block [[a, b], [c, d]] written to re/im at index i and i+1. */
function eig2x2(a: number, b: number, c: number, d: number, re: Float64Array, im: Float64Array, i: number): void {
  const p = 0.5 * (a - d);
  const bc = b * c;
  // Scale to avoid overflow in p² + bc.
  const s = Math.max(Math.abs(p), Math.sqrt(Math.abs(bc)));
  if (s === 0) {
    re[i] = d;
    re[i + 1] = d;
    im[i] = 0;
    im[i + 1] = 0;
    return;
  }
  const disc = (p / s) * (p / s) + bc / s / s;
  if (disc >= 0) {
    // Real pair: λ - d solves t² - 2pt - bc = 0; take the larger-magnitude root first
    // (no cancellation) and the other from the product of the roots, -bc.
    const r = s * Math.sqrt(disc);
    const z = p >= 0 ? p + r : p - r;
    re[i] = d + z;
    re[i + 1] = z !== 0 ? d - bc / z : d;
    im[i] = 0;
    im[i + 1] = 0;
  } else {
    const mu = 0.5 * (a + d);
    const w = s * Math.sqrt(-disc);
    re[i] = mu;
    re[i + 1] = mu;
    im[i] = w;
    im[i + 1] = -w;
  }
}

/**
 * Eigenvalues of an upper Hessenberg matrix by the Francis implicit double-shift QR algorithm
 * (Francis 1961; Golub & Van Loan, 4th ed., Algorithm 7.5.1 for the step and §7.5.5–7.5.6 for
 * deflation; exceptional shifts as in LAPACK `dlahqr`). Destroys `h`. Only the active unreduced
 * block is updated, since eigenvectors are not wanted. Complex eigenvalues come in adjacent
 * conjugate pairs with the positive imaginary part first.
 *
 * @throws Error if an eigenvalue has not converged after 30·max(n, 10) sweeps in total.
 */
export function hessenbergEigenvaluesInPlace(h: DenseMatrix): { re: Float64Array; im: Float64Array } {
  const n = h.rows;
  const a = h.data;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - 1); j < n; j++) norm = Math.max(norm, Math.abs(a[i * n + j]));
  }
  const at = (i: number, j: number) => a[i * n + j];
  let hi = n - 1;
  let its = 0;
  let total = 0;
  const maxTotal = 30 * Math.max(n, 10);
  while (hi >= 0) {
    // Find l: the start of the unreduced block ending at hi.
    let l = hi;
    while (l > 0) {
      let tst = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (tst === 0) tst = norm;
      const sub = Math.abs(at(l, l - 1));
      if (sub <= EPS * tst || sub <= SAFE_MIN) {
        a[l * n + l - 1] = 0;
        break;
      }
      l--;
    }
    if (l === hi) {
      re[hi] = at(hi, hi);
      im[hi] = 0;
      hi--;
      its = 0;
      continue;
    }
    if (l === hi - 1) {
      eig2x2(at(hi - 1, hi - 1), at(hi - 1, hi), at(hi, hi - 1), at(hi, hi), re, im, hi - 1);
      hi -= 2;
      its = 0;
      continue;
    }
    if (++total > maxTotal) throw new Error(`eigenvalues: QR iteration did not converge (n = ${n})`);
    its++;

    // Shifts: the eigenvalues of the trailing 2×2 block, as s = σ1+σ2 and t = σ1·σ2;
    // exceptional shifts every 10 sweeps break cycles.
    let s: number;
    let t: number;
    if (its % 10 === 0) {
      const e = Math.abs(at(hi, hi - 1)) + Math.abs(at(hi - 1, hi - 2));
      const h11 = 0.75 * e + at(hi, hi);
      s = 2 * h11;
      t = h11 * h11 + 0.4375 * e * e;
    } else {
      const p = at(hi - 1, hi - 1);
      const q = at(hi, hi);
      s = p + q;
      t = p * q - at(hi - 1, hi) * at(hi, hi - 1);
    }

    // First column of (H - σ1)(H - σ2), which has three nonzeros.
    const h00 = at(l, l);
    const h10 = at(l + 1, l);
    let x = h00 * h00 + at(l, l + 1) * h10 - s * h00 + t;
    let y = h10 * (h00 + at(l + 1, l + 1) - s);
    let z = h10 * at(l + 2, l + 1);

    // Chase the bulge from l to hi.
    for (let k = l; k <= hi - 1; k++) {
      const three = k < hi - 1;
      if (k > l) {
        x = at(k, k - 1);
        y = at(k + 1, k - 1);
        z = three ? at(k + 2, k - 1) : 0;
      }
      const sc = Math.abs(x) + Math.abs(y) + Math.abs(z);
      if (sc === 0) continue;
      const xs = x / sc;
      const ys = y / sc;
      const zs = z / sc;
      let beta = Math.sqrt(xs * xs + ys * ys + zs * zs);
      if (xs > 0) beta = -beta; // reflector maps (x, y, z) to (β·sc, 0, 0)
      const tau = (beta - xs) / beta;
      const v1 = ys / (xs - beta);
      const v2 = zs / (xs - beta);
      if (k > l) {
        a[k * n + k - 1] = beta * sc;
        a[(k + 1) * n + k - 1] = 0;
        if (three) a[(k + 2) * n + k - 1] = 0;
      }
      // Left: rows k..k+2, columns k..hi (column k-1 handled above).
      const r0 = k * n;
      const r1 = r0 + n;
      const r2 = r1 + n;
      if (three) {
        for (let j = k; j <= hi; j++) {
          const f = tau * (a[r0 + j] + v1 * a[r1 + j] + v2 * a[r2 + j]);
          a[r0 + j] -= f;
          a[r1 + j] -= f * v1;
          a[r2 + j] -= f * v2;
        }
      } else {
        for (let j = k; j <= hi; j++) {
          const f = tau * (a[r0 + j] + v1 * a[r1 + j]);
          a[r0 + j] -= f;
          a[r1 + j] -= f * v1;
        }
      }
      // Right: columns k..k+2, rows l..min(k+3, hi).
      const iEnd = Math.min(k + 3, hi);
      if (three) {
        for (let i = l; i <= iEnd; i++) {
          const o = i * n + k;
          const f = tau * (a[o] + v1 * a[o + 1] + v2 * a[o + 2]);
          a[o] -= f;
          a[o + 1] -= f * v1;
          a[o + 2] -= f * v2;
        }
      } else {
        for (let i = l; i <= iEnd; i++) {
          const o = i * n + k;
          const f = tau * (a[o] + v1 * a[o + 1]);
          a[o] -= f;
          a[o + 1] -= f * v1;
        }
      }
    }
  }
  return { re, im };
}

/**
 * All eigenvalues of a real square matrix, as parallel arrays of real and imaginary parts.
 * Complex eigenvalues appear as adjacent conjugate pairs (positive imaginary part first);
 * the order is otherwise that in which the QR algorithm deflates them (no sorting).
 *
 * Method: balancing (Parlett & Reinsch 1969, EISPACK `balanc`), Householder reduction to
 * upper Hessenberg form (Golub & Van Loan, 4th ed., Alg. 7.4.2), then the Francis implicit
 * double-shift QR algorithm without eigenvectors (Golub & Van Loan Alg. 7.5.1–7.5.2; the
 * structure of EISPACK `hqr` / Numerical Recipes §11.6). Backward stable: the results are the
 * exact eigenvalues of A + E with ‖E‖ ≈ ε‖A‖; well-conditioned eigenvalues are accurate to
 * about 1e-13·‖A‖, while an eigenvalue of a k×k Jordan block is only accurate to ≈ ε^(1/k).
 * Cost ≈ 10n³ flops; the input is not modified.
 *
 * @throws Error if the matrix is not square, contains NaN/Infinity, or QR fails to converge.
 */
export function eigenvalues(m: DenseMatrix): { re: Float64Array; im: Float64Array } {
  if (m.rows !== m.cols) throw new Error(`eigenvalues: matrix must be square, got ${m.rows}x${m.cols}`);
  const n = m.rows;
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k])) throw new Error('eigenvalues: matrix contains NaN or Infinity');
  }
  if (n === 0) return { re: new Float64Array(0), im: new Float64Array(0) };
  const h: DenseMatrix = { rows: n, cols: n, data: Float64Array.from(m.data) };
  balanceInPlace(h);
  hessenbergInPlace(h);
  return hessenbergEigenvaluesInPlace(h);
}
