/**
 * Aggressive early deflation (Braman, Byers & Mathias 2002, "The multishift QR algorithm. Part
 * II: Aggressive early deflation", SIAM J. Matrix Anal. Appl. 23(4); LAPACK `dlaqr3`), for
 * eigenvalues only.
 */
import type { DenseOps } from './dense-ops.ts';
import { francisQR } from './francis.ts';
import { sign } from './lanv2.ts';
import { hypot } from './scalar.ts';
import { moveBlockUp, swapWork } from './swap-blocks.ts';

const EPS = Number.EPSILON;
const SAFE_MIN = 2.2250738585072014e-308;

/** Scratch of the deflation window, in the workspace: T and U (nwMax² each) and rows·nwMax for the product. */
export function aedScratch(n: number, nwMax: number): number {
  return 2 * nwMax * nwMax + n * nwMax;
}

export interface AedResult {
  /** Eigenvalues deflated at the bottom of the active block (written to re/im there). */
  deflated: number;
  /** How many shifts (undeflated eigenvalues of the window) are in shiftRe/shiftIm. */
  shifts: number;
}

/**
 * Aggressive early deflation on the trailing nw×nw window of the active block [ktop, kbot] of
 * the n×n upper Hessenberg matrix at offset 0 of `ops.mem` (scratch at `scratch`, see
 * {@link aedScratch}). The window is brought to real Schur form T = Uᵀ·W·U; with s the
 * subdiagonal entry left of the window, the "spike" s·U[0, :] couples T to the rest, and an
 * eigenvalue (1×1 or 2×2 block at the bottom of T) whose spike entries are below ε·|λ| is
 * deflated; one that is not is moved to the top of T by swapping blocks, and the next is tried.
 * If anything deflated, the rest of T is brought back to Hessenberg form and the window and the
 * rows above it (within the active block) are updated; otherwise H is left as it was. The
 * undeflated eigenvalues of T are returned as shifts for the next QR sweep.
 */
export function aggressiveEarlyDeflation(
  ops: DenseOps, n: number, ktop: number, kbot: number, nw: number, scratch: number,
  re: Float64Array, im: Float64Array, shiftRe: Float64Array, shiftIm: Float64Array,
): AedResult {
  const h = ops.mem;
  const jw = Math.min(nw, kbot - ktop + 1);
  const kwtop = kbot - jw + 1;
  let s = kwtop === ktop ? 0 : h[kwtop * n + kwtop - 1];
  const smlnum = SAFE_MIN * (n / EPS);
  if (jw === 1) {
    const d = h[kwtop * n + kwtop];
    if (Math.abs(s) <= Math.max(smlnum, EPS * Math.abs(d))) {
      re[kwtop] = d;
      im[kwtop] = 0;
      if (kwtop > ktop) h[kwtop * n + kwtop - 1] = 0;
      return { deflated: 1, shifts: 0 };
    }
    shiftRe[0] = d;
    shiftIm[0] = 0;
    return { deflated: 0, shifts: 1 };
  }
  const offT = scratch;
  const offU = offT + jw * jw;
  const offP = offU + jw * jw;
  const t = h.subarray(offT, offT + jw * jw);
  const u = h.subarray(offU, offU + jw * jw);
  t.fill(0);
  u.fill(0);
  for (let i = 0; i < jw; i++) {
    u[i * jw + i] = 1;
    for (let j = Math.max(0, i - 1); j < jw; j++) t[i * jw + j] = h[(kwtop + i) * n + kwtop + j];
  }
  const wr = new Float64Array(jw);
  const wi = new Float64Array(jw);
  francisQR(t, wr, wi, { ld: jw, ilo: 0, ihi: jw - 1, schurOrder: jw, z: u, zld: jw, zRows: jw });

  // Deflation tests from the bottom of T.
  const work = swapWork();
  let ns = jw;
  let ilst = 0;
  while (ilst < ns) {
    const bulge = ns >= 2 && t[(ns - 1) * jw + ns - 2] !== 0;
    if (!bulge) {
      let foo = Math.abs(t[(ns - 1) * jw + ns - 1]);
      if (foo === 0) foo = Math.abs(s);
      if (Math.abs(s * u[ns - 1]) <= Math.max(smlnum, EPS * foo)) {
        ns -= 1;
      } else {
        moveBlockUp(t, jw, jw, u, ns - 1, ilst, work);
        ilst += 1;
      }
    } else {
      let foo = Math.abs(t[(ns - 1) * jw + ns - 1]) + Math.sqrt(Math.abs(t[(ns - 1) * jw + ns - 2])) * Math.sqrt(Math.abs(t[(ns - 2) * jw + ns - 1]));
      if (foo === 0) foo = Math.abs(s);
      if (Math.max(Math.abs(s * u[ns - 1]), Math.abs(s * u[ns - 2])) <= Math.max(smlnum, EPS * foo)) {
        ns -= 2;
      } else {
        moveBlockUp(t, jw, jw, u, ns - 1, ilst, work);
        ilst += 2;
      }
    }
  }
  if (ns === 0) s = 0;

  // Eigenvalues of T's diagonal blocks: the undeflated ones are shifts, the rest are results.
  for (let i = 0; i < jw; ) {
    const pair = i < jw - 1 && t[(i + 1) * jw + i] !== 0;
    const dst = i < ns ? null : kwtop;
    const put = (k: number, r: number, c: number) => {
      if (dst === null) {
        shiftRe[k] = r;
        shiftIm[k] = c;
      } else {
        re[dst + k] = r;
        im[dst + k] = c;
      }
    };
    if (pair) {
      const a = t[i * jw + i];
      const w = Math.sqrt(Math.abs(t[i * jw + i + 1])) * Math.sqrt(Math.abs(t[(i + 1) * jw + i]));
      put(i, a, w);
      put(i + 1, t[(i + 1) * jw + i + 1], -w);
      i += 2;
    } else {
      put(i, t[i * jw + i], 0);
      i += 1;
    }
  }

  if (ns < jw || s === 0) {
    if (ns > 1 && s !== 0) {
      // Reflect the spike s·U[0, 0:ns] to a multiple of e1, then T[0:ns, 0:ns] back to Hessenberg form.
      const v = new Float64Array(ns);
      for (let k = 0; k < ns; k++) v[k] = s * u[k];
      let xnorm = 0;
      for (let k = 1; k < ns; k++) xnorm = hypot(xnorm, v[k]);
      if (xnorm !== 0) {
        const alpha = v[0];
        const beta = -sign(hypot(alpha, xnorm), alpha);
        const tau = (beta - alpha) / beta;
        const f = 1 / (alpha - beta);
        for (let k = 1; k < ns; k++) v[k] *= f;
        v[0] = 1;
        reflectRows(t, jw, v, tau, 0, ns, 0, jw);
        reflectCols(t, jw, v, tau, 0, ns, 0, ns);
        reflectCols(u, jw, v, tau, 0, ns, 0, jw);
      }
      hessenbergWithQ(t, jw, ns, u);
    }
    if (kwtop > ktop) h[kwtop * n + kwtop - 1] = s * u[0];
    for (let i = 0; i < jw; i++) {
      for (let j = Math.max(0, i - 1); j < jw; j++) h[(kwtop + i) * n + kwtop + j] = t[i * jw + j];
    }
    // Rows above the window (within the active block): H[ktop:kwtop, kwtop:kbot] ← H·U.
    const rows = kwtop - ktop;
    if (rows > 0) {
      for (let i = 0; i < rows; i++) {
        const src = (ktop + i) * n + kwtop;
        const dst = offP + i * jw;
        for (let j = 0; j < jw; j++) {
          h[dst + j] = -h[src + j];
          h[src + j] = 0;
        }
      }
      // 0 − (−H)·U = H·U, bit for bit (rounding is symmetric in sign).
      ops.gemmRows(ktop * n + kwtop, n, offP, jw, offU, jw, rows, jw, jw);
    }
  }
  return { deflated: jw - ns, shifts: ns };
}

/** Rows r0..r1−1 of a (row stride ld), columns c0..c1−1: A ← (I − τvvᵀ)·A with v indexed from r0. */
function reflectRows(a: Float64Array, ld: number, v: Float64Array, tau: number, r0: number, r1: number, c0: number, c1: number): void {
  if (tau === 0) return;
  for (let j = c0; j < c1; j++) {
    let s = 0;
    for (let i = r0; i < r1; i++) s += v[i - r0] * a[i * ld + j];
    s *= tau;
    for (let i = r0; i < r1; i++) a[i * ld + j] -= s * v[i - r0];
  }
}

/** Rows r0..r1−1, columns c0..c1−1: A ← A·(I − τvvᵀ) with v indexed from c0. */
function reflectCols(a: Float64Array, ld: number, v: Float64Array, tau: number, c0: number, c1: number, r0: number, r1: number): void {
  if (tau === 0) return;
  for (let i = r0; i < r1; i++) {
    const o = i * ld;
    let s = 0;
    for (let j = c0; j < c1; j++) s += a[o + j] * v[j - c0];
    s *= tau;
    for (let j = c0; j < c1; j++) a[o + j] -= s * v[j - c0];
  }
}

/**
 * Householder reduction of the leading m×m block of the jw×jw matrix t (row stride jw) to
 * Hessenberg form; the left reflections also reach columns m..jw−1, and U ← U·Q (all jw rows).
 */
function hessenbergWithQ(t: Float64Array, jw: number, m: number, u: Float64Array): void {
  const v = new Float64Array(m);
  for (let k = 0; k < m - 2; k++) {
    let scale = 0;
    for (let i = k + 1; i < m; i++) scale = Math.max(scale, Math.abs(t[i * jw + k]));
    if (scale === 0) continue;
    let tail = 0;
    for (let i = k + 2; i < m; i++) tail = hypot(tail, t[i * jw + k] / scale);
    if (tail === 0) continue;
    const alpha = t[(k + 1) * jw + k] / scale;
    const beta = -sign(hypot(alpha, tail), alpha);
    const tau = (beta - alpha) / beta;
    const f = 1 / (alpha - beta);
    const len = m - k - 1;
    v[0] = 1;
    for (let i = 1; i < len; i++) v[i] = (t[(k + 1 + i) * jw + k] / scale) * f;
    t[(k + 1) * jw + k] = beta * scale;
    for (let i = k + 2; i < m; i++) t[i * jw + k] = 0;
    reflectRows(t, jw, v, tau, k + 1, m, k + 1, jw);
    reflectCols(t, jw, v, tau, k + 1, m, 0, m);
    reflectCols(u, jw, v, tau, k + 1, m, 0, jw);
  }
}
