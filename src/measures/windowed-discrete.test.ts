/**
 * The windowed path against the straightforward computation it replaces, bit for bit: each unit's
 * column copied out of the window, discretised by discrete.ts's discretiseThreshold (sorting
 * median) or discretiseEqualWidth, measured by computeMeasure (the general plug-in path), its
 * locals laid out by target time with NaN where there is none; a unit with a non-finite value gets
 * NaN and the warning "unit u: the window holds a non-finite value at step t".
 */
import { describe, expect, it } from 'vitest';
import { computeMeasure, isPairMeasure, type MeasureSpec } from './api.ts';
import { MeasureError } from './errors.ts';
import { discretiseEqualWidth, discretiseThreshold } from './discrete.ts';
import { mulberry32 } from './random.ts';
import { MedianFinder, fastMedian } from './select.ts';
import { maxUnitsFor, windowedMeasure, type Discretisation, type WindowSamples, type WindowedOptions } from './windowed.ts';

/** One unit's series, by a plain strided loop. */
function column(w: WindowSamples, u: number): Float64Array {
  return Float64Array.from({ length: w.steps }, (_, t) => w.data[t * w.width + u]);
}

function meanField(w: WindowSamples): Float64Array {
  return Float64Array.from({ length: w.steps }, (_, t) => {
    let s = 0;
    for (let u = 0; u < w.width; u++) s += w.data[t * w.width + u];
    return s / w.width;
  });
}

function symbolsOf(x: Float64Array, rule: Discretisation): { symbols: Int32Array; base: number } {
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new MeasureError(`the window holds a non-finite value at step ${bad}`, 'series');
  if (rule.rule === 'bins') return { symbols: discretiseEqualWidth(x, rule.bins), base: rule.bins };
  if (rule.rule === 'threshold') return { symbols: discretiseThreshold(x, rule.value), base: 2 };
  throw new Error('symbols given as data are not compared here');
}

/** The windowed result computed the straightforward way, unit by unit. */
function straightforward(spec: MeasureSpec, target: WindowSamples, source: WindowSamples | null, opts: WindowedOptions) {
  const units = (opts.units ?? Array.from({ length: target.width }, (_, i) => i)).slice(0, maxUnitsFor(spec.estimator));
  const rule = opts.discretise ?? { rule: 'threshold', value: 'median' };
  const steps = target.steps;
  const averages: number[] = [];
  const locals: number[] = [];
  let warning: string | undefined;
  for (const u of units) {
    const row = new Array<number>(steps).fill(NaN);
    try {
      const dest = symbolsOf(column(target, u), rule);
      let input;
      if (isPairMeasure(spec.measure)) {
        const s = source!;
        const src = symbolsOf(s.width === 1 ? column(s, 0) : s.width === target.width ? column(s, u) : meanField(s), rule);
        input = { source: src.symbols, dest: dest.symbols };
      } else {
        input = { series: dest.symbols };
      }
      const r = computeMeasure({ ...spec, base: dest.base }, input);
      averages.push(r.average);
      const values = r.locals!;
      if (spec.measure === 'mi') values.forEach((v, i) => (row[i + (spec.lag ?? 0)] = v)); // local i: target time i + lag
      else if (spec.measure === 'entropy') values.forEach((v, i) => (row[i] = v));
      else for (let t = r.validFrom; t < steps; t++) row[t] = values[t]; // padded: zeros before validFrom
    } catch (err) {
      if (!(err instanceof MeasureError)) throw err;
      averages.push(NaN);
      warning ??= `unit ${u}: ${err.message}`;
    }
    locals.push(...row);
  }
  const finite = averages.filter(Number.isFinite);
  const mean = finite.length > 0 ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
  return { unitIndex: units, averages, locals, mean, warning };
}

const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

/** Checks the windowed result against the straightforward one, with and without locals. */
function expectSame(spec: MeasureSpec, target: WindowSamples, source: WindowSamples | null, opts: WindowedOptions = {}): void {
  const where = JSON.stringify({ spec, steps: target.steps, width: target.width, source: source?.width, opts });
  const want = straightforward(spec, target, source, opts);
  const got = windowedMeasure(spec, target, source, opts);
  expect(Array.from(got.unitIndex), where).toEqual(want.unitIndex);
  expect(sameBits(got.averages, want.averages), where).toBe(true);
  expect(sameBits(got.locals!, want.locals), where).toBe(true);
  expect(Object.is(got.mean, want.mean), where).toBe(true);
  expect(got.warning, where).toBe(want.warning);
  const noLocals = windowedMeasure(spec, target, source, { ...opts, locals: false });
  expect(noLocals.locals, where).toBeNull();
  expect(sameBits(noLocals.averages, want.averages), where).toBe(true);
}

type Kind = 'ar' | 'spikes' | 'constant' | 'ties';

/** A random window; `kind` picks AR(1) values, 0/1 spikes, constant columns or heavily tied values. */
function randomWindow(steps: number, width: number, seed: number, kind: Kind = 'ar'): WindowSamples {
  const next = mulberry32(seed);
  const data = new Float64Array(steps * width);
  for (let u = 0; u < width; u++) {
    let x = next() - 0.5;
    const a = 0.1 + 0.8 * next();
    for (let t = 0; t < steps; t++) {
      x = a * x + next() - 0.5;
      const v = kind === 'spikes' ? (next() < 0.3 ? 1 : 0) : kind === 'constant' ? u - 1.5 : kind === 'ties' ? Math.round(x * 2) : x;
      data[t * width + u] = v;
    }
  }
  return { steps, width, data };
}

const RULES: Discretisation[] = [
  { rule: 'threshold', value: 'median' },
  { rule: 'threshold', value: 0.5 },
  { rule: 'threshold', value: 0 },
  { rule: 'bins', bins: 3 },
  { rule: 'bins', bins: 4 },
];

const SINGLE: MeasureSpec[] = [
  { measure: 'ais', estimator: 'discrete', k: 4 },
  { measure: 'ais', estimator: 'discrete', k: 1 },
  { measure: 'ais', estimator: 'discrete', k: 3, tau: 2 },
  { measure: 'entropy-rate', estimator: 'discrete', k: 2 },
  { measure: 'entropy', estimator: 'discrete' },
];

const PAIR: MeasureSpec[] = [
  { measure: 'te', estimator: 'discrete', k: 1, l: 1, delay: 1 },
  { measure: 'te', estimator: 'discrete', k: 3, l: 2, delay: 2 },
  { measure: 'mi', estimator: 'discrete', lag: 0 },
  { measure: 'mi', estimator: 'discrete', lag: 3 },
];

describe('windowed discrete measures equal the straightforward per-unit computation, bit for bit', () => {
  it.each(SINGLE.map((s) => [`${s.measure} k=${s.k ?? '-'} tau=${s.tau ?? 1}`, s] as const))('%s: every rule, odd sizes, one unit', (_name, spec) => {
    let seed = 1;
    for (const rule of RULES) {
      for (const [steps, width] of [[1, 1], [2, 3], [7, 1], [65, 5], [129, 2], [301, 7]]) {
        for (const kind of ['ar', 'spikes', 'ties'] as Kind[]) expectSame(spec, randomWindow(steps, width, seed++, kind), null, { discretise: rule });
      }
    }
  });

  it.each(PAIR.map((s) => [`${s.measure} k=${s.k ?? '-'} l=${s.l ?? '-'} lag=${s.lag ?? '-'}`, s] as const))('%s: one-unit, paired and mean-field sources', (_name, spec) => {
    let seed = 100;
    for (const rule of RULES) {
      for (const [steps, width] of [[5, 1], [64, 3], [257, 4]]) {
        const target = randomWindow(steps, width, seed++);
        expectSame(spec, target, randomWindow(steps, 1, seed++), { discretise: rule });
        expectSame(spec, target, randomWindow(steps, width, seed++, 'ties'), { discretise: rule });
        expectSame(spec, target, randomWindow(steps, width === 3 ? 5 : 3, seed++, 'spikes'), { discretise: rule });
      }
    }
  });

  it('constant columns: zero entropy and information, every local defined', () => {
    for (const rule of RULES) {
      const w = randomWindow(101, 4, 7, 'constant');
      for (const spec of [...SINGLE]) expectSame(spec, w, null, { discretise: rule });
      for (const spec of PAIR) expectSame(spec, w, randomWindow(101, 1, 8), { discretise: rule });
      const r = windowedMeasure({ measure: 'entropy', estimator: 'discrete' }, w, null, { discretise: rule });
      expect(Array.from(r.averages).every((a) => a === 0)).toBe(true);
    }
  });

  it('chosen units in any order, repeated; the cap', () => {
    const w = randomWindow(200, 9, 3);
    expectSame({ measure: 'ais', estimator: 'discrete', k: 2 }, w, null, { units: [8, 0, 8, 3] });
    expectSame({ measure: 'te', estimator: 'discrete', k: 2 }, w, randomWindow(200, 9, 4), { units: [5, 5, 1] });
    const wide = randomWindow(20, maxUnitsFor('discrete') + 3, 5, 'spikes');
    expectSame({ measure: 'ais', estimator: 'discrete', k: 1 }, wide, null, { discretise: { rule: 'threshold', value: 0.5 } });
  });

  it('non-finite values: the unit (or every unit, for a shared source) gets NaN and a warning naming the step', () => {
    const w = randomWindow(150, 5, 9);
    const data = Float64Array.from(w.data);
    data[17 * 5 + 3] = NaN;
    data[40 * 5 + 1] = Infinity;
    data[99 * 5 + 3] = -Infinity;
    const broken = { ...w, data };
    for (const rule of RULES) {
      expectSame({ measure: 'ais', estimator: 'discrete', k: 4 }, broken, null, { discretise: rule });
      expectSame({ measure: 'te', estimator: 'discrete' }, w, broken, { discretise: rule }); // paired: units 1 and 3's sources
      expectSame({ measure: 'te', estimator: 'discrete' }, broken, w, { discretise: rule });
      const one = randomWindow(150, 1, 10);
      one.data[3] = NaN;
      expectSame({ measure: 'mi', estimator: 'discrete', lag: 2 }, w, one, { discretise: rule }); // every unit fails
      expectSame({ measure: 'te', estimator: 'discrete' }, w, broken, { discretise: rule, units: [0, 2, 4] }); // sources intact
    }
    const r = windowedMeasure({ measure: 'ais', estimator: 'discrete', k: 4 }, broken, null, { discretise: { rule: 'threshold', value: 0 } });
    expect(r.warning).toBe('unit 1: the window holds a non-finite value at step 40');
    expect(Array.from(r.averages).map(Number.isNaN)).toEqual([false, true, false, true, false]);
  });

  it('requests every unit fails the same way (history longer than the window, bad bins) give computeMeasure\'s reason', () => {
    const w = randomWindow(6, 3, 11);
    expectSame({ measure: 'ais', estimator: 'discrete', k: 6 }, w, null);
    expectSame({ measure: 'te', estimator: 'discrete', k: 2, l: 3, delay: 4 }, w, randomWindow(6, 1, 12));
    expectSame({ measure: 'entropy', estimator: 'discrete' }, w, null, { discretise: { rule: 'bins', bins: 1 } });
    expect(windowedMeasure({ measure: 'ais', estimator: 'discrete', k: 6 }, w, null).warning).toMatch(/^unit 0: history length k = 6/);
  });

  it('joint alphabets too large for a table take the per-unit path, with the same results', () => {
    const w = randomWindow(300, 2, 13);
    expectSame({ measure: 'ais', estimator: 'discrete', k: 12 }, w, null); // 2^13 states > max(4096, rows)
    expectSame({ measure: 'te', estimator: 'discrete', k: 5, l: 3 }, w, randomWindow(300, 2, 14), { discretise: { rule: 'bins', bins: 4 } });
  });
});

describe('MedianFinder', () => {
  it('equals the sorting median on awkward series, reused across lengths', () => {
    const finder = new MedianFinder(300);
    const next = mulberry32(21);
    const series: Float64Array[] = [];
    for (const n of [1, 2, 3, 63, 64, 65, 100, 255, 256, 257, 300]) {
      series.push(Float64Array.from({ length: n }, () => next() * 10 - 5)); // continuous
      series.push(Float64Array.from({ length: n }, () => Math.round(next() * 3))); // heavy ties
      series.push(new Float64Array(n).fill(2.5)); // constant
      series.push(Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e300 : next()))); // one huge outlier
      series.push(Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1.7e308 : -1.7e308))); // range overflows
      series.push(Float64Array.from({ length: n }, (_, i) => Math.exp(30 * next()) * (i % 3 === 0 ? -1 : 1))); // skewed
    }
    for (const x of series) {
      const sorted = Float64Array.from(x).sort();
      const m = x.length >> 1;
      const want = x.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
      expect(finder.median(x)).toBe(want);
      expect(fastMedian(x)).toBe(want);
    }
    expect(() => finder.median(new Float64Array(0))).toThrow(/empty/);
  });
});
