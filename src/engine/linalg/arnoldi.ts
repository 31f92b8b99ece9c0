/**
 * Implicitly restarted Arnoldi iteration for the eigenvalues of largest modulus of a large
 * (dense or sparse) real matrix, given only as a matrix–vector product.
 */
import { eigenvalues } from './hessenberg-qr.ts';
import { matVec } from './csr.ts';
import { doubleShiftSweep } from './francis.ts';
import { rot } from './lanv2.ts';
import { hypot } from './scalar.ts';
import { abortError, drainSlices, type SliceControl, type Slices } from './slices.ts';
import type { AnyMatrix } from './types.ts';

const EPS = Number.EPSILON; // 2⁻⁵²

/** y = A·x for an n-vector x; `y` never aliases `x`. */
export type LinearOperator = (x: Float64Array, y: Float64Array) => void;

/** How an Arnoldi run is set up (what {@link arnoldiSlices} takes). */
export interface ArnoldiSetup {
  /** How many largest-modulus eigenvalues must converge (default 6). */
  nev?: number;
  /** Krylov subspace dimension m before each restart (default max(2·nev+20, 60), < n). */
  ncv?: number;
  /** Relative Ritz-residual tolerance: ‖A·x − θ·x‖ ≤ tol·|θ| for each wanted Ritz pair (default 1e-10). */
  tol?: number;
  /** Maximum number of implicit restarts (default 500). */
  maxRestarts?: number;
  /** Seed of the deterministic perturbation of the all-ones start vector (default 12345). */
  seed?: number;
}

/**
 * An Arnoldi run at once: `onProgress` is called after each restart with an estimate of the
 * fraction done (the share of wanted Ritz values converged, never decreasing, though convergence
 * is not monotone; the last call gives 1); `signal` is checked after each restart.
 */
export interface ArnoldiOptions extends ArnoldiSetup, SliceControl {}

export interface ArnoldiResult {
  /** Real parts of the `nev` (or nev+1, to keep a conjugate pair) Ritz values of largest modulus, sorted by modulus, descending. */
  re: Float64Array;
  /** Imaginary parts, parallel to `re`. */
  im: Float64Array;
  /** Ritz residual estimates ‖A·x − θ·x‖ (x a unit Ritz vector), parallel to `re`. */
  residuals: Float64Array;
  /** True when every wanted Ritz value met the tolerance. */
  converged: boolean;
  restarts: number;
  matVecs: number;
}

/** Deterministic pseudo-random vector in [-1, 1) (mulberry32; no Math.random). */
function deterministicVector(n: number, seed: number): Float64Array {
  let a = seed | 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2147483648 - 1;
  }
  return out;
}

function norm2(x: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

/**
 * Orthogonalise w against the first `j` basis vectors (rows of V, each of length n) by classical
 * Gram–Schmidt with the Daniel–Gragg–Kaufman–Stewart (1976) criterion: a second pass runs only
 * when the first removed more than 1 − 1/√2 of ‖w‖ (Giraud, Langou & Rozložník 2005 show two
 * passes give orthogonality to working precision). Adds the coefficients to h (stride
 * hStride, column `col`) when given.
 */
function orthogonalize(V: Float64Array, n: number, j: number, w: Float64Array, h: Float64Array | null, hStride: number, col: number): void {
  const c = new Float64Array(j);
  let before = norm2(w);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < j; i++) {
      const o = i * n;
      let s = 0;
      for (let t = 0; t < n; t++) s += V[o + t] * w[t];
      c[i] = s;
    }
    for (let i = 0; i < j; i++) {
      const o = i * n;
      const ci = c[i];
      if (ci === 0) continue;
      for (let t = 0; t < n; t++) w[t] -= ci * V[o + t];
      if (h) h[i * hStride + col] += ci;
    }
    const after = norm2(w);
    if (after > Math.SQRT1_2 * before) break;
    before = after;
  }
}

/**
 * |last component| of a unit eigenvector of the upper Hessenberg m×m matrix H for the
 * eigenvalue θ = (tr, ti), by two steps of inverse iteration with Gaussian elimination with
 * adjacent-row pivoting (O(m²), complex arithmetic).
 */
function lastEigvecComponent(H: Float64Array, m: number, tr: number, ti: number, hnorm: number): number {
  const ar = new Float64Array(m * m);
  const ai = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = Math.max(0, i - 1); j < m; j++) ar[i * m + j] = H[i * m + j];
    ar[i * m + i] -= tr;
    ai[i * m + i] -= ti;
  }
  // LU: L is unit lower bidiagonal (with swaps); store multipliers and swap flags.
  const lr = new Float64Array(m);
  const li = new Float64Array(m);
  const swap = new Uint8Array(m);
  const tiny = Math.max(hnorm, 1e-300) * EPS;
  for (let k = 0; k < m - 1; k++) {
    const p = k * m + k;
    const q = (k + 1) * m + k;
    if (hypot(ar[q], ai[q]) > hypot(ar[p], ai[p])) {
      swap[k] = 1;
      for (let j = k; j < m; j++) {
        const r0 = ar[k * m + j];
        const i0 = ai[k * m + j];
        ar[k * m + j] = ar[(k + 1) * m + j];
        ai[k * m + j] = ai[(k + 1) * m + j];
        ar[(k + 1) * m + j] = r0;
        ai[(k + 1) * m + j] = i0;
      }
    }
    let pr = ar[p];
    const pi = ai[p];
    if (pr === 0 && pi === 0) {
      pr = ar[p] = tiny;
    }
    // l = M[k+1][k] / M[k][k]
    const d = pr * pr + pi * pi;
    const xr = (ar[q] * pr + ai[q] * pi) / d;
    const xi = (ai[q] * pr - ar[q] * pi) / d;
    lr[k] = xr;
    li[k] = xi;
    for (let j = k; j < m; j++) {
      const ur = ar[k * m + j];
      const ui = ai[k * m + j];
      ar[(k + 1) * m + j] -= xr * ur - xi * ui;
      ai[(k + 1) * m + j] -= xr * ui + xi * ur;
    }
  }
  const last = (m - 1) * m + m - 1;
  if (ar[last] === 0 && ai[last] === 0) ar[last] = tiny;

  let yr = new Float64Array(m).fill(1);
  let yi = new Float64Array(m);
  for (let it = 0; it < 2; it++) {
    const br = Float64Array.from(yr);
    const bi = Float64Array.from(yi);
    for (let k = 0; k < m - 1; k++) {
      if (swap[k]) {
        let t = br[k];
        br[k] = br[k + 1];
        br[k + 1] = t;
        t = bi[k];
        bi[k] = bi[k + 1];
        bi[k + 1] = t;
      }
      br[k + 1] -= lr[k] * br[k] - li[k] * bi[k];
      bi[k + 1] -= lr[k] * bi[k] + li[k] * br[k];
    }
    for (let i = m - 1; i >= 0; i--) {
      let sr = br[i];
      let si = bi[i];
      for (let j = i + 1; j < m; j++) {
        const ur = ar[i * m + j];
        const ui = ai[i * m + j];
        sr -= ur * br[j] - ui * bi[j];
        si -= ur * bi[j] + ui * br[j];
      }
      const ur = ar[i * m + i];
      const ui = ai[i * m + i];
      const d = ur * ur + ui * ui;
      br[i] = (sr * ur + si * ui) / d;
      bi[i] = (si * ur - sr * ui) / d;
    }
    let s = 0;
    for (let i = 0; i < m; i++) s = Math.max(s, Math.abs(br[i]), Math.abs(bi[i]));
    if (!Number.isFinite(s) || s === 0) return 1;
    let nn = 0;
    for (let i = 0; i < m; i++) {
      br[i] /= s;
      bi[i] /= s;
      nn += br[i] * br[i] + bi[i] * bi[i];
    }
    nn = Math.sqrt(nn);
    for (let i = 0; i < m; i++) {
      br[i] /= nn;
      bi[i] /= nn;
    }
    yr = br;
    yi = bi;
  }
  return hypot(yr[m - 1], yi[m - 1]);
}

/**
 * One implicit QR bulge chase on the full m×m upper Hessenberg H with a real shift (one
 * Givens sweep) or a complex-conjugate pair of shifts (s = σ1+σ2, t = σ1·σ2; 3×3 Householder
 * sweep, francis.ts), accumulating Q ← Q·P. Exact shifts as in Sorensen (1992); the double-shift
 * step is Golub & Van Loan, 4th ed., Algorithm 7.5.1.
 */
function applyShift(H: Float64Array, Q: Float64Array, m: number, sigma: number, s: number, t: number, pair: boolean): void {
  if (!pair) {
    let x = H[0] - sigma;
    let y = H[m];
    for (let k = 0; k < m - 1; k++) {
      if (k > 0) {
        x = H[k * m + k - 1];
        y = H[(k + 1) * m + k - 1];
      }
      const r = hypot(x, y);
      if (r === 0) continue;
      const c = x / r;
      const sn = y / r;
      if (k > 0) {
        H[k * m + k - 1] = r;
        H[(k + 1) * m + k - 1] = 0;
      }
      rot(H, k * m + k, (k + 1) * m + k, 1, m - k, c, sn);
      rot(H, k, k + 1, m, Math.min(k + 2, m - 1) + 1, c, sn);
      rot(Q, k, k + 1, m, m, c, sn);
    }
    return;
  }
  doubleShiftSweep(H, m, 0, m - 1, s, t, 0, m - 1, Q, m, m);
}

/**
 * The `nev` eigenvalues of largest modulus of a real n×n operator, by the implicitly restarted
 * Arnoldi method with exact (unwanted Ritz value) shifts: Sorensen (1992), "Implicit
 * application of polynomial filters in a k-step Arnoldi method", SIAM J. Matrix Anal. Appl.
 * 13; Saad (2011), "Numerical Methods for Large Eigenvalue Problems", 2nd ed., §6.2 (Arnoldi)
 * and §7.3 (implicit restarts); the scheme of ARPACK `dnaupd`. Orthogonalisation is classical
 * Gram–Schmidt with reorthogonalisation; the Ritz values come from {@link eigenvalues} on the
 * small Hessenberg matrix. On an Arnoldi breakdown (an invariant subspace) the basis is
 * continued with a fresh deterministic vector.
 *
 * Convergence: a Ritz pair (θ, x) is accepted when its residual estimate
 * β·|e_mᵀy| = ‖A·x − θ·x‖ ≤ tol·max(|θ|, ε‖H‖). The eigenvalue error is then about the residual
 * times the eigenvalue's condition number. Deterministic: the start vector is all-ones plus a
 * fixed pseudo-random perturbation.
 */
export function arnoldiLargest(op: LinearOperator, n: number, opts: ArnoldiOptions = {}): ArnoldiResult {
  checkOrder(n);
  if (opts.signal?.aborted) throw abortError();
  return drainSlices(arnoldiSlices(op, n, opts), opts);
}

function checkOrder(n: number): void {
  if (n < 3) throw new Error('arnoldiLargest: needs n ≥ 3 (use eigenvalues for small matrices)');
}

/**
 * {@link arnoldiLargest} as slices: one implicit restart each, yielding the fraction done (the
 * share of wanted Ritz values converged so far, never decreasing).
 */
export function* arnoldiSlices(op: LinearOperator, n: number, opts: ArnoldiSetup = {}): Slices<ArnoldiResult> {
  checkOrder(n);
  const tol = opts.tol ?? 1e-10;
  const maxRestarts = opts.maxRestarts ?? 500;
  let nev = Math.max(1, Math.min(opts.nev ?? 6, n - 2));
  const m = Math.min(n - 1, Math.max(opts.ncv ?? Math.max(2 * nev + 20, 60), nev + 3));
  nev = Math.min(nev, m - 2);

  const V = new Float64Array((m + 1) * n); // rows 0..m-1 hold the basis
  const H = new Float64Array(m * m);
  let f = new Float64Array(n);
  const w = new Float64Array(n);
  let matVecs = 0;
  let seed = opts.seed ?? 12345;

  // v0 = ones + deterministic perturbation, normalised.
  const v0 = deterministicVector(n, seed++);
  for (let i = 0; i < n; i++) v0[i] = 1 + 0.5 * v0[i];
  const n0 = norm2(v0);
  for (let i = 0; i < n; i++) V[i] = v0[i] / n0;

  let beta = 0;
  let hnorm = 0;

  const extend = (from: number): void => {
    for (let j = from; j < m; j++) {
      if (j > 0) {
        // v_j = f / β, or a fresh orthogonal vector after breakdown.
        const vj = V.subarray(j * n, (j + 1) * n);
        if (beta > Math.max(hnorm, 1e-300) * n * EPS) {
          for (let i = 0; i < n; i++) vj[i] = f[i] / beta;
          H[j * m + j - 1] = beta;
        } else {
          H[j * m + j - 1] = 0;
          for (let attempt = 0; attempt < 5; attempt++) {
            const r = deterministicVector(n, seed++);
            orthogonalize(V, n, j, r, null, 0, 0);
            const rn = norm2(r);
            if (rn > 1e-8) {
              for (let i = 0; i < n; i++) vj[i] = r[i] / rn;
              break;
            }
          }
        }
      }
      op(V.subarray(j * n, (j + 1) * n), w);
      matVecs++;
      for (let i = 0; i <= j; i++) H[i * m + j] = 0;
      orthogonalize(V, n, j + 1, w, H, m, j);
      f.set(w);
      beta = norm2(f);
      let colNorm = Math.abs(beta);
      for (let i = 0; i <= j; i++) colNorm += Math.abs(H[i * m + j]);
      hnorm = Math.max(hnorm, colNorm);
    }
  };

  extend(0);
  let restarts = 0;
  const wantRe = new Float64Array(nev + 1);
  const wantIm = new Float64Array(nev + 1);
  const wantRes = new Float64Array(nev + 1);
  let nWant: number;
  let converged: boolean;
  const Q = new Float64Array(m * m);
  const Vnew = new Float64Array(m * n);
  let progress = 0;

  for (;;) {
    const ritz = eigenvalues({ rows: m, cols: m, data: Float64Array.from(H) });
    const order = Array.from({ length: m }, (_, i) => i).sort(
      (a, b) => hypot(ritz.re[b], ritz.im[b]) - hypot(ritz.re[a], ritz.im[a]) || ritz.im[b] - ritz.im[a],
    );
    // Keep conjugate pairs together: extend the wanted set across a split pair.
    const idx = (p: number) => order[p];
    const splitsPair = (p: number): boolean => {
      // true when positions p-1 and p hold the two halves of one conjugate pair
      const a = idx(p - 1);
      const b = idx(p);
      return ritz.im[a] !== 0 && ritz.re[a] === ritz.re[b] && ritz.im[a] === -ritz.im[b];
    };
    nWant = nev;
    if (nWant < m - 1 && splitsPair(nWant)) nWant++;
    let nconv = 0;
    for (let p = 0; p < nWant; p++) {
      const i = idx(p);
      const th = hypot(ritz.re[i], ritz.im[i]);
      const res = beta * lastEigvecComponent(H, m, ritz.re[i], ritz.im[i], hnorm);
      wantRe[p] = ritz.re[i];
      wantIm[p] = ritz.im[i];
      wantRes[p] = res;
      if (res <= tol * Math.max(th, EPS * hnorm)) nconv++;
    }
    converged = nconv === nWant;
    if (converged || restarts >= maxRestarts) break;
    progress = Math.max(progress, nconv / nWant);
    yield progress;
    restarts++;

    // How many Ritz values to keep: as in ARPACK dnaup2, the wanted ones plus up to half the
    // remaining room for each converged one, and never less than half the basis; this stops
    // converged pairs from crowding out the unconverged wanted ones.
    let keep = Math.max(nWant + Math.min(nconv, Math.floor((m - nWant) / 2)), Math.floor(m / 2));
    keep = Math.min(keep, m - 2);
    if (splitsPair(keep)) keep++;

    // Apply the unwanted Ritz values as shifts, conjugate pairs together.
    Q.fill(0);
    for (let i = 0; i < m; i++) Q[i * m + i] = 1;
    const used = new Uint8Array(m);
    for (let p = keep; p < m; p++) {
      const i = idx(p);
      if (used[i]) continue;
      used[i] = 1;
      const sr = ritz.re[i];
      const si = ritz.im[i];
      if (si === 0) {
        applyShift(H, Q, m, sr, 0, 0, false);
        continue;
      }
      // A complex shift goes with its conjugate partner (also unwanted) as one double shift.
      for (let q = p + 1; q < m; q++) {
        const j = idx(q);
        if (!used[j] && ritz.im[j] === -si && ritz.re[j] === sr) {
          used[j] = 1;
          break;
        }
      }
      applyShift(H, Q, m, 0, 2 * sr, sr * sr + si * si, true);
    }
    const k = keep;
    // f_k = v_k·H[k][k-1] + f·Q[m-1][k-1];  V_k = V_m·Q[:, 0..k-1].
    const hk = H[k * m + k - 1];
    const sigma = Q[(m - 1) * m + k - 1];
    const fNew = new Float64Array(n);
    Vnew.fill(0, 0, (k + 1) * n);
    for (let c = 0; c <= k; c++) {
      const dst = c * n;
      for (let i = 0; i < m; i++) {
        const q = Q[i * m + c];
        if (q === 0) continue;
        const src = i * n;
        for (let t = 0; t < n; t++) Vnew[dst + t] += q * V[src + t];
      }
    }
    for (let t = 0; t < n; t++) fNew[t] = Vnew[k * n + t] * hk + f[t] * sigma;
    V.set(Vnew.subarray(0, k * n));
    f = fNew;
    beta = norm2(f);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i >= k || j >= k) H[i * m + j] = 0;
    }
    extend(k);
  }
  return {
    re: wantRe.slice(0, nWant),
    im: wantIm.slice(0, nWant),
    residuals: wantRes.slice(0, nWant),
    converged,
    restarts,
    matVecs,
  };
}

/**
 * The k eigenvalues of largest modulus of a dense or CSR matrix, with a residual
 * ‖A·x − λ·x‖ (x a unit Ritz vector) for each: {@link arnoldiLargest} with the matrix as its
 * operator. For matrices above ALL_EIGENVALUES_LIMIT (hessenberg-qr.ts), where computing every
 * eigenvalue takes too long; a conjugate pair split by k is kept whole (k + 1 values).
 */
export function leadingEigenvalues(m: AnyMatrix, k: number, opts: Omit<ArnoldiOptions, 'nev'> = {}): ArnoldiResult {
  if (opts.signal?.aborted) throw abortError();
  return drainSlices(leadingEigenvalueSlices(m, k, opts), opts);
}

/** {@link leadingEigenvalues} as slices (one implicit restart each; {@link arnoldiSlices}). */
export function* leadingEigenvalueSlices(m: AnyMatrix, k: number, setup: Omit<ArnoldiSetup, 'nev'> = {}): Slices<ArnoldiResult> {
  if (m.rows !== m.cols) throw new Error(`leadingEigenvalues: matrix must be square, got ${m.rows}x${m.cols}`);
  return yield* arnoldiSlices((x, y) => void matVec(m, x, y), m.rows, { ...setup, nev: k });
}
