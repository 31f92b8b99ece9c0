/**
 * Measures on a sliding window of a recorded population: the live information panels' core.
 * The window is `steps × width` values, row-major and oldest first (the layout of a probe
 * frame); each chosen unit's column is one series, measured with {@link computeMeasure}:
 *
 * - averages: one value per unit, in bits (discrete) or nats (Gaussian, KSG), and their mean;
 * - locals: `units × steps` row-major (one row per unit, as a units × time heatmap draws them),
 *   the local value of each unit at each target time. Times without a local value (the first k steps of AIS, TE and
 *   entropy rate, the first `lag` of MI) are NaN rather than the zero padding of computeMeasure,
 *   so a heatmap leaves them blank.
 *
 * Continuous data are discretised per unit for the discrete estimator by a stated rule
 * ({@link Discretisation}); spike trains are already 0/1. For mi and te each target unit needs
 * a source series: a one-unit source serves every unit, a source of the same width pairs unit i
 * with unit i, and any other source gives its mean over units (the population's mean field).
 *
 * Pure (no DOM, no worker globals): the engine session calls it in the worker, tests in Node.
 */
import { computeMeasure, isPairMeasure, unitsOf, type MeasureSpec } from './api.ts';
import { discretiseEqualWidth } from './discrete.ts';
import { MeasureError } from './errors.ts';
import type { Units } from './types.ts';

/** How the discrete estimator turns a unit's continuous values into symbols 0 … base−1. */
export type Discretisation =
  /** 1 where x > value (or the unit's median over the window), else 0; base 2. Spikes: value 0.5. */
  | { rule: 'threshold'; value: number | 'median' }
  /** Equal-width bins over the unit's range in the window; base = bins. */
  | { rule: 'bins'; bins: number }
  /** The data are symbols already (base from the spec, default 2). */
  | { rule: 'none' };

/** Samples of a window: `steps` rows × `width` values, row-major, oldest first. */
export interface WindowSamples {
  readonly steps: number;
  readonly width: number;
  readonly data: Float64Array;
}

export interface WindowedOptions {
  /** Which units (columns) of the target to measure (default: all, up to the estimator's cap). */
  readonly units?: readonly number[];
  /** Discretisation for the discrete estimator (default: threshold at the median). */
  readonly discretise?: Discretisation;
  /** Return local values (default true). */
  readonly locals?: boolean;
}

export interface WindowedResult {
  units: Units;
  /** The units measured (column indices of the target window). */
  unitIndex: Int32Array;
  /** Average of each measured unit (NaN where its estimate failed, see `warning`). */
  averages: Float64Array;
  /** Mean of the finite averages over units (NaN when none is finite). */
  mean: number;
  /** `unitIndex.length × steps` local values (row u: unit unitIndex[u] over time), NaN where there is none; null without locals. */
  locals: Float64Array | null;
  /** Units of the request left out by the estimator's cap ({@link maxUnitsFor}). */
  truncated: number;
  /** Why some unit has no estimate (the first reason), when one failed. */
  warning?: string;
}

/**
 * Most units one request measures, by estimator: KSG costs milliseconds per unit at a
 * 1,000-step window (a neighbour search per sample: ≈ 1.5 ms at k = 1, 7 ms at k = 4), so only
 * small populations are live, and a refresh holds the engine's run loop for ≤ ~60 ms.
 */
export function maxUnitsFor(estimator: MeasureSpec['estimator']): number {
  return estimator === 'ksg' ? 8 : estimator === 'gaussian' ? 500 : 2000;
}

/** Column `unit` of a window (one unit's series). */
export function unitColumn(w: WindowSamples, unit: number): Float64Array {
  const out = new Float64Array(w.steps);
  for (let t = 0, k = unit; t < w.steps; t++, k += w.width) out[t] = w.data[k];
  return out;
}

/**
 * Visits a window in tiles of 32 units × 64 steps: `body(j, t0, t1)` handles steps t0 … t1−1 of
 * the j-th chosen unit, so both the strided reads and the writes stay in cache.
 */
function forTiles(w: WindowSamples, n: number, body: (j: number, t0: number, t1: number) => void): void {
  const UNITS = 32;
  const STEPS = 64;
  for (let j0 = 0; j0 < n; j0 += UNITS) {
    const j1 = Math.min(n, j0 + UNITS);
    for (let t0 = 0; t0 < w.steps; t0 += STEPS) {
      const t1 = Math.min(w.steps, t0 + STEPS);
      for (let j = j0; j < j1; j++) body(j, t0, t1);
    }
  }
}

/** The chosen units' columns of a window, one after another (`units.length × steps`). */
export function unitColumns(w: WindowSamples, units: ArrayLike<number>): Float64Array {
  const out = new Float64Array(units.length * w.steps);
  const { data, width, steps } = w;
  forTiles(w, units.length, (j, t0, t1) => {
    const u = units[j];
    for (let t = t0, o = j * steps + t0; t < t1; t++, o++) out[o] = data[t * width + u];
  });
  return out;
}

/**
 * The chosen units' symbols x > threshold (1, else 0), `units.length × steps`, in one pass over
 * the window; `bad[j]` = 1 where unit j has a non-finite value.
 */
export function thresholdColumns(w: WindowSamples, units: ArrayLike<number>, threshold: number): { symbols: Int32Array; bad: Uint8Array } {
  const symbols = new Int32Array(units.length * w.steps);
  const bad = new Uint8Array(units.length);
  const { data, width, steps } = w;
  forTiles(w, units.length, (j, t0, t1) => {
    const u = units[j];
    for (let t = t0, o = j * steps + t0; t < t1; t++, o++) {
      const v = data[t * width + u];
      if (v - v !== 0) bad[j] = 1;
      symbols[o] = v > threshold ? 1 : 0;
    }
  });
  return { symbols, bad };
}

/** Mean over units at each step (one series). */
export function meanColumn(w: WindowSamples): Float64Array {
  const out = new Float64Array(w.steps);
  for (let t = 0; t < w.steps; t++) {
    let s = 0;
    for (let k = t * w.width, end = k + w.width; k < end; k++) s += w.data[k];
    out[t] = s / w.width;
  }
  return out;
}

/**
 * The k-th smallest value of `a` (0-based), reordering `a` in place so that a[0…k−1] ≤ a[k]
 * (Hoare's selection, expected O(n); the window's median without sorting it).
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

/** Median as discrete.ts's `median` defines it (mean of the two middle values for even length), in O(n). */
export function fastMedian(x: Float64Array): number {
  if (x.length === 0) throw new MeasureError('median of an empty series', 'series');
  const a = x.slice();
  const m = a.length >> 1;
  const upper = selectKth(a, m);
  if (a.length % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < m; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

/** Throws when a unit's window holds a non-finite value (a diverged run). */
function checkFiniteSeries(x: Float64Array): void {
  for (let i = 0; i < x.length; i++) if (x[i] - x[i] !== 0) throw new MeasureError(`the window holds a non-finite value at step ${i}`, 'series');
}

/**
 * Symbols of one series by the rule (continuous → 0 … base−1), and the alphabet size. The same
 * symbols as discretiseThreshold / discretiseEqualWidth of discrete.ts.
 */
export function discretise(x: Float64Array, rule: Discretisation, base: number): { symbols: ArrayLike<number>; base: number } {
  checkFiniteSeries(x);
  switch (rule.rule) {
    case 'threshold': {
      const v = rule.value === 'median' ? fastMedian(x) : rule.value;
      const out = new Int32Array(x.length);
      for (let i = 0; i < x.length; i++) out[i] = x[i] > v ? 1 : 0;
      return { symbols: out, base: 2 };
    }
    case 'bins':
      return { symbols: discretiseEqualWidth(x, rule.bins), base: rule.bins };
    case 'none':
      return { symbols: x, base };
  }
}

/** The source series of target unit `unit` (see the module comment). */
function sourceFor(source: WindowSamples, targetWidth: number, unit: number, mean: () => Float64Array): Float64Array {
  if (source.width === 1) return unitColumn(source, 0);
  if (source.width === targetWidth) return unitColumn(source, unit);
  return mean();
}

/**
 * Measures each chosen unit of `target` over the window (and, for mi and te, its source series
 * from `source`). Throws MeasureError for a request that cannot work for any unit (a pair measure
 * without a source, windows of different lengths); a unit whose own data fail (e.g. too few
 * samples, a singular covariance) gets NaN and a warning.
 */
export function windowedMeasure(spec: MeasureSpec, target: WindowSamples, source: WindowSamples | null, opts: WindowedOptions = {}): WindowedResult {
  const pair = isPairMeasure(spec.measure);
  if (pair && !source) throw new MeasureError(`${spec.measure} needs a source`, 'source');
  if (pair && source!.steps !== target.steps) throw new MeasureError(`source has ${source!.steps} steps but the target ${target.steps}`, 'source');
  const requested = opts.units ?? Array.from({ length: target.width }, (_, i) => i);
  for (const u of requested) if (!Number.isInteger(u) || u < 0 || u >= target.width) throw new MeasureError(`unit ${u} is out of range (width ${target.width})`, 'units');
  const cap = maxUnitsFor(spec.estimator);
  const unitIndex = Int32Array.from(requested.slice(0, cap));
  const n = unitIndex.length;
  const wantLocals = opts.locals ?? true;
  const rule: Discretisation = opts.discretise ?? { rule: 'threshold', value: 'median' };
  const averages = new Float64Array(n);
  const locals = wantLocals ? new Float64Array(target.steps * n) : null;
  let sourceMean: Float64Array | null = null;
  const mean = () => (sourceMean ??= meanColumn(source!));
  let warning: string | undefined;
  const symbols = (x: Float64Array) => (spec.estimator === 'discrete' ? discretise(x, rule, spec.base ?? 2) : { symbols: x, base: spec.base ?? 2 });
  const steps = target.steps;
  const destOf = targetSymbols(spec, target, unitIndex, rule, symbols);
  for (let j = 0; j < n; j++) {
    const u = unitIndex[j];
    try {
      const dest = destOf(j);
      const src = pair ? symbols(sourceFor(source!, target.width, u, mean)) : null;
      const base = Math.max(dest.base, src?.base ?? 0);
      const input = pair ? { source: src!.symbols, dest: dest.symbols } : { series: dest.symbols };
      const r = computeMeasure({ ...spec, base }, input, { locals: wantLocals });
      averages[j] = r.average;
      if (locals && r.locals) placeLocals(locals.subarray(j * steps, (j + 1) * steps), r.locals, r.validFrom, spec);
    } catch (err) {
      if (!(err instanceof MeasureError)) throw err;
      averages[j] = NaN;
      locals?.fill(NaN, j * steps, (j + 1) * steps);
      warning ??= `unit ${u}: ${err.message}`;
    }
  }
  let sum = 0;
  let finite = 0;
  for (const a of averages) {
    if (!Number.isFinite(a)) continue;
    sum += a;
    finite++;
  }
  return { units: unitsOf(spec.estimator), unitIndex, averages, mean: finite > 0 ? sum / finite : NaN, locals, truncated: requested.length - n, ...(warning ? { warning } : {}) };
}

type Symbols = { symbols: ArrayLike<number>; base: number };

/**
 * The target's symbols of the j-th chosen unit, by the rule: a fixed threshold (spikes, x > 0)
 * in one pass over the window for every unit, else column by column.
 */
function targetSymbols(spec: MeasureSpec, target: WindowSamples, units: Int32Array, rule: Discretisation, symbols: (x: Float64Array) => Symbols): (j: number) => Symbols {
  const steps = target.steps;
  const row = (j: number) => [j * steps, (j + 1) * steps] as const;
  if (spec.estimator === 'discrete' && rule.rule === 'threshold' && rule.value !== 'median') {
    const t = thresholdColumns(target, units, rule.value);
    return (j) => {
      if (t.bad[j]) throw new MeasureError('the window holds a non-finite value', 'series');
      return { symbols: t.symbols.subarray(...row(j)), base: 2 };
    };
  }
  const columns = unitColumns(target, units);
  return (j) => symbols(columns.subarray(...row(j)));
}

/** Writes one unit's locals into its row of the locals matrix, at their target times. */
function placeLocals(row: Float64Array, values: Float64Array, validFrom: number, spec: MeasureSpec): void {
  // Padded layouts (ais, te, entropy-rate) index by target time; mi's local i belongs to time
  // i + lag; entropy's to time i.
  const padded = spec.measure === 'ais' || spec.measure === 'te' || spec.measure === 'entropy-rate';
  const shift = spec.measure === 'mi' ? (spec.lag ?? 0) : 0;
  const from = padded ? validFrom : 0;
  row.fill(NaN, 0, from + shift);
  row.set(values.subarray(from), from + shift);
  row.fill(NaN, from + shift + values.length - from);
}
