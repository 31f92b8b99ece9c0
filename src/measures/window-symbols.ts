/**
 * How the discrete estimator turns a unit's continuous values into symbols 0 … base−1 on a window
 * ({@link Discretisation}), one series at a time ({@link discretise}) or unit after unit into
 * buffers reused across the units of a window ({@link Symboliser}). Both give the symbols of
 * discretiseThreshold / discretiseEqualWidth of discrete.ts.
 */
import { checkBins, equalWidthInto } from './discrete.ts';
import { MedianFinder } from './select.ts';
import { assertFinite, columnInto, nonFinite, thresholdInto, type WindowSamples } from './window-columns.ts';

/** How the discrete estimator turns a unit's continuous values into symbols 0 … base−1. */
export type Discretisation =
  /** 1 where x > value (or the unit's median over the window), else 0; base 2. Spikes: value 0.5. */
  | { rule: 'threshold'; value: number | 'median' }
  /** Equal-width bins over the unit's range in the window; base = bins. */
  | { rule: 'bins'; bins: number }
  /** The data are symbols already (base from the spec, default 2). */
  | { rule: 'none' };

/** A rule that computes symbols (every rule but 'none'). */
export type SymbolRule = Exclude<Discretisation, { rule: 'none' }>;

/**
 * Symbols of series of `steps` values by one rule, into one buffer that each call overwrites:
 * threshold (x > value, or x > the series' median, base 2) or equal-width bins (base = bins).
 */
export class Symboliser {
  /** Alphabet size of the symbols. */
  readonly base: number;
  private readonly symbols: Int32Array;
  private readonly column: Float64Array;
  private readonly medians: MedianFinder | null;

  constructor(
    steps: number,
    private readonly rule: SymbolRule,
  ) {
    this.base = rule.rule === 'bins' ? rule.bins : 2;
    this.symbols = new Int32Array(steps);
    this.column = new Float64Array(steps);
    this.medians = rule.rule === 'threshold' && rule.value === 'median' ? new MedianFinder(steps) : null;
  }

  /** Symbols of column `unit` of `w`. @throws MeasureError when the column holds a non-finite value. */
  unit(w: WindowSamples, unit: number): Int32Array {
    const rule = this.rule;
    if (rule.rule === 'threshold' && rule.value !== 'median') {
      const bad = thresholdInto(w, unit, rule.value, this.symbols);
      if (bad >= 0) throw nonFinite(bad);
      return this.symbols;
    }
    const bad = columnInto(w, unit, this.column);
    if (bad >= 0) throw nonFinite(bad);
    return this.finite(this.column);
  }

  /** Symbols of the series `x` (length `steps`). @throws MeasureError when it holds a non-finite value. */
  series(x: Float64Array): Int32Array {
    assertFinite(x);
    return this.finite(x);
  }

  private finite(x: Float64Array): Int32Array {
    const rule = this.rule;
    const out = this.symbols;
    if (rule.rule === 'bins') {
      checkBins(rule.bins);
      return equalWidthInto(x, rule.bins, out);
    }
    const v = this.medians ? this.medians.median(x) : (rule.value as number);
    for (let i = 0; i < x.length; i++) out[i] = Number(x[i] > v); // branch-free (see thresholdInto)
    return out;
  }
}

/**
 * Symbols of one series by the rule (continuous → 0 … base−1), and the alphabet size. The same
 * symbols as discretiseThreshold / discretiseEqualWidth of discrete.ts.
 * @throws MeasureError when the series holds a non-finite value.
 */
export function discretise(x: Float64Array, rule: Discretisation, base: number): { symbols: ArrayLike<number>; base: number } {
  if (rule.rule !== 'none') {
    const s = new Symboliser(x.length, rule);
    return { symbols: s.series(x), base: s.base };
  }
  assertFinite(x);
  return { symbols: x, base };
}
