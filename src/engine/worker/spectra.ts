/**
 * Eigenvalues of a weight matrix for the Eigenvalues panel and the inspector: all of them up to
 * ALL_EIGENVALUES_LIMIT units (dense QR, O(n³); the limit is linalg's, hessenberg-qr.ts), the
 * leading ones by Arnoldi above, where all of them would take too long. Runs in the analysis
 * worker, reporting progress after each slice of the work (a panel of the Hessenberg reduction,
 * a sweep of the QR algorithm, an Arnoldi restart) and stopping when the job's flag is raised.
 * All eigenvalues take seconds: between their slices the job awaits its rest (JobControl.rest),
 * so a PCA fit or a measure asked for meanwhile runs before the next slice.
 */
import { ALL_EIGENVALUES_LIMIT, csrToDense, eigenvalueSlices, hypot, isCsr, leadingEigenvalues, spectralRadiusReport, type AnyMatrix } from '../linalg/index.ts';
import { checkStop, type JobControl } from './job.ts';
import type { SpectrumSnapshot } from './protocol.ts';

function maxModulus(re: Float64Array, im: Float64Array): number {
  let r = 0;
  for (let k = 0; k < re.length; k++) r = Math.max(r, hypot(re[k], im[k]));
  return r;
}

const dense = (m: AnyMatrix) => (isCsr(m) ? csrToDense(m) : m);

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
    const what = `all ${n.toLocaleString('en')} eigenvalues`;
    job.progress(0, what);
    // between slices the job rests without blocking the worker: shorter jobs run meanwhile
    const slices = eigenvalueSlices(dense(m));
    for (;;) {
      const slice = slices.next();
      if (slice.done) {
        job.progress(1, what);
        const { re, im } = slice.value;
        return { edge, re, im, radius: maxModulus(re, im), complete: true, size: n, t };
      }
      await job.rest();
      checkStop(job);
      job.progress(slice.value, what);
    }
  }
  const what = `the ${leading} leading eigenvalues`;
  job.progress(0, what);
  const r = leadingEigenvalues(m, Math.min(leading, n - 2), { onProgress: (f) => job.progress(f, what), signal: job.signal });
  return { edge, re: r.re, im: r.im, radius: maxModulus(r.re, r.im), complete: false, size: n, t };
}

/** The spectral radius max |λ| of a square matrix (spectral-radius.ts picks dense QR or Arnoldi per block). */
export function radiusOf(m: AnyMatrix, job: JobControl): number {
  if (m.rows !== m.cols) throw new Error(`the spectral radius needs a square matrix, got ${m.rows} × ${m.cols}`);
  checkStop(job);
  const what = `spectral radius of ${m.rows.toLocaleString('en')} units`;
  job.progress(0, what);
  return spectralRadiusReport(m, { onProgress: (f) => job.progress(f, what), signal: job.signal }).radius;
}
