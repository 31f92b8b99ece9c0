/**
 * Eigenvalues of a weight matrix for the Eigenvalues panel and the inspector: all of them up to
 * ALL_EIGENVALUES_LIMIT units (dense QR, O(n³)), the leading ones by Arnoldi above, where all
 * of them would take too long. Runs in the analysis worker, reporting progress and stopping
 * when the job's flag is raised.
 */
import { arnoldiLargest, csrToDense, eigenvalues, hypot, isCsr, matVec, spectralRadiusReport, type AnyMatrix } from '../linalg/index.ts';
import { checkStop, type JobControl } from './job.ts';
import type { SpectrumSnapshot } from './protocol.ts';

/**
 * The largest order whose spectrum is computed in full: dense QR costs ~10n³ flops, a few
 * seconds at n = 1,200 in a browser worker (`npm run bench -- --only linalg` measures it).
 */
export const ALL_EIGENVALUES_LIMIT = 1200;

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
export function spectrumOf(edge: string, m: AnyMatrix, t: number, leading: number, job: JobControl): SpectrumSnapshot {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`the spectrum needs a square matrix, got ${m.rows} × ${m.cols}`);
  checkStop(job);
  if (n <= ALL_EIGENVALUES_LIMIT) {
    job.progress(0, `all ${n.toLocaleString('en')} eigenvalues`);
    const { re, im } = eigenvalues(dense(m));
    job.progress(1);
    return { edge, re, im, radius: maxModulus(re, im), complete: true, size: n, t };
  }
  job.progress(0, `the ${leading} leading eigenvalues`);
  const r = arnoldiLargest((x, y) => void matVec(m, x, y), n, { nev: Math.min(leading, n - 2) });
  checkStop(job);
  job.progress(1);
  return { edge, re: r.re, im: r.im, radius: maxModulus(r.re, r.im), complete: false, size: n, t };
}

/** The spectral radius max |λ| of a square matrix (spectral-radius.ts picks dense QR or Arnoldi per block). */
export function radiusOf(m: AnyMatrix, job: JobControl): number {
  if (m.rows !== m.cols) throw new Error(`the spectral radius needs a square matrix, got ${m.rows} × ${m.cols}`);
  checkStop(job);
  job.progress(0, 'spectral radius');
  const radius = spectralRadiusReport(m).radius;
  job.progress(1);
  return radius;
}
