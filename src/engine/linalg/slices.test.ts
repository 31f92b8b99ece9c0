/**
 * Arnoldi and the spectral radius cut into slices (slices.ts; arnoldi.ts, spectral-radius.ts):
 * drained at once, the slices give exactly the results the synchronous functions gave before
 * they were cut (GOLDEN: recorded from the unsliced code at commit 16cc76d on the matrices of
 * arnoldi.test.ts and spectral-radius.test.ts), and a slice is one implicit restart or one block.
 */
import { describe, expect, it } from 'vitest';
import { arnoldiLargest, arnoldiSlices, leadingEigenvalues, leadingEigenvalueSlices, type ArnoldiResult } from './arnoldi.ts';
import { denseToCsr } from './csr.ts';
import { blockTriangular, randomMatrix, reservoir, reservoirs400, rotationBlocks } from './eigen-test-helpers.ts';
import { drainSlices, mapSlices, type Slices } from './slices.ts';
import { spectralRadiusReport, spectralRadiusSlices } from './spectral-radius.ts';
import type { AnyMatrix } from './types.ts';

const GOLDEN = {
  A1: { re: [0.9311903250757183, 0.9311903250757183, -18.248581306525054, -18.248581306525054, -3.055355827814878, -3.055355827814878, 20.17382756167684, 20.17382756167684], im: [22.600729082453288, -22.600729082453288, 13.134738921198315, -13.134738921198315, 22.230044359321564, -22.230044359321564, 9.153644443406451, -9.153644443406451], residuals: [2.25820870702876e-12, 2.25820870702876e-12, 1.7741472654709067e-9, 1.7741472654709067e-9, 9.476527997799529e-11, 9.476527997799529e-11, 1.7434861526157252e-9, 1.7434861526157252e-9], converged: true, restarts: 10, matVecs: 355, progress: [0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0.5, 1] },
  A2: { re: [0.37014408121388087, 0.37014408121388087, 0.9681414792745926, 0.9681414792745926, 0.5880412268868442, 0.5880412268868442], im: [0.8953072541372519, -0.8953072541372519, 0.015321871178252705, -0.015321871178252705, 0.766365528892662, -0.766365528892662], residuals: [7.365618092810166e-11, 7.365618092810166e-11, 6.386887221536356e-14, 6.386887221536356e-14, 3.8882921984566105e-12, 3.8882921984566105e-12], converged: true, restarts: 7, matVecs: 268 },
  A3: { re: [0.932670470418465, 0.932670470418465, -0.9333565234525603, -0.9333565234525603, -0.1109982408064194, -0.1109982408064194], im: [0.32541171110831696, -0.32541171110831696, 0.26930251628399604, -0.26930251628399604, 0.9475796118057636, -0.9475796118057636], residuals: [7.896630089415519e-18, 7.896630089415519e-18, 3.144552251116429e-14, 3.144552251116429e-14, 6.322985953856334e-11, 6.322985953856334e-11], converged: true, restarts: 9, matVecs: 328 },
  A4: { re: [0.6989999999999988, 0.6980000000000031, 0.6970000000000002], im: [0, 0, 0], residuals: [4.400304494948193e-14, 2.222198027598914e-12, 3.0369237014497936e-11], converged: true, restarts: 6, matVecs: 240 },
  R1: { radius: 5.702741167496809, method: 'arnoldi', converged: true, blocks: 1, matVecs: 750 },
  R2: { radius: 5.085828992729909, method: 'dense', converged: true, blocks: 1, matVecs: 0 },
  R3: { radius: 7.14938599894132, method: 'arnoldi', converged: true, blocks: 2, matVecs: 1089 },
  R4: { radius: 7.430959504394469, method: 'arnoldi', converged: true, blocks: 1, matVecs: 296 },
  R5: { radius: 1.2, method: 'dense', converged: true, blocks: 501, matVecs: 0 },
  R6: { radius: 11.23593122827768, method: 'arnoldi', converged: true, blocks: 1, matVecs: 585 },
};

const plain = (r: ArnoldiResult) => ({ re: Array.from(r.re), im: Array.from(r.im), residuals: Array.from(r.residuals), converged: r.converged, restarts: r.restarts, matVecs: r.matVecs });

/** The fractions a computation yields, and its result. */
function collect<R>(slices: Slices<R>): { fractions: number[]; value: R } {
  const fractions: number[] = [];
  for (;;) {
    const step = slices.next();
    if (step.done) return { fractions, value: step.value };
    fractions.push(step.value);
  }
}

const blockTriangularCsr = () => denseToCsr(blockTriangular().M);

describe('Arnoldi in slices', () => {
  it('gives the unsliced results bit for bit (dense 500, dense and sparse reservoirs, a diagonal operator), with the same progress', () => {
    const seen: number[] = [];
    const { progress, ...a1 } = GOLDEN.A1;
    expect(plain(leadingEigenvalues(randomMatrix(500, 5), 8, { onProgress: (f) => seen.push(f) }))).toEqual(a1);
    expect(seen).toEqual(progress);
    const { dense, sparseCsr } = reservoirs400();
    expect(plain(leadingEigenvalues(dense, 6))).toEqual(GOLDEN.A2);
    expect(plain(leadingEigenvalues(sparseCsr, 6))).toEqual(GOLDEN.A3);
    const n = 1000;
    const d = Float64Array.from({ length: n }, (_, i) => ((i * 379) % n) / n - 0.3);
    const diagonal = (x: Float64Array, y: Float64Array) => {
      for (let i = 0; i < n; i++) y[i] = d[i] * x[i];
    };
    expect(plain(arnoldiLargest(diagonal, n, { nev: 3 }))).toEqual(GOLDEN.A4);
  });

  it('is one slice per implicit restart, yielding the share of wanted values converged', () => {
    const m = randomMatrix(500, 5);
    const { fractions, value } = collect(leadingEigenvalueSlices(m, 8));
    expect(fractions).toHaveLength(GOLDEN.A1.restarts);
    expect(fractions).toEqual(GOLDEN.A1.progress.slice(0, -1));
    expect(plain(value)).toEqual(plain(leadingEigenvalues(m, 8)));
    expect(() => arnoldiSlices(() => {}, 2).next()).toThrow(/n ≥ 3/);
  });
});

describe('the spectral radius in slices', () => {
  const cases: [string, () => AnyMatrix, keyof typeof GOLDEN, number?][] = [
    ['a 5 %-sparse 600-unit reservoir (Arnoldi)', () => denseToCsr(reservoir(600, 0.05, 'normal', 3)), 'R1'],
    ['a dense 120-unit matrix (QR)', () => reservoir(120, 0.2, 'normal', 7), 'R2'],
    ['a block-triangular 700-unit matrix (two Arnoldi blocks)', blockTriangularCsr, 'R3'],
    ['a 10 %-sparse 500-unit reservoir at tol 1e-4', () => denseToCsr(reservoir(500, 0.1, 'normal', 12)), 'R4', 1e-4],
    ['500 rotation blocks (QR per block)', () => rotationBlocks(1000), 'R5'],
    ['a dense 350-unit matrix (Arnoldi on the whole)', () => reservoir(350, 1, 'uniform', 41), 'R6'],
  ];
  it.each(cases)('gives the unsliced report bit for bit: %s', (_, matrix, key, tol) => {
    expect({ ...spectralRadiusReport(matrix(), tol === undefined ? {} : { tol }) }).toEqual(GOLDEN[key]);
  }, 60_000);

  it('ends a slice after the components, after each block solved by QR or Arnoldi and at each of their own slices; progress by rows, never back', () => {
    const rot = collect(spectralRadiusSlices(rotationBlocks(1000)));
    // 499 blocks of two solved by QR (one slice each: too small for QR slices of their own), after the components
    expect(rot.fractions).toHaveLength(1 + 499);
    expect(rot.fractions[0]).toBe(0);
    expect(rot.fractions.at(-1)).toBe(1);
    expect(rot.fractions[1]).toBe(4 / 1000); // the two single units, then the first block of two
    const two = collect(spectralRadiusSlices(blockTriangularCsr()));
    expect(two.value.matVecs).toBe(GOLDEN.R3.matVecs);
    expect(two.fractions.filter((f) => f > 0 && f < 0.5).length).toBeGreaterThan(10); // Arnoldi restarts in the first block
    expect(two.fractions).toContain(0.5);
    for (const { fractions } of [rot, two]) for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThanOrEqual(fractions[k - 1]);
  }, 60_000);
});

describe('slices', () => {
  function* counting(n: number): Slices<string> {
    for (let k = 1; k <= n; k++) yield k / n;
    return 'done';
  }

  it('drainSlices reports each fraction and 1 at the end, and stops between two slices once signalled', () => {
    const seen: number[] = [];
    expect(drainSlices(counting(4), { onProgress: (f) => seen.push(f) })).toBe('done');
    expect(seen).toEqual([0.25, 0.5, 0.75, 1, 1]);
    const signal = { aborted: false };
    const stopAt: number[] = [];
    const run = () =>
      drainSlices(counting(4), {
        signal,
        onProgress: (f) => {
          stopAt.push(f);
          if (f === 0.5) signal.aborted = true;
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(stopAt).toEqual([0.25, 0.5]);
  });

  it('mapSlices maps each fraction into the whole and passes the result through', () => {
    expect(collect(mapSlices(counting(2), (f) => 0.5 + f / 2))).toEqual({ fractions: [0.75, 1], value: 'done' });
  });
});
