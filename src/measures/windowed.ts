/**
 * Measures on a sliding window of a recorded population: the live information panels' core.
 * The window is `steps × width` values, row-major and oldest first (the layout of a probe
 * frame); each chosen unit's column is one series, measured as {@link computeMeasure} measures it:
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
 * The discrete estimator takes the allocation-free path of windowed-discrete.ts (the same bits);
 * the Gaussian and KSG estimators, and what that path does not take, call computeMeasure per unit.
 *
 * Pure (no DOM, no worker globals): the engine session calls it in the worker, tests in Node.
 */
import { computeMeasure, isPairMeasure, unitsOf, type MeasureSpec } from './api.ts';
import { MeasureError } from './errors.ts';
import type { Units } from './types.ts';
import { columnInto, measureUnits, sourcePerUnit, type WindowSamples } from './window-columns.ts';
import { discretise, type Discretisation } from './window-symbols.ts';
import { firstLocalStep, measureDiscreteWindow, planDiscreteWindow } from './windowed-discrete.ts';

export { fastMedian, selectKth } from './select.ts';
export { meanColumn, thresholdColumns, unitColumn, unitColumns, type WindowSamples } from './window-columns.ts';
export { discretise, type Discretisation } from './window-symbols.ts';

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
 * 1,000-step window (a neighbour search per sample), so only small populations are live and a
 * refresh stays short.
 */
export function maxUnitsFor(estimator: MeasureSpec['estimator']): number {
  return estimator === 'ksg' ? 8 : estimator === 'gaussian' ? 500 : 2000;
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
  const rule: Discretisation = opts.discretise ?? { rule: 'threshold', value: 'median' };
  const averages = new Float64Array(n);
  const locals = (opts.locals ?? true) ? new Float64Array(target.steps * n) : null;
  const plan = planDiscreteWindow(spec, target.steps, rule);
  const warning = plan
    ? measureDiscreteWindow(plan, spec, target, source, unitIndex, averages, locals)
    : measureEachUnit(spec, target, source, unitIndex, rule, averages, locals);
  let sum = 0;
  let finite = 0;
  for (const a of averages) {
    if (!Number.isFinite(a)) continue;
    sum += a;
    finite++;
  }
  return { units: unitsOf(spec.estimator), unitIndex, averages, mean: finite > 0 ? sum / finite : NaN, locals, truncated: requested.length - n, ...(warning ? { warning } : {}) };
}

/**
 * computeMeasure on each chosen unit's column (discretised by the rule for the discrete
 * estimator), writing averages[j] and row j of `locals`; returns the first failing unit's warning.
 */
function measureEachUnit(
  spec: MeasureSpec,
  target: WindowSamples,
  source: WindowSamples | null,
  units: Int32Array,
  rule: Discretisation,
  averages: Float64Array,
  locals: Float64Array | null,
): string | undefined {
  const steps = target.steps;
  const symbols = (x: Float64Array) => (spec.estimator === 'discrete' ? discretise(x, rule, spec.base ?? 2) : { symbols: x, base: spec.base ?? 2 });
  const column = new Float64Array(steps);
  const sourceOf = isPairMeasure(spec.measure) ? sourcePerUnit(source!, target.width, symbols) : null;
  return measureUnits(units, steps, averages, locals, (u, row) => {
    columnInto(target, u, column);
    const dest = symbols(column);
    const src = sourceOf?.(u);
    const base = Math.max(dest.base, src?.base ?? 0);
    const input = src ? { source: src.symbols, dest: dest.symbols } : { series: dest.symbols };
    const r = computeMeasure({ ...spec, base }, input, { locals: locals !== null });
    if (locals && r.locals) placeLocals(locals.subarray(row, row + steps), r.locals, r.samples, firstLocalStep(spec, r.validFrom));
    return r.average;
  });
}

/**
 * Writes one unit's locals into its row of the locals matrix: the `samples` values of its
 * embedded rows (the tail of computeMeasure's locals, padded or not) from step `at`, NaN elsewhere.
 */
function placeLocals(row: Float64Array, values: Float64Array, samples: number, at: number): void {
  row.fill(NaN, 0, at);
  row.set(values.subarray(values.length - samples), at);
  row.fill(NaN, at + samples);
}
