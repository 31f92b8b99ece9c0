/**
 * All eigenvalues of a real square matrix: balancing, Householder reduction to upper Hessenberg
 * form (blocked for large matrices), then the QR algorithm — the Francis double-shift iteration
 * for small matrices, the multishift QR algorithm with aggressive early deflation for large ones.
 * The heavy loops run in WebAssembly SIMD kernels where available, with bit-identical plain-JS
 * twins elsewhere (dense-ops.ts), so a matrix gives the same eigenvalues in Node and in browsers.
 */
import { balanceInPlace } from './balance.ts';
import { denseWorkspace } from './dense-ops.ts';
import { francisQR } from './francis.ts';
import { hessenbergBlocked, hessenbergInPlace, hessenbergScratch } from './hessenberg.ts';
import { hessenbergEigenvaluesMultishift, multishiftScratch, QR_SMALL } from './multishift-qr.ts';
import { abortError, drainSlices, type Slices, type StopSignal } from './slices.ts';
import type { DenseMatrix } from './types.ts';

export { abortError, hessenbergInPlace, type StopSignal };

export interface Eigenvalues {
  /** Real parts. */
  re: Float64Array;
  /** Imaginary parts (complex eigenvalues in adjacent conjugate pairs, positive part first). */
  im: Float64Array;
}

export interface EigenvaluesOptions {
  /** Called between slices of work with the fraction done (0..1, increasing). */
  onProgress?: (fraction: number) => void;
  /** Checked between slices (every few milliseconds on a large matrix); when set, the computation stops with an `AbortError`. */
  signal?: StopSignal;
  /** false: the plain-JS kernels even where WASM SIMD runs (same results; for tests and benchmarks). */
  simd?: boolean;
}

/**
 * The largest order for which the Eigenvalues panel computes every eigenvalue; above it, it offers
 * the leading ones by Arnoldi (arnoldi.ts, leadingEigenvalues). The cost grows as n³; at this
 * size it is a few seconds of one core (figures in the README, "Eigenvalues"), the most a user
 * should wait for a panel with a progress bar.
 */
export const ALL_EIGENVALUES_LIMIT = 1500;

/** Share of the total time spent reducing to Hessenberg form (measured at n = 1000), for progress. */
const HESSENBERG_SHARE = 0.35;

/**
 * Eigenvalues of an upper Hessenberg matrix by the Francis double-shift QR algorithm (see
 * francis.ts). Destroys `h`.
 */
export function hessenbergEigenvaluesInPlace(h: DenseMatrix): Eigenvalues {
  const n = h.rows;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (n > 0) francisQR(h.data, re, im, { ld: n, ilo: 0, ihi: n - 1 });
  return { re, im };
}

function validate(m: DenseMatrix): void {
  if (m.rows !== m.cols) throw new Error(`eigenvalues: matrix must be square, got ${m.rows}x${m.cols}`);
  for (let k = 0; k < m.data.length; k++) {
    if (!Number.isFinite(m.data[k])) throw new Error('eigenvalues: matrix contains NaN or Infinity');
  }
}

/**
 * The eigenvalue computation as a sequence of slices: yields the fraction done after each
 * (a panel of the Hessenberg reduction, an iteration of the QR algorithm), returns the result.
 * `eigenvalues` runs it at once, `eigenvaluesAsync` lets the event loop run between slices.
 */
export function* eigenvalueSlices(m: DenseMatrix, simd?: boolean): Slices<Eigenvalues> {
  validate(m);
  const n = m.rows;
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (n === 0) return { re, im };
  if (n <= QR_SMALL) {
    const h: DenseMatrix = { rows: n, cols: n, data: Float64Array.from(m.data) };
    balanceInPlace(h);
    hessenbergInPlace(h);
    francisQR(h.data, re, im, { ld: n, ilo: 0, ihi: n - 1 });
    return { re, im };
  }
  const ops = denseWorkspace(n * n + Math.max(hessenbergScratch(n), multishiftScratch(n)), { simd });
  ops.mem.set(m.data);
  balanceInPlace({ rows: n, cols: n, data: ops.mem.subarray(0, n * n) });
  for (const f of hessenbergBlocked(ops, n)) yield HESSENBERG_SHARE * f;
  yield HESSENBERG_SHARE;
  for (const f of hessenbergEigenvaluesMultishift(ops, n, re, im)) yield HESSENBERG_SHARE + (1 - HESSENBERG_SHARE) * f;
  return { re, im };
}

/**
 * All eigenvalues of a real square matrix, as parallel arrays of real and imaginary parts.
 * Complex eigenvalues appear as adjacent conjugate pairs (positive imaginary part first);
 * the order is otherwise that in which the QR algorithm deflates them (no sorting).
 *
 * Method: balancing (Parlett & Reinsch 1969, EISPACK `balanc`); Householder reduction to upper
 * Hessenberg form (Golub & Van Loan, 4th ed., Alg. 7.4.2), blocked for large matrices as in
 * LAPACK `dgehrd` (Quintana-Ortí & van de Geijn 2006); then, without eigenvectors, the Francis
 * implicit double-shift QR algorithm (Golub & Van Loan Alg. 7.5.1–7.5.2) for n ≤ 75 and the
 * small-bulge multishift QR algorithm with aggressive early deflation (Braman, Byers & Mathias
 * 2002, Parts I and II; LAPACK `dlaqr0`) above. Backward stable: the results are the exact
 * eigenvalues of A + E with ‖E‖ ≈ ε‖A‖; well-conditioned eigenvalues are accurate to about
 * 1e-13·‖A‖, while an eigenvalue of a k×k Jordan block is only accurate to ≈ ε^(1/k).
 * Cost ≈ 10n³/3 flops for the reduction plus a few n³ for the QR iteration; the input is not
 * modified. With `signal`, the computation stops between slices; `onProgress` reports the
 * fraction done.
 *
 * @throws Error if the matrix is not square, contains NaN/Infinity, or QR fails to converge;
 *   an `AbortError` when stopped through `signal`.
 */
export function eigenvalues(m: DenseMatrix, options: EigenvaluesOptions = {}): Eigenvalues {
  return drainSlices(eigenvalueSlices(m, options.simd), options);
}

/**
 * {@link eigenvalues}, letting the event loop run about every `sliceMs` milliseconds (default
 * 30), so that a worker can receive a cancel message (abort `signal`) while it computes.
 * Resolves to the same values as `eigenvalues`; rejects with an `AbortError` when stopped.
 */
export async function eigenvaluesAsync(m: DenseMatrix, options: EigenvaluesOptions & { sliceMs?: number } = {}): Promise<Eigenvalues> {
  const sliceMs = options.sliceMs ?? 30;
  const slices = eigenvalueSlices(m, options.simd);
  let last = performance.now();
  for (;;) {
    if (options.signal?.aborted) throw abortError();
    const step = slices.next();
    if (step.done) {
      options.onProgress?.(1);
      return step.value;
    }
    options.onProgress?.(step.value);
    if (performance.now() - last >= sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = performance.now();
    }
  }
}
