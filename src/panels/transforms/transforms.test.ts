import { describe, expect, it } from 'vitest';
import { finiteExtent, rowMeanSd } from './stats.ts';
import { histogram } from './binning.ts';
import { eventTest, firingRates, interSpikeIntervals, type EventMode } from './spikes.ts';
import { projectRow } from './projection.ts';
import { ProbeWindow } from '../../store/probeWindow.ts';
import { pcaFit } from '../../engine/worker/analysis-session.ts';
import { nearestEigenvalue, summarizeSpectrum } from './spectrum.ts';
import { targetCurve, targetOfParams, targetPdf } from './targets.ts';
import { eigenvalues } from '../../engine/linalg/index.ts';

const samples = (rows: number[][], firstStep = 1) => ({ firstStep, count: rows.length, width: rows[0].length, data: Float64Array.from(rows.flat()) });

describe('mean ± sd over units', () => {
  it('gives the population mean and sd at each step', () => {
    const data = Float64Array.from([1, 3, 2, 2, 0, 4]);
    const out = new Float64Array(2);
    const steps = [0, 1, 2].map((t) => (rowMeanSd(data, 2 * t, 2, out), Array.from(out)));
    expect(steps).toEqual([
      [2, 1],
      [2, 0],
      [2, 2],
    ]);
  });
  it('leaves out non-finite values and splits units', () => {
    const out = new Float64Array(2);
    rowMeanSd([1, NaN, 3], 0, 3, out);
    expect(Array.from(out)).toEqual([2, 1]);
    rowMeanSd([NaN, Infinity], 0, 2, out);
    expect(Array.from(out)).toEqual([NaN, NaN]);
    // one unit of a live window, oldest first, also once the ring has wrapped
    const w = new ProbeWindow(2, 3);
    w.append({ width: 2, count: 4, data: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }, 1);
    w.append({ width: 2, count: 1, data: Float64Array.from([9, 10]) }, 5);
    expect(Array.from(w.unitSeries(1))).toEqual([6, 8, 10]);
    expect(Array.from(w.unitSeries(0))).toEqual([5, 7, 9]);
    expect(finiteExtent([3, 1, 2], [5])).toEqual([1, 5]);
    expect(finiteExtent([2])).toEqual([1, 3]);
  });
});

describe('histogram', () => {
  it('bins values with equal widths; densities integrate to 1', () => {
    const bins = histogram([0, 0.1, 0.5, 0.9, 1], { bins: 2, domain: [0, 1] });
    expect(bins.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0, 0.5, 2],
      [0.5, 1, 3],
    ]);
    expect(bins.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 12);
  });
  it('uses the finite range by default and survives flat and empty data', () => {
    expect(histogram([2, 4, NaN], { bins: 2 }).map((b) => b.count)).toEqual([1, 1]);
    expect(histogram([3, 3], { bins: 1 })[0]).toMatchObject({ x0: 2.5, x1: 3.5, count: 2 });
    expect(histogram([], { bins: 3 }).every((b) => b.count === 0 && b.density === 0)).toBe(true);
  });
});

/** Every event of the samples in a mode, as the raster finds them: [step, unit] pairs in step order. */
function events(s: ReturnType<typeof samples>, mode: EventMode, threshold = 0): [number, number][] {
  const hit = eventTest(mode, threshold);
  const out: [number, number][] = [];
  for (let t = 0; t < s.count; t++) for (let i = 0; i < s.width; i++) if (hit(s.data[t * s.width + i], t > 0 ? s.data[(t - 1) * s.width + i] : NaN)) out.push([s.firstStep + t, i]);
  return out;
}

describe('spikes', () => {
  const s = samples(
    [
      [1, 0, 0.2],
      [0, 0, 0.8],
      [1, 1, 0.9],
      [0, 0, 0.1],
      [1, 0, 0.7],
    ],
    11,
  );
  it('finds spikes, states and upward crossings', () => {
    expect(events(s, 'spikes')).toHaveLength(9);
    expect(events(s, 'crossing', 0.5)).toEqual([
      [12, 2],
      [13, 0],
      [13, 1],
      [15, 0],
      [15, 2],
    ]);
    expect(events(s, 'state', 0.5)).toHaveLength(7);
  });
  it('computes rates in Hz and ISIs in ms', () => {
    const binary = samples([[1, 0], [0, 0], [1, 1], [0, 0], [1, 0]]);
    expect(Array.from(firingRates(binary, 1))).toEqual([600, 200]); // 3 spikes in 5 ms
    expect(Array.from(interSpikeIntervals(binary, 0.5))).toEqual([1, 1]);
  });
});

/** Each step of `s` laid onto a fit's PC1 and PC2, as the live panel does step by step. */
function projectOn(s: { count: number; width: number; data: Float64Array }, fit: Parameters<typeof projectRow>[3]) {
  const out = new Float64Array(2);
  const x: number[] = [];
  const y: number[] = [];
  for (let t = 0; t < s.count; t++) {
    projectRow(s.data, t * s.width, s.width, fit, out);
    x.push(out[0]);
    y.push(out[1]);
  }
  return { x, y };
}

describe('PCA projection', () => {
  it('finds the line the trajectory moves along (fit on the analysis worker, projection in the panel)', () => {
    const rows = Array.from({ length: 50 }, (_, t) => {
      const a = Math.sin(t / 5);
      return [a, 2 * a, 0.01 * Math.cos(t)];
    });
    const s = samples(rows);
    const fit = pcaFit(s)!;
    const p = projectOn(s, fit);
    expect(Array.from(p.x)).toEqual(Array.from(fit.x)); // the panel lays steps onto the fit as the worker did
    expect(Array.from(p.y)).toEqual(Array.from(fit.y));
    expect(fit.explained[0]).toBeGreaterThan(0.999);
    // PC1 = (x + 2y)/√5 up to sign, centred.
    const mean = rows.reduce((m, r) => m + r[0], 0) / rows.length;
    rows.forEach((r, t) => expect(Math.abs(p.x[t])).toBeCloseTo(Math.abs(((r[0] - mean) * 5) / Math.sqrt(5)), 2));
    expect(pcaFit(samples([[1, 2]]))).toBeNull();
    expect(Array.from(projectOn(samples([[1]]), fit).x)).toEqual([NaN]); // a narrower probe than the fit: no coordinates
  });
});

describe('eigenvalue spectrum', () => {
  it('summarises a known matrix: rotation by 90° scaled by 0.5 has λ = ±0.5i', () => {
    const { re, im } = eigenvalues({ rows: 2, cols: 2, data: Float64Array.from([0, -0.5, 0.5, 0]) });
    expect(Array.from(re).map((v) => Math.abs(v))).toEqual([0, 0].map(() => expect.closeTo(0, 12)));
    expect(Array.from(im).map(Math.abs)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
    expect(summarizeSpectrum(re, im)).toMatchObject({ radius: expect.closeTo(0.5, 12), inside: 2, outside: 0 });
  });
  it('counts eigenvalues of a diagonal matrix against the unit circle', () => {
    const { re, im } = eigenvalues({ rows: 3, cols: 3, data: Float64Array.from([2, 0, 0, 0, 1, 0, 0, 0, -0.3]) });
    expect(summarizeSpectrum(re, im)).toEqual({ radius: 2, inside: 1, onCircle: 1, outside: 1 });
    expect(re[nearestEigenvalue(re, im, 1.9, 0.1)]).toBe(2);
  });
});

describe('target densities', () => {
  it('Gaussian and exponential pdfs integrate to 1', () => {
    const area = (c: [number, number][]) => c.slice(1).reduce((s, [x, y], k) => s + ((x - c[k][0]) * (y + c[k][1])) / 2, 0);
    expect(area(targetCurve({ type: 'gaussian', mean: 0, sd: 0.2 }, -2, 2, 2001))).toBeCloseTo(1, 6);
    expect(area(targetCurve({ type: 'exponential', mean: 0.2 }, 0, 10, 20001))).toBeCloseTo(1, 4);
    expect(targetPdf({ type: 'exponential', mean: 1 }, -1)).toBe(0);
  });
  it('reads the target of an IP rule', () => {
    expect(targetOfParams({ plasticity: { rule: 'ip-schrauwen', mu: 0, sigma: 0.2 } })).toEqual({ type: 'gaussian', mean: 0, sd: 0.2 });
    expect(targetOfParams({ plasticity: { rule: 'ip-triesch', mu: 0.2 } })).toEqual({ type: 'exponential', mean: 0.2 });
    expect(targetOfParams({})).toBeNull();
  });
});
