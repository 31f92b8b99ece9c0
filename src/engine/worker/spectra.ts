/**
 * Eigenvalues of a weight matrix for the Eigenvalues panel and the inspector: all of them up to
 * ALL_EIGENVALUES_LIMIT units (dense QR, O(n³); the limit is linalg's, hessenberg-qr.ts), the
 * leading ones by Arnoldi above, where all of them would take too long, and the spectral radius
 * (QR or Arnoldi per block). Runs in the analysis worker, reporting progress after each slice of
 * the work (a panel of the Hessenberg reduction, a sweep of the QR algorithm, an Arnoldi restart,
 * a block of the radius) and stopping when the job's flag is raised. Each takes seconds on a
 * large matrix: between their slices the job awaits its rest (JobControl.rest), so a PCA fit or a
 * measure asked for meanwhile runs before the next slice.
 */
import {
  ALL_EIGENVALUES_LIMIT,
  csrToDense,
  eigenvalueSlices,
  hypot,
  isCsr,
  leadingEigenvalueSlices,
  spectralRadiusSlices,
  type AnyMatrix,
  type Slices,
} from '../linalg/index.ts';
import { checkStop, type JobControl } from './job.ts';
import type { SpectrumSnapshot } from './protocol.ts';

function maxModulus(re: Float64Array, im: Float64Array): number {
  let r = 0;
  for (let k = 0; k < re.length; k++) r = Math.max(r, hypot(re[k], im[k]));
  return r;
}

const dense = (m: AnyMatrix) => (isCsr(m) ? csrToDense(m) : m);

/**
 * Runs a computation's slices as the job: after each slice it rests without blocking the worker
 * (shorter jobs asked for meanwhile run first), stops if the job was cancelled, and reports the
 * fraction done with `what`.
 */
async function runSlices<R>(slices: Slices<R>, job: JobControl, what: string): Promise<R> {
  job.progress(0, what);
  for (;;) {
    const slice = slices.next();
    if (slice.done) {
      job.progress(1, what);
      return slice.value;
    }
    await job.rest();
    checkStop(job);
    job.progress(slice.value, what);
  }
}

/**
 * The spectrum of a square matrix: every eigenvalue (complete) up to ALL_EIGENVALUES_LIMIT, else
 * the `leading` eigenvalues of largest modulus (Arnoldi with implicit restarts, Lehoucq &
 * Sorensen 1996) and the spectral radius.
 */
export async function spectrumOf(edge: string, m: AnyMatrix, t: number, leading: number, job: JobControl): Promise<SpectrumSnapshot> {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`the spectrum needs a square matrix, got ${m.rows} × ${m.cols}`);
  checkStop(job);
  if (n <= ALL_EIGENVALUES_LIMIT) {
    const { re, im } = await runSlices(eigenvalueSlices(dense(m)), job, `all ${n.toLocaleString('en')} eigenvalues`);
    return { edge, re, im, radius: maxModulus(re, im), complete: true, size: n, t };
  }
  const r = await runSlices(leadingEigenvalueSlices(m, Math.min(leading, n - 2)), job, `the ${leading} leading eigenvalues`);
  return { edge, re: r.re, im: r.im, radius: maxModulus(r.re, r.im), complete: false, size: n, t };
}

/** The spectral radius max |λ| of a square matrix (spectral-radius.ts picks dense QR or Arnoldi per block). */
export async function radiusOf(m: AnyMatrix, job: JobControl): Promise<number> {
  if (m.rows !== m.cols) throw new Error(`the spectral radius needs a square matrix, got ${m.rows} × ${m.cols}`);
  checkStop(job);
  return (await runSlices(spectralRadiusSlices(m), job, `spectral radius of ${m.rows.toLocaleString('en')} units`)).radius;
}
