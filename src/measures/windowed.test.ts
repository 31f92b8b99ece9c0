import { describe, expect, it } from 'vitest';
import { computeMeasure, discretiseEqualWidth, discretiseThreshold, median, mulberry32, type MeasureSpec } from './index.ts';
import { fastMedian, maxUnitsFor, meanColumn, thresholdColumns, unitColumn, unitColumns, windowedMeasure, type WindowSamples } from './windowed.ts';

/** A window of `width` units: AR(1) series with unit-dependent memory, steps × width row-major. */
function window(steps: number, width: number, seed: number): WindowSamples {
  const next = mulberry32(seed);
  const data = new Float64Array(steps * width);
  for (let u = 0; u < width; u++) {
    const a = 0.2 + (0.7 * u) / Math.max(1, width - 1);
    let x = 0;
    for (let t = 0; t < steps; t++) {
      x = a * x + (next() - 0.5);
      data[t * width + u] = x;
    }
  }
  return { steps, width, data };
}

/** Column j of a units × steps locals matrix. */
const row = (locals: Float64Array, j: number, steps: number) => Array.from(locals.subarray(j * steps, (j + 1) * steps));
const padNaN = (values: Float64Array, from: number) => Array.from(values, (v, i) => (i < from ? NaN : v));

describe('windowed measures: each unit equals computeMeasure on its column', () => {
  const w = window(300, 6, 11);

  it('discrete AIS (k = 4) after binarising each unit at its median: averages, locals, NaN padding', () => {
    const spec: MeasureSpec = { measure: 'ais', estimator: 'discrete', k: 4 };
    const r = windowedMeasure(spec, w, null);
    expect(r.units).toBe('bits');
    expect(Array.from(r.unitIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    for (let u = 0; u < w.width; u++) {
      const ref = computeMeasure(spec, { series: discretiseThreshold(unitColumn(w, u), 'median') });
      expect(r.averages[u]).toBeCloseTo(ref.average, 12);
      expect(row(r.locals!, u, w.steps)).toEqual(padNaN(ref.locals!, ref.validFrom));
    }
    const mean = Array.from(r.averages).reduce((a, b) => a + b) / w.width;
    expect(r.mean).toBeCloseTo(mean, 12);
    // More memory (larger AR coefficient) stores more information.
    expect(r.averages[5]).toBeGreaterThan(r.averages[0]);
  });

  it('chosen units, a fixed threshold and equal-width bins', () => {
    const spec: MeasureSpec = { measure: 'entropy-rate', estimator: 'discrete', k: 2 };
    const r = windowedMeasure(spec, w, null, { units: [4, 1], discretise: { rule: 'threshold', value: 0 }, locals: false });
    expect(Array.from(r.unitIndex)).toEqual([4, 1]);
    expect(r.locals).toBeNull();
    expect(r.averages[0]).toBeCloseTo(computeMeasure(spec, { series: discretiseThreshold(unitColumn(w, 4), 0) }).average, 12);
    const b = windowedMeasure({ measure: 'entropy', estimator: 'discrete' }, w, null, { units: [2], discretise: { rule: 'bins', bins: 4 } });
    const ref = computeMeasure({ measure: 'entropy', estimator: 'discrete', base: 4 }, { series: discretiseEqualWidth(unitColumn(w, 2), 4) });
    expect(b.averages[0]).toBeCloseTo(ref.average, 12);
    expect(row(b.locals!, 0, w.steps)).toEqual(Array.from(ref.locals!));
  });

  it('Gaussian and KSG AIS on the raw values (nats); KSG is capped to small populations', () => {
    const g = windowedMeasure({ measure: 'ais', estimator: 'gaussian', k: 2 }, w, null, { units: [3] });
    const gRef = computeMeasure({ measure: 'ais', estimator: 'gaussian', k: 2 }, { series: unitColumn(w, 3) });
    expect(g.units).toBe('nats');
    expect(g.averages[0]).toBeCloseTo(gRef.average, 10);
    expect(row(g.locals!, 0, w.steps).slice(2)).toEqual(Array.from(gRef.locals!).slice(2).map((v) => expect.closeTo(v, 10)));
    const k = windowedMeasure({ measure: 'ais', estimator: 'ksg', k: 1, neighbours: 4 }, w, null, { units: [0] });
    expect(k.averages[0]).toBeCloseTo(computeMeasure({ measure: 'ais', estimator: 'ksg', k: 1, neighbours: 4 }, { series: unitColumn(w, 0) }).average, 10);
    const wide = window(60, maxUnitsFor('ksg') + 4, 3);
    const capped = windowedMeasure({ measure: 'ais', estimator: 'ksg', k: 1 }, wide, null, { locals: false });
    expect(capped.unitIndex.length).toBe(maxUnitsFor('ksg'));
    expect(capped.truncated).toBe(4);
  });

  it('TE: a one-unit source serves every unit, a same-width source pairs units, another gives its mean field', () => {
    const spec: MeasureSpec = { measure: 'te', estimator: 'discrete', k: 2, l: 1, delay: 1 };
    const bin = (x: Float64Array) => discretiseThreshold(x, 'median');
    const one = window(300, 1, 5);
    const broadcast = windowedMeasure(spec, w, one);
    const paired = windowedMeasure(spec, w, window(300, 6, 6));
    const meanField = windowedMeasure(spec, w, window(300, 3, 7));
    for (const u of [0, 5]) {
      const ref = computeMeasure(spec, { source: bin(unitColumn(one, 0)), dest: bin(unitColumn(w, u)) });
      expect(broadcast.averages[u]).toBeCloseTo(ref.average, 12);
      expect(row(broadcast.locals!, u, w.steps)).toEqual(padNaN(ref.locals!, ref.validFrom));
      expect(paired.averages[u]).toBeCloseTo(computeMeasure(spec, { source: bin(unitColumn(window(300, 6, 6), u)), dest: bin(unitColumn(w, u)) }).average, 12);
      expect(meanField.averages[u]).toBeCloseTo(computeMeasure(spec, { source: bin(meanColumn(window(300, 3, 7))), dest: bin(unitColumn(w, u)) }).average, 12);
    }
    expect(() => windowedMeasure(spec, w, null)).toThrow(/needs a source/);
    expect(() => windowedMeasure(spec, w, window(200, 1, 1))).toThrow(/steps/);
  });

  it('lagged MI: local i sits at the target time i + lag', () => {
    const spec: MeasureSpec = { measure: 'mi', estimator: 'discrete', lag: 3 };
    const src = window(300, 1, 9);
    const r = windowedMeasure(spec, w, src, { units: [1] });
    const ref = computeMeasure(spec, { source: discretiseThreshold(unitColumn(src, 0), 'median'), dest: discretiseThreshold(unitColumn(w, 1), 'median') });
    expect(r.averages[0]).toBeCloseTo(ref.average, 12);
    expect(row(r.locals!, 0, w.steps)).toEqual([NaN, NaN, NaN, ...Array.from(ref.locals!)]);
  });

  it('a unit that cannot be measured gets NaN and a warning; the mean skips it', () => {
    const data = Float64Array.from(w.data);
    data[5 * w.width + 4] = NaN; // diverged
    const r = windowedMeasure({ measure: 'ais', estimator: 'discrete', k: 1 }, { ...w, data }, null, { units: [4, 0] });
    expect(r.averages[0]).toBeNaN();
    expect(r.warning).toMatch(/unit 4: .*non-finite/);
    expect(r.mean).toBe(r.averages[1]);
    // The same through the one-pass fixed threshold.
    const z = windowedMeasure({ measure: 'ais', estimator: 'discrete', k: 1 }, { ...w, data }, null, { units: [4, 0], discretise: { rule: 'threshold', value: 0 } });
    expect(z.averages[0]).toBeNaN();
    expect(z.warning).toMatch(/unit 4: .*non-finite/);
    expect(Array.from(z.locals!.subarray(0, w.steps)).every(Number.isNaN)).toBe(true);
    expect(() => windowedMeasure({ measure: 'ais', estimator: 'discrete' }, w, null, { units: [6] })).toThrow(/out of range/);
  });
});

describe('window helpers', () => {
  it('fastMedian equals the sorting median (odd, even, ties)', () => {
    const next = mulberry32(1);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const x = Float64Array.from({ length: n }, () => Math.round(next() * 20) / 4);
      expect(fastMedian(x)).toBe(median(x));
    }
  });

  it('unitColumns and thresholdColumns lay the chosen units one after another', () => {
    const w = window(130, 70, 2);
    const units = [69, 0, 3, ...Array.from({ length: 40 }, (_, i) => i + 10)];
    const cols = unitColumns(w, units);
    const bits = thresholdColumns(w, units, 0.1);
    units.forEach((u, j) => {
      expect(Array.from(cols.subarray(j * 130, (j + 1) * 130))).toEqual(Array.from(unitColumn(w, u)));
      expect(Array.from(bits.symbols.subarray(j * 130, (j + 1) * 130))).toEqual(Array.from(discretiseThreshold(unitColumn(w, u), 0.1)));
    });
    expect(bits.bad.every((b) => b === 0)).toBe(true);
  });
});
