import { describe, expect, it } from 'vitest';
import { ALL_EIGENVALUES_LIMIT, eigenvalues, leadingEigenvalues, leadingEigenvalueSlices, spectralRadius, spectralRadiusSlices, type CsrMatrix, type DenseMatrix } from '../linalg/index.ts';
import { Rng } from '../rng.ts';
import type { JobControl } from './job.ts';
import { radiusOf, spectrumOf } from './spectra.ts';

/** A job that records every progress report (no throttle), counts its rests, and raises its stop flag after `stopAfter` reports. */
function recordingJob(stopAfter = Infinity) {
  const reports: { fraction: number; text?: string }[] = [];
  const rests = { count: 0 };
  let stopped = false;
  const job: JobControl = {
    signal: {
      get aborted() {
        return stopped;
      },
    },
    progress(fraction, text) {
      reports.push({ fraction, text });
      if (reports.length >= stopAfter) stopped = true;
    },
    waitWhilePaused() {},
    pace() {},
    rest: async () => void rests.count++,
  };
  return { job, reports, rests };
}

function randomDense(n: number, seed: number): DenseMatrix {
  const rng = new Rng(seed, 'spectra-test');
  return { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => rng.gaussian() / Math.sqrt(n)) };
}

describe('spectrumOf', () => {
  it('reports progress after every slice of the QR work and returns the same eigenvalues as eigenvalues()', async () => {
    const m = randomDense(240, 3);
    const { job, reports } = recordingJob();
    const s = await spectrumOf('rec', m, 7, 40, job);
    const direct = eigenvalues(m);
    expect(s.complete).toBe(true);
    expect(Array.from(s.re)).toEqual(Array.from(direct.re));
    expect(Array.from(s.im)).toEqual(Array.from(direct.im));
    const fractions = reports.map((r) => r.fraction);
    // a report per Hessenberg panel and per QR sweep, not just the start and the end
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(fractions.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(8);
    expect(reports.every((r) => r.text === 'all 240 eigenvalues')).toBe(true);
  });

  it('stops between slices once the job is cancelled', async () => {
    const { job, reports } = recordingJob(4);
    await expect(spectrumOf('rec', randomDense(240, 4), 0, 40, job)).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(reports.length).toBe(4);
  });

  it('computes the leading eigenvalues above ALL_EIGENVALUES_LIMIT, with progress', async () => {
    // A diagonal matrix: six well-separated leading eigenvalues above a bulk in [0, 1).
    const n = ALL_EIGENVALUES_LIMIT + 1;
    const leading = [3, 2.5, 2, 1.8, 1.6, 1.4];
    const diagonal = Float64Array.from({ length: n }, (_, i) => leading[i] ?? 1 - i / n);
    const m: CsrMatrix = { rows: n, cols: n, rowPtr: Int32Array.from({ length: n + 1 }, (_, i) => i), colIdx: Int32Array.from({ length: n }, (_, i) => i), values: diagonal };
    const { job, reports } = recordingJob();
    const s = await spectrumOf('rec', m, 0, 6, job);
    expect(s.complete).toBe(false);
    expect(s.radius).toBeCloseTo(3, 10);
    expect(Array.from(s.re).sort((a, b) => b - a)).toEqual(leading.map((v) => expect.closeTo(v, 8)));
    expect(reports[0]).toEqual({ fraction: 0, text: 'the 6 leading eigenvalues' });
    expect(reports.at(-1)?.fraction).toBe(1);
  });
});

/** A sparse n × n reservoir (each entry present with probability p, normal weights), strongly connected in practice. */
function randomCsr(n: number, p: number, seed: number): CsrMatrix {
  const rng = new Rng(seed, 'spectra-test-csr');
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (rng.uniform() < p) {
        cols.push(j);
        values.push(rng.gaussian() / Math.sqrt(n * p));
      }
    }
    rowPtr[i + 1] = cols.length;
  }
  return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), values: Float64Array.from(values) };
}

/** How many slices a computation is cut into. */
function sliceCount(slices: Generator<number, unknown, void>): number {
  let count = 0;
  while (!slices.next().done) count++;
  return count;
}

describe('spectrumOf above ALL_EIGENVALUES_LIMIT (Arnoldi)', () => {
  const big = () => randomCsr(ALL_EIGENVALUES_LIMIT + 20, 0.01, 8);

  it('rests after every implicit restart, reports each, and gives the synchronous leading eigenvalues', async () => {
    const m = big();
    const { job, reports, rests } = recordingJob();
    const s = await spectrumOf('rec', m, 0, 6, job);
    const restarts = sliceCount(leadingEigenvalueSlices(m, 6));
    expect(restarts).toBeGreaterThan(2);
    expect(rests.count).toBe(restarts);
    expect(reports).toHaveLength(restarts + 2); // 0, one per restart, 1
    const alone = leadingEigenvalues(m, 6);
    expect(Array.from(s.re)).toEqual(Array.from(alone.re));
    expect(Array.from(s.im)).toEqual(Array.from(alone.im));
  }, 60_000);

  it('stops at the next restart once the job is cancelled', async () => {
    const { job, reports, rests } = recordingJob(3);
    await expect(spectrumOf('rec', big(), 0, 6, job)).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(reports.length).toBe(3);
    expect(rests.count).toBe(3);
  }, 60_000);
});

describe('radiusOf', () => {
  it('rests after every slice: the components, each Arnoldi restart of its block', async () => {
    const m = randomCsr(600, 0.05, 9);
    const { job, rests } = recordingJob();
    expect(await radiusOf(m, job)).toBe(spectralRadius(m));
    expect(rests.count).toBe(sliceCount(spectralRadiusSlices(m)));
    expect(rests.count).toBeGreaterThan(5);
  });

  it('reports progress through the Arnoldi restarts of a large block and returns spectralRadius exactly', async () => {
    const m = randomCsr(600, 0.05, 5);
    const { job, reports } = recordingJob();
    const radius = await radiusOf(m, job);
    expect(radius).toBe(spectralRadius(m));
    const fractions = reports.map((r) => r.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
    expect(fractions.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(2);
    expect(reports.every((r) => r.text === 'spectral radius of 600 units')).toBe(true);
  });

  it('reports progress through the QR sweeps of a small dense matrix', async () => {
    const m = randomDense(240, 6);
    const { job, reports } = recordingJob();
    expect(await radiusOf(m, job)).toBe(spectralRadius(m));
    expect(reports.filter((r) => r.fraction > 0 && r.fraction < 1).length).toBeGreaterThan(8);
  });

  it('stops once the job is cancelled', async () => {
    const { job, reports } = recordingJob(3);
    await expect(radiusOf(randomCsr(600, 0.05, 7), job)).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(reports.length).toBe(3);
  });
});
