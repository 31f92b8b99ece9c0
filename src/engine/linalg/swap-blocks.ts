/**
 * Reordering a real Schur form: swapping adjacent 1×1 / 2×2 diagonal blocks by an orthogonal
 * similarity (the direct method of Bai & Demmel 1993, "On swapping diagonal blocks in real Schur
 * form", Linear Algebra Appl. 186; LAPACK `dlaexc` and `dtrexc`). Used by the aggressive early
 * deflation to move undeflatable eigenvalues out of the way.
 *
 * T is row-major m×m with row stride `ld`; Q (m rows, row stride `ld`) accumulates Q ← Q·P.
 */
import { hypot } from './scalar.ts';
import { lanv2, rot, sign } from './lanv2.ts';

const EPS = Number.EPSILON;
const SAFE_MIN = 2.2250738585072014e-308;

/** Scratch arrays of the swaps, allocated once per deflation window rather than per swap. */
export interface SwapWork {
  d: Float64Array;
  x: Float64Array;
  std: Float64Array;
  u1: Float64Array;
  u2: Float64Array;
  m: Float64Array;
  rhs: Float64Array;
  sol: Float64Array;
  vec: Float64Array;
  perm: Int32Array;
}

export function swapWork(): SwapWork {
  return {
    d: new Float64Array(16),
    x: new Float64Array(4),
    std: new Float64Array(10),
    u1: new Float64Array(3),
    u2: new Float64Array(3),
    m: new Float64Array(16),
    rhs: new Float64Array(4),
    sol: new Float64Array(4),
    vec: new Float64Array(4),
    perm: new Int32Array(4),
  };
}

/** Householder reflector P = I − τ·u·uᵀ with P·[α; x] = [β; 0] (LAPACK `dlarfg`) on u[0..2] with the pivot at index `pivot`; returns τ and leaves u with u[pivot] = 1. */
function reflector3(u: Float64Array, pivot: number): number {
  const alpha = u[pivot];
  let xnorm = 0;
  for (let k = 0; k < 3; k++) if (k !== pivot) xnorm = hypot(xnorm, u[k]);
  if (xnorm === 0) {
    u[pivot] = 1;
    for (let k = 0; k < 3; k++) if (k !== pivot) u[k] = 0;
    return 0;
  }
  const beta = -sign(hypot(alpha, xnorm), alpha);
  const tau = (beta - alpha) / beta;
  const f = 1 / (alpha - beta);
  for (let k = 0; k < 3; k++) if (k !== pivot) u[k] *= f;
  u[pivot] = 1;
  return tau;
}

/** C ← (I − τuuᵀ)·C on rows r0..r0+2, columns c0..c1−1. */
function reflectLeft(a: Float64Array, ld: number, u: Float64Array, tau: number, r0: number, c0: number, c1: number): void {
  if (tau === 0) return;
  for (let j = c0; j < c1; j++) {
    const s = tau * (u[0] * a[r0 * ld + j] + u[1] * a[(r0 + 1) * ld + j] + u[2] * a[(r0 + 2) * ld + j]);
    a[r0 * ld + j] -= s * u[0];
    a[(r0 + 1) * ld + j] -= s * u[1];
    a[(r0 + 2) * ld + j] -= s * u[2];
  }
}

/** C ← C·(I − τuuᵀ) on rows r0..r1−1, columns c0..c0+2. */
function reflectRight(a: Float64Array, ld: number, u: Float64Array, tau: number, r0: number, r1: number, c0: number): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const o = i * ld + c0;
    const s = tau * (a[o] * u[0] + a[o + 1] * u[1] + a[o + 2] * u[2]);
    a[o] -= s * u[0];
    a[o + 1] -= s * u[1];
    a[o + 2] -= s * u[2];
  }
}

/** Exchange `count` pairs of entries a[i + s·c] ↔ a[j + s·c] (a row or column swap). */
function exchange(a: Float64Array | Int32Array, i: number, j: number, stride: number, count: number): void {
  for (let c = 0; c < count; c++) {
    const t = a[i + c * stride];
    a[i + c * stride] = a[j + c * stride];
    a[j + c * stride] = t;
  }
}

/**
 * Solve T11·X − X·T22 = T12 for the n1×n2 matrix X (n1, n2 ∈ {1, 2}) through its Kronecker
 * form, Gaussian elimination with complete pivoting, tiny pivots raised to smin (as LAPACK
 * `dlasy2` does). Blocks are read from d (row-major 4×4, T11 at (0,0), T12 at (0,n1), T22 at
 * (n1,n1)). Returns X row-major in x (x[i·2 + j]).
 */
function sylvester(d: Float64Array, n1: number, n2: number, x: Float64Array, w: SwapWork): void {
  const nn = n1 * n2;
  const { m, rhs, sol, vec, perm: colPerm } = w;
  m.fill(0);
  rhs.fill(0);
  sol.fill(0);
  vec.fill(0);
  for (let k = 0; k < 4; k++) colPerm[k] = k;
  // unknown (i, j) ↔ index i + j·n1
  let maxAbs = 0;
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      const row = i + j * n1;
      for (let k = 0; k < n1; k++) m[row * 4 + (k + j * n1)] += d[i * 4 + k];
      for (let k = 0; k < n2; k++) m[row * 4 + (i + k * n1)] -= d[(n1 + k) * 4 + n1 + j];
      rhs[row] = d[i * 4 + n1 + j];
    }
  }
  for (let k = 0; k < 16; k++) maxAbs = Math.max(maxAbs, Math.abs(m[k]));
  const smin = Math.max(EPS * maxAbs, SAFE_MIN / EPS);
  for (let k = 0; k < nn; k++) {
    let pi = k;
    let pj = k;
    let best = -1;
    for (let i = k; i < nn; i++) {
      for (let j = k; j < nn; j++) {
        if (Math.abs(m[i * 4 + j]) > best) {
          best = Math.abs(m[i * 4 + j]);
          pi = i;
          pj = j;
        }
      }
    }
    if (pi !== k) {
      exchange(m, k * 4, pi * 4, 1, nn); // rows
      exchange(rhs, k, pi, 0, 1);
    }
    if (pj !== k) {
      exchange(m, k, pj, 4, nn); // columns
      exchange(colPerm, k, pj, 0, 1);
    }
    if (Math.abs(m[k * 4 + k]) < smin) m[k * 4 + k] = smin;
    for (let i = k + 1; i < nn; i++) {
      const f = m[i * 4 + k] / m[k * 4 + k];
      if (f === 0) continue;
      for (let j = k; j < nn; j++) m[i * 4 + j] -= f * m[k * 4 + j];
      rhs[i] -= f * rhs[k];
    }
  }
  for (let i = nn - 1; i >= 0; i--) {
    let s = rhs[i];
    for (let j = i + 1; j < nn; j++) s -= m[i * 4 + j] * sol[j];
    sol[i] = s / m[i * 4 + i];
  }
  for (let k = 0; k < nn; k++) vec[colPerm[k]] = sol[k];
  for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) x[i * 2 + j] = vec[i + j * n1];
}

/** Put the 2×2 block at (j, j) of T in standard form, updating the rest of T and Q. */
function standardize(t: Float64Array, ld: number, m: number, q: Float64Array, j: number, out: Float64Array): void {
  const j2 = j + 1;
  lanv2(t[j * ld + j], t[j * ld + j2], t[j2 * ld + j], t[j2 * ld + j2], out);
  t[j * ld + j] = out[0];
  t[j * ld + j2] = out[1];
  t[j2 * ld + j] = out[2];
  t[j2 * ld + j2] = out[3];
  const cs = out[8];
  const sn = out[9];
  if (j2 + 1 < m) rot(t, j * ld + j2 + 1, j2 * ld + j2 + 1, 1, m - j2 - 1, cs, sn);
  rot(t, j, j2, ld, j, cs, sn);
  rot(q, j, j2, ld, m, cs, sn);
}

/**
 * Swap the adjacent diagonal blocks T11 (n1×n1, starting at row j1) and T22 (n2×n2) of the
 * m×m real Schur form T, accumulating into Q. Returns false (T, Q untouched) when the swap
 * would be too inaccurate: the eigenvalues are too close (Bai & Demmel's test).
 */
export function swapBlocks(t: Float64Array, ld: number, m: number, q: Float64Array, j1: number, n1: number, n2: number, w: SwapWork = swapWork()): boolean {
  const j2 = j1 + 1;
  if (n1 === 1 && n2 === 1) {
    const t11 = t[j1 * ld + j1];
    const t22 = t[j2 * ld + j2];
    // rotation taking (T(j1,j2), t22 − t11) to (r, 0)
    const f = t[j1 * ld + j2];
    const g = t22 - t11;
    const r = hypot(f, g);
    if (r === 0) return true;
    const cs = f / r;
    const sn = g / r;
    if (j2 + 1 < m) rot(t, j1 * ld + j2 + 1, j2 * ld + j2 + 1, 1, m - j2 - 1, cs, sn);
    rot(t, j1, j2, ld, j1, cs, sn);
    t[j1 * ld + j1] = t22;
    t[j2 * ld + j2] = t11;
    rot(q, j1, j2, ld, m, cs, sn);
    return true;
  }
  const nd = n1 + n2;
  const d = w.d;
  d.fill(0);
  let dnorm = 0;
  for (let i = 0; i < nd; i++) {
    for (let j = 0; j < nd; j++) {
      d[i * 4 + j] = t[(j1 + i) * ld + j1 + j];
      dnorm = Math.max(dnorm, Math.abs(d[i * 4 + j]));
    }
  }
  const thresh = Math.max(10 * EPS * dnorm, SAFE_MIN / EPS);
  const x = w.x;
  x.fill(0);
  sylvester(d, n1, n2, x, w);
  const dl = 4; // row stride of d
  const std = w.std;
  const j3 = j1 + 2;
  if (n1 === 1 && n2 === 2) {
    const u = w.u1;
    u[0] = 1;
    u[1] = x[0];
    u[2] = x[1];
    const tau = reflector3(u, 2);
    const t11 = t[j1 * ld + j1];
    reflectLeft(d, dl, u, tau, 0, 0, 3);
    reflectRight(d, dl, u, tau, 0, 3, 0);
    if (Math.max(Math.abs(d[2 * dl]), Math.abs(d[2 * dl + 1]), Math.abs(d[2 * dl + 2] - t11)) > thresh) return false;
    reflectLeft(t, ld, u, tau, j1, j1, m);
    reflectRight(t, ld, u, tau, 0, j2 + 1, j1);
    t[j3 * ld + j1] = 0;
    t[j3 * ld + j2] = 0;
    t[j3 * ld + j3] = t11;
    reflectRight(q, ld, u, tau, 0, m, j1);
  } else if (n1 === 2 && n2 === 1) {
    const u = w.u1;
    u[0] = -x[0];
    u[1] = -x[2];
    u[2] = 1;
    const tau = reflector3(u, 0);
    const t33 = t[j3 * ld + j3];
    reflectLeft(d, dl, u, tau, 0, 0, 3);
    reflectRight(d, dl, u, tau, 0, 3, 0);
    if (Math.max(Math.abs(d[dl]), Math.abs(d[2 * dl]), Math.abs(d[0] - t33)) > thresh) return false;
    reflectRight(t, ld, u, tau, 0, j3 + 1, j1);
    reflectLeft(t, ld, u, tau, j1, j2, m);
    t[j1 * ld + j1] = t33;
    t[j2 * ld + j1] = 0;
    t[j3 * ld + j1] = 0;
    reflectRight(q, ld, u, tau, 0, m, j1);
  } else {
    const j4 = j1 + 3;
    const u1 = w.u1;
    u1[0] = -x[0];
    u1[1] = -x[2];
    u1[2] = 1;
    const tau1 = reflector3(u1, 0);
    const temp = -tau1 * (x[1] + u1[1] * x[3]);
    const u2 = w.u2;
    u2[0] = -temp * u1[1] - x[3];
    u2[1] = -temp * u1[2];
    u2[2] = 1;
    const tau2 = reflector3(u2, 0);
    reflectLeft(d, dl, u1, tau1, 0, 0, 4);
    reflectRight(d, dl, u1, tau1, 0, 4, 0);
    reflectLeft(d, dl, u2, tau2, 1, 0, 4);
    reflectRight(d, dl, u2, tau2, 0, 4, 1);
    if (Math.max(Math.abs(d[2 * dl]), Math.abs(d[2 * dl + 1]), Math.abs(d[3 * dl]), Math.abs(d[3 * dl + 1])) > thresh) return false;
    reflectLeft(t, ld, u1, tau1, j1, j1, m);
    reflectRight(t, ld, u1, tau1, 0, j4 + 1, j1);
    reflectLeft(t, ld, u2, tau2, j2, j1, m);
    reflectRight(t, ld, u2, tau2, 0, j4 + 1, j2);
    t[j3 * ld + j1] = 0;
    t[j3 * ld + j2] = 0;
    t[j4 * ld + j1] = 0;
    t[j4 * ld + j2] = 0;
    reflectRight(q, ld, u1, tau1, 0, m, j1);
    reflectRight(q, ld, u2, tau2, 0, m, j2);
  }
  if (n2 === 2) standardize(t, ld, m, q, j1, std);
  if (n1 === 2) standardize(t, ld, m, q, j1 + n2, std);
  return true;
}

/**
 * Move the diagonal block whose last row is `ifst` up to start at row `ilst` (≤ ifst) by
 * adjacent swaps (LAPACK `dtrexc`, moving up). Stops early — the block left where it got to —
 * when a swap is refused or a 2×2 block splits into two real eigenvalues.
 */
export function moveBlockUp(t: Float64Array, ld: number, m: number, q: Float64Array, ifst: number, ilst: number, w: SwapWork = swapWork()): void {
  if (ifst > 0 && t[ifst * ld + ifst - 1] !== 0) ifst--;
  let nbf = ifst < m - 1 && t[(ifst + 1) * ld + ifst] !== 0 ? 2 : 1;
  if (ilst > 0 && t[ilst * ld + ilst - 1] !== 0) ilst--;
  let here = ifst;
  while (here > ilst) {
    const nbnext = here >= 2 && t[(here - 1) * ld + here - 2] !== 0 ? 2 : 1;
    if (!swapBlocks(t, ld, m, q, here - nbnext, nbnext, nbf, w)) return;
    here -= nbnext;
    if (nbf === 2 && t[(here + 1) * ld + here] === 0) return;
    nbf = here < m - 1 && t[(here + 1) * ld + here] !== 0 ? 2 : 1;
  }
}
