/**
 * Eigenvalues of a large upper Hessenberg matrix: the multishift QR algorithm with aggressive
 * early deflation (Braman, Byers & Mathias 2002, "The multishift QR algorithm. Part I: Maintaining
 * well-focused shifts and level 3 performance" and "Part II: Aggressive early deflation", SIAM J.
 * Matrix Anal. Appl. 23(4); the structure of LAPACK `dlaqr0`), eigenvalues only.
 */
import { aedScratch, aggressiveEarlyDeflation } from './aed.ts';
import type { DenseOps } from './dense-ops.ts';
import { francisQR } from './francis.ts';
import { lanv2 } from './lanv2.ts';

const EPS = Number.EPSILON;
const SAFE_MIN = 2.2250738585072014e-308;

/** Active blocks of at most this order go to the plain double-shift QR (LAPACK's NMIN, 75). */
export const QR_SMALL = 75;
/** Deflating fewer than this percentage of the window skips no sweep (LAPACK's NIBBLE, 14). */
const NIBBLE = 14;
/** Iterations without deflation before the window grows (LAPACK's KEXNW) and before exceptional shifts (KEXSH). */
const KEXNW = 5;
const KEXSH = 6;

/** log₂(x) rounded to the nearest integer, for x ≥ 1 (exact: no platform logarithm). */
function roundLog2(x: number): number {
  let k = 0;
  let p = 1; // 2^k
  while (2 * p <= x) {
    p *= 2;
    k++;
  }
  return x >= p * 1.4142135623730951 ? k + 1 : k;
}

/** Shifts per sweep for an active block of order nh (after LAPACK `iparmq`). */
export function shiftCount(nh: number): number {
  let ns: number;
  if (nh < 30) ns = 2;
  else if (nh < 60) ns = 4;
  else if (nh < 150) ns = 10;
  else if (nh < 590) ns = Math.max(10, Math.floor(nh / roundLog2(nh)));
  else if (nh < 3000) ns = 64;
  else if (nh < 6000) ns = 128;
  else ns = 256;
  return Math.max(2, ns - (ns % 2));
}

/**
 * Deflation window for an active block of order nh. LAPACK's `iparmq` takes 3ns/2 above
 * nh = 500; here the window's Schur form comes from the plain double-shift QR (cost ∝ nw³), so
 * a window of ns pays better below nh = 3000 (the bench in the README).
 */
export function windowSize(nh: number): number {
  const ns = shiftCount(nh);
  return nh < 3000 ? ns : Math.floor((3 * ns) / 2);
}

/** Workspace doubles needed after the n×n matrix. */
export function multishiftScratch(n: number): number {
  return aedScratch(n, windowSize(n) * 2 + 2) + 2 * shiftCount(n);
}

/**
 * Eigenvalues of the n×n upper Hessenberg matrix at offset 0 of `ops.mem` (destroyed), into
 * re/im (complex pairs adjacent, positive imaginary part first). Scratch after the matrix, see
 * {@link multishiftScratch}. Yields the fraction of eigenvalues found after each iteration.
 *
 * @throws Error if the iteration does not converge.
 */
export function* hessenbergEigenvaluesMultishift(ops: DenseOps, n: number, re: Float64Array, im: Float64Array): Generator<number, void, void> {
  const h = ops.mem;
  const scratch = n * n;
  const nwMax = windowSize(n) * 2 + 2;
  const nsMax = shiftCount(n);
  const nwr = Math.max(2, Math.min(n, Math.floor((n - 1) / 3), windowSize(n)));
  let nsr = Math.min(nsMax, Math.floor((n - 3) / 6));
  nsr = Math.max(2, nsr - (nsr % 2));
  const shiftRe = new Float64Array(nwMax);
  const shiftIm = new Float64Array(nwMax);
  const std = new Float64Array(10);
  const smlnum = SAFE_MIN * (n / EPS);
  let kbot = n - 1;
  let ndfl = 1;
  let nw = nwr;
  let ndec = -1;
  const maxIt = 30 * Math.max(10, n);
  for (let it = 0; kbot >= 0; it++) {
    if (it > maxIt) throw new Error(`eigenvalues: QR iteration did not converge (n = ${n})`);
    // The active block [ktop, kbot]: up to the first negligible subdiagonal entry.
    let ktop = kbot;
    while (ktop > 0) {
      const sub = Math.abs(h[ktop * n + ktop - 1]);
      if (sub === 0) break;
      const tst = Math.abs(h[(ktop - 1) * n + ktop - 1]) + Math.abs(h[ktop * n + ktop]);
      if (sub <= Math.max(smlnum, EPS * tst)) {
        h[ktop * n + ktop - 1] = 0;
        break;
      }
      ktop--;
    }
    const nh = kbot - ktop + 1;
    if (nh <= QR_SMALL) {
      francisQR(h, re, im, { ld: n, ilo: ktop, ihi: kbot });
      kbot = ktop - 1;
      ndfl = 1;
      yield (n - kbot - 1) / n;
      continue;
    }

    // Window size: nwr, grown after iterations that deflated nothing.
    const nwUpper = Math.min(nh, nwMax);
    if (ndfl < KEXNW) nw = Math.min(nwUpper, nwr);
    else nw = Math.min(nwUpper, 2 * nw);
    if (nw < nwMax) {
      if (nw >= nh - 1) nw = nh;
      else {
        const kwtop = kbot - nw + 1;
        if (Math.abs(h[kwtop * n + kwtop - 1]) > Math.abs(h[(kwtop - 1) * n + kwtop - 2])) nw++;
      }
    }
    if (ndfl < KEXNW) ndec = -1;
    else if (ndec >= 0 || nw >= nwUpper) {
      ndec++;
      if (nw - ndec < 2) ndec = 0;
      nw -= ndec;
    }

    const aed = aggressiveEarlyDeflation(ops, n, ktop, kbot, nw, scratch, re, im, shiftRe, shiftIm);
    kbot -= aed.deflated;
    const active = kbot - ktop + 1;

    if (aed.deflated === 0 || (100 * aed.deflated <= nw * NIBBLE && active > Math.min(QR_SMALL, nwMax))) {
      let ns = Math.min(nsMax, nsr, Math.max(2, kbot - ktop));
      ns -= ns % 2;
      let count = aed.shifts;
      if (ndfl % KEXSH === 0) {
        // Exceptional shifts from the trailing diagonal (LAPACK's "Wilkinson" choice).
        count = 0;
        for (let i = kbot; i >= Math.max(ktop + 2, kbot - ns + 2); i -= 2) {
          const ss = Math.abs(h[i * n + i - 1]) + Math.abs(h[(i - 1) * n + i - 2]);
          const aa = 0.75 * ss + h[i * n + i];
          lanv2(aa, ss, -0.4375 * ss, aa, std);
          shiftRe[count] = std[4];
          shiftIm[count] = std[5];
          shiftRe[count + 1] = std[6];
          shiftIm[count + 1] = std[7];
          count += 2;
        }
      } else if (count <= ns / 2) {
        // Too few shifts from the window: the eigenvalues of the trailing ns×ns block.
        const m = Math.min(ns, active);
        const ks = kbot - m + 1;
        const sub = new Float64Array(m * m);
        for (let i = 0; i < m; i++) for (let j = Math.max(0, i - 1); j < m; j++) sub[i * m + j] = h[(ks + i) * n + ks + j];
        francisQR(sub, shiftRe, shiftIm, { ld: m, ilo: 0, ihi: m - 1 });
        count = m;
      }
      if (count >= 2) applyShifts(ops, n, ktop, kbot, shiftRe, shiftIm, count, ns, scratch + aedScratch(n, nwMax));
    }
    ndfl = aed.deflated > 0 ? 1 : ndfl + 1;
    yield (n - kbot - 1) / n;
  }
}

/**
 * The ns smallest-magnitude of the `count` shifts (LAPACK's choice after sorting), in
 * conjugate pairs or pairs of reals, applied as successive Francis double-shift sweeps over
 * the active block as one chain of bulges.
 */
function applyShifts(ops: DenseOps, n: number, ktop: number, kbot: number, sr: Float64Array, si: Float64Array, count: number, ns: number, at: number): void {
  // Sort by decreasing |re| + |im| (a stable bubble sort keeps conjugate pairs together).
  const idx = Array.from({ length: count }, (_, i) => i);
  idx.sort((a, b) => Math.abs(sr[b]) + Math.abs(si[b]) - (Math.abs(sr[a]) + Math.abs(si[a])) || a - b);
  const re = idx.map((i) => sr[i]);
  const im = idx.map((i) => si[i]);
  // Pair: a complex shift with its conjugate, reals with their neighbours in that order; each
  // pair as (σ1 + σ2, σ1·σ2) with its size for the choice below.
  const pairs: Array<[number, number, number]> = [];
  let lone = -1;
  for (let i = 0; i < count; i++) {
    const size = Math.abs(re[i]) + Math.abs(im[i]);
    if (im[i] > 0) pairs.push([2 * re[i], re[i] * re[i] + im[i] * im[i], size]);
    else if (im[i] === 0) {
      if (lone < 0) lone = i;
      else {
        pairs.push([re[lone] + re[i], re[lone] * re[i], size]);
        lone = -1;
      }
    }
  }
  if (pairs.length === 0 && lone >= 0) pairs.push([2 * re[lone], re[lone] * re[lone], 0]);
  pairs.sort((a, b) => b[2] - a[2]);
  const use = Math.max(1, Math.min(pairs.length, ns / 2));
  const chosen = pairs.slice(pairs.length - use);
  chosen.forEach((p, b) => {
    ops.mem[at + b] = p[0];
    ops.mem[at + use + b] = p[1];
  });
  ops.chainSweep(0, n, ktop, kbot, at, at + use, use);
}
