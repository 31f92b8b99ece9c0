/**
 * The Francis implicit double-shift QR algorithm on a block of an upper Hessenberg matrix: the
 * small-matrix workhorse (LAPACK `dlahqr`'s role) used directly for small matrices, for the
 * last rows of large ones, and for the Schur form of the deflation window.
 */
import { lanv2, rot } from './lanv2.ts';

const EPS = Number.EPSILON; // 2⁻⁵²
const SAFE_MIN = 9.332636185032189e-302; // 2⁻¹⁰⁰⁰

/** Where the QR iteration works and what it keeps. */
export interface FrancisOptions {
  /** Row stride of h. */
  ld: number;
  /** First and last row/column of the active block (inclusive). */
  ilo: number;
  ihi: number;
  /**
   * Order of the whole matrix when the real Schur form is wanted (every row and column of h is
   * updated and each converged 2×2 block is put in standard form); omit for eigenvalues only
   * (only the unreduced active block is updated).
   */
  schurOrder?: number;
  /** Orthogonal factor to accumulate, Z ← Z·Q, over rows 0..zRows−1 (row stride zld). */
  z?: Float64Array;
  zld?: number;
  zRows?: number;
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
    // Real pair: λ − d solves t² − 2pt − bc = 0; the larger-magnitude root first (no
    // cancellation), the other from the product of the roots, −bc.
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
 * Eigenvalues of the active block h[ilo..ihi, ilo..ihi] of an upper Hessenberg matrix (whose
 * subdiagonal entries h[ilo, ilo−1] and h[ihi+1, ihi], if any, are zero), written to re/im at
 * indices ilo..ihi. Francis implicit double-shift steps (Francis 1961; Golub & Van Loan,
 * "Matrix Computations", 4th ed., Algorithm 7.5.1 for the step and §7.5.5–7.5.6 for deflation;
 * exceptional shifts every 10 sweeps as in LAPACK `dlahqr`). Complex eigenvalues come in adjacent
 * conjugate pairs with the positive imaginary part first. With `schurOrder` the result is the
 * real Schur form (2×2 blocks standardised by {@link lanv2}); with `z` the transformations
 * are accumulated.
 *
 * @throws Error if an eigenvalue has not converged after 30·max(m, 10) sweeps (m the block size).
 */
export function francisQR(h: Float64Array, re: Float64Array, im: Float64Array, opts: FrancisOptions): void {
  const { ld, ilo, ihi } = opts;
  const wantT = opts.schurOrder !== undefined;
  const nFull = opts.schurOrder ?? 0;
  const z = opts.z;
  const zld = opts.zld ?? 0;
  const zRows = opts.zRows ?? 0;
  const a = h;
  const at = (i: number, j: number) => a[i * ld + j];
  let norm = 0;
  for (let i = ilo; i <= ihi; i++) {
    for (let j = Math.max(ilo, i - 1); j <= ihi; j++) norm = Math.max(norm, Math.abs(a[i * ld + j]));
  }
  const std = new Float64Array(10);
  let hi = ihi;
  let its = 0;
  let total = 0;
  const maxTotal = 30 * Math.max(ihi - ilo + 1, 10);
  while (hi >= ilo) {
    // Find l: the start of the unreduced block ending at hi.
    let l = hi;
    while (l > ilo) {
      let tst = Math.abs(at(l - 1, l - 1)) + Math.abs(at(l, l));
      if (tst === 0) tst = norm;
      const sub = Math.abs(at(l, l - 1));
      if (sub <= EPS * tst || sub <= SAFE_MIN) {
        a[l * ld + l - 1] = 0;
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
      const i = hi - 1;
      if (wantT || z) {
        lanv2(at(i, i), at(i, hi), at(hi, i), at(hi, hi), std);
        a[i * ld + i] = std[0];
        a[i * ld + hi] = std[1];
        a[hi * ld + i] = std[2];
        a[hi * ld + hi] = std[3];
        re[i] = std[4];
        im[i] = std[5];
        re[hi] = std[6];
        im[hi] = std[7];
        const cs = std[8];
        const sn = std[9];
        if (wantT) {
          if (hi + 1 < nFull) rot(a, i * ld + hi + 1, hi * ld + hi + 1, 1, nFull - hi - 1, cs, sn);
          rot(a, i, hi, ld, i, cs, sn);
        }
        if (z) rot(z, i, hi, zld, zRows, cs, sn);
      } else {
        eig2x2(at(i, i), at(i, hi), at(hi, i), at(hi, hi), re, im, i);
      }
      hi -= 2;
      its = 0;
      continue;
    }
    if (++total > maxTotal) throw new Error(`eigenvalues: QR iteration did not converge (block of ${ihi - ilo + 1})`);
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
    doubleShiftSweep(a, ld, l, hi, s, t, wantT ? 0 : l, wantT ? nFull - 1 : hi, z, zld, zRows);
  }
}

/**
 * One Francis double-shift sweep over the unreduced block [l, hi] with shifts σ1, σ2 given as
 * s = σ1 + σ2 and t = σ1·σ2: the bulge created from the first column of (H − σ1)(H − σ2) is
 * chased to the bottom by 3×3 Householder reflectors. Rows are updated over columns up to
 * `colEnd`, columns over rows from `rowStart`; Z ← Z·P when given.
 */
export function doubleShiftSweep(
  a: Float64Array, ld: number, l: number, hi: number, s: number, t: number,
  rowStart: number, colEnd: number, z: Float64Array | undefined, zld: number, zRows: number,
): void {
  for (let k = l; k <= hi - 1; k++) bulgeStep(a, ld, l, hi, k, s, t, rowStart, colEnd, z, zld, zRows);
}

/**
 * Several double-shift sweeps at once, as a chain of bulges three rows apart chased together
 * (the "tightly packed chain of small bulges" of Braman, Byers & Mathias 2002, Part I): at each
 * step every bulge moves down one row, the leading one first, so the rows and columns they
 * update are close together and stay in cache. The result is the same similarity as running the
 * sweeps one after the other with these shifts (up to rounding). Shifts are pairs
 * (s_b, t_b) = (σ1 + σ2, σ1·σ2) in `sums`/`products`; eigenvalues only (active block updated).
 */
export function chainedSweeps(a: Float64Array, ld: number, l: number, hi: number, sums: ArrayLike<number>, products: ArrayLike<number>): void {
  const bulges = sums.length;
  const steps = hi - l; // positions k = l .. hi − 1 per bulge
  for (let tau = 0; tau < steps + 3 * (bulges - 1); tau++) {
    for (let b = 0; b < bulges; b++) {
      const j = tau - 3 * b;
      if (j < 0) break;
      if (j >= steps) continue;
      bulgeStep(a, ld, l, hi, l + j, sums[b], products[b], l, hi, undefined, 0, 0);
    }
  }
}

/**
 * Step k of a double-shift sweep over [l, hi]: at k = l the bulge is created from the shifts
 * (s, t), after that the bulge in column k − 1 is moved to column k.
 */
function bulgeStep(
  a: Float64Array, ld: number, l: number, hi: number, k: number, s: number, t: number,
  rowStart: number, colEnd: number, z: Float64Array | undefined, zld: number, zRows: number,
): void {
  const three = k < hi - 1;
  let x: number;
  let y: number;
  let zz: number;
  if (k === l) {
    // First column of (H − σ1)(H − σ2), which has three nonzeros.
    const h00 = a[l * ld + l];
    const h10 = a[(l + 1) * ld + l];
    x = h00 * h00 + a[l * ld + l + 1] * h10 - s * h00 + t;
    y = h10 * (h00 + a[(l + 1) * ld + l + 1] - s);
    zz = h10 * a[(l + 2) * ld + l + 1];
  } else {
    x = a[k * ld + k - 1];
    y = a[(k + 1) * ld + k - 1];
    zz = three ? a[(k + 2) * ld + k - 1] : 0;
  }
  const sc = Math.abs(x) + Math.abs(y) + Math.abs(zz);
  if (sc === 0) return;
  const xs = x / sc;
  const ys = y / sc;
  const zs = zz / sc;
  let beta = Math.sqrt(xs * xs + ys * ys + zs * zs);
  if (xs > 0) beta = -beta; // reflector maps (x, y, z) to (β·sc, 0, 0)
  const tau = (beta - xs) / beta;
  const v1 = ys / (xs - beta);
  const v2 = zs / (xs - beta);
  if (k > l) {
    a[k * ld + k - 1] = beta * sc;
    a[(k + 1) * ld + k - 1] = 0;
    if (three) a[(k + 2) * ld + k - 1] = 0;
  }
  // Left: rows k..k+2, columns k..colEnd (column k−1 handled above).
  const r0 = k * ld;
  const r1 = r0 + ld;
  const r2 = r1 + ld;
  if (three) {
    for (let j = k; j <= colEnd; j++) {
      const f = tau * (a[r0 + j] + v1 * a[r1 + j] + v2 * a[r2 + j]);
      a[r0 + j] -= f;
      a[r1 + j] -= f * v1;
      a[r2 + j] -= f * v2;
    }
  } else {
    for (let j = k; j <= colEnd; j++) {
      const f = tau * (a[r0 + j] + v1 * a[r1 + j]);
      a[r0 + j] -= f;
      a[r1 + j] -= f * v1;
    }
  }
  // Right: columns k..k+2, rows rowStart..min(k+3, hi).
  const iEnd = Math.min(k + 3, hi);
  if (three) {
    for (let i = rowStart; i <= iEnd; i++) {
      const o = i * ld + k;
      const f = tau * (a[o] + v1 * a[o + 1] + v2 * a[o + 2]);
      a[o] -= f;
      a[o + 1] -= f * v1;
      a[o + 2] -= f * v2;
    }
    if (z) {
      for (let i = 0; i < zRows; i++) {
        const o = i * zld + k;
        const f = tau * (z[o] + v1 * z[o + 1] + v2 * z[o + 2]);
        z[o] -= f;
        z[o + 1] -= f * v1;
        z[o + 2] -= f * v2;
      }
    }
  } else {
    for (let i = rowStart; i <= iEnd; i++) {
      const o = i * ld + k;
      const f = tau * (a[o] + v1 * a[o + 1]);
      a[o] -= f;
      a[o + 1] -= f * v1;
    }
    if (z) {
      for (let i = 0; i < zRows; i++) {
        const o = i * zld + k;
        const f = tau * (z[o] + v1 * z[o + 1]);
        z[o] -= f;
        z[o + 1] -= f * v1;
      }
    }
  }
}
