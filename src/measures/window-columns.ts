/**
 * Columns of a window of samples: a recorded population is `steps × width` values, row-major and
 * oldest first (the layout of a probe frame), and a unit's series is one column of it.
 */
import { MeasureError } from './errors.ts';

/** Samples of a window: `steps` rows × `width` values, row-major, oldest first. */
export interface WindowSamples {
  readonly steps: number;
  readonly width: number;
  readonly data: Float64Array;
}

/**
 * Copies column `unit` of a window into `out` (length ≥ steps); returns the first step holding a
 * non-finite value, or −1.
 */
export function columnInto(w: WindowSamples, unit: number, out: Float64Array): number {
  const { data, width, steps } = w;
  let bad = -1;
  for (let t = 0, k = unit; t < steps; t++, k += width) {
    const v = data[k];
    if (v - v !== 0 && bad < 0) bad = t; // NaN or ±Infinity
    out[t] = v;
  }
  return bad;
}

/**
 * Writes the symbols x > threshold (1, else 0) of column `unit` into `out` (length ≥ steps) in one
 * pass; returns the first step holding a non-finite value, or −1.
 */
export function thresholdInto(w: WindowSamples, unit: number, threshold: number, out: Int32Array): number {
  const { data, width, steps } = w;
  let bad = -1;
  for (let t = 0, k = unit; t < steps; t++, k += width) {
    const v = data[k];
    if (v - v !== 0 && bad < 0) bad = t;
    out[t] = Number(v > threshold); // branch-free: half the symbols are 1
  }
  return bad;
}

/** The MeasureError of a unit whose window holds a non-finite value (a diverged run) at `step`. */
export function nonFinite(step: number): MeasureError {
  return new MeasureError(`the window holds a non-finite value at step ${step}`, 'series');
}

/** @throws the {@link nonFinite} error of the first non-finite value of `x`. */
export function assertFinite(x: Float64Array): void {
  for (let i = 0; i < x.length; i++) if (x[i] - x[i] !== 0) throw nonFinite(i);
}

/** Column `unit` of a window (one unit's series). */
export function unitColumn(w: WindowSamples, unit: number): Float64Array {
  const out = new Float64Array(w.steps);
  columnInto(w, unit, out);
  return out;
}

/** The chosen units' columns of a window, one after another (`units.length × steps`). */
export function unitColumns(w: WindowSamples, units: ArrayLike<number>): Float64Array {
  const out = new Float64Array(units.length * w.steps);
  for (let j = 0; j < units.length; j++) columnInto(w, units[j], out.subarray(j * w.steps));
  return out;
}

/**
 * The chosen units' symbols x > threshold (1, else 0), `units.length × steps`; `bad[j]` = 1 where
 * unit j has a non-finite value.
 */
export function thresholdColumns(w: WindowSamples, units: ArrayLike<number>, threshold: number): { symbols: Int32Array; bad: Uint8Array } {
  const symbols = new Int32Array(units.length * w.steps);
  const bad = new Uint8Array(units.length);
  for (let j = 0; j < units.length; j++) bad[j] = thresholdInto(w, units[j], threshold, symbols.subarray(j * w.steps)) >= 0 ? 1 : 0;
  return { symbols, bad };
}

/**
 * The source series of each target unit of a pair measure, through `f`: a one-unit source serves
 * every unit, a source of the target's width pairs unit i with unit i, and any other gives its mean
 * over units (the population's mean field). A series that serves every unit goes through `f` once
 * (a MeasureError it throws is thrown again for every unit). `f` gets a buffer it may keep only
 * until its next call.
 */
export function sourcePerUnit<T>(source: WindowSamples, targetWidth: number, f: (x: Float64Array) => T): (unit: number) => T {
  const column = new Float64Array(source.steps);
  if (source.width === targetWidth && source.width !== 1) {
    return (unit) => {
      columnInto(source, unit, column);
      return f(column);
    };
  }
  let once: T | MeasureError;
  try {
    once = f(source.width === 1 ? unitColumn(source, 0) : meanColumn(source));
  } catch (err) {
    if (!(err instanceof MeasureError)) throw err;
    once = err;
  }
  return () => {
    if (once instanceof MeasureError) throw once;
    return once;
  };
}

/**
 * The per-unit loop of a windowed measure: averages[j] = measure(units[j], j · steps), which also
 * fills row j of `locals` (starting at that offset). A unit whose measure throws a MeasureError
 * gets NaN (and a NaN row); returns the first such unit's warning, "unit u: reason".
 */
export function measureUnits(units: Int32Array, steps: number, averages: Float64Array, locals: Float64Array | null, measure: (unit: number, row: number) => number): string | undefined {
  let warning: string | undefined;
  for (let j = 0; j < units.length; j++) {
    const row = j * steps;
    try {
      averages[j] = measure(units[j], row);
    } catch (err) {
      if (!(err instanceof MeasureError)) throw err;
      averages[j] = NaN;
      locals?.fill(NaN, row, row + steps);
      warning ??= `unit ${units[j]}: ${err.message}`;
    }
  }
  return warning;
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
