/**
 * The discrete estimator on a window, unit after unit without per-unit allocation: each unit's
 * column is read from the row-major window straight into its symbols (threshold, median or bins;
 * window-symbols.ts), and one {@link DiscreteTable} (the plug-in estimate of discrete.ts, bit for
 * bit) writes its local values straight into the unit's row of the locals matrix. A source shared
 * by every unit (one unit, or the population's mean field) is discretised once.
 *
 * The result is computeMeasure's on each unit's discretised column, the same bits
 * (windowed-discrete.test.ts compares the two); requests this path does not take (symbols given
 * as data, a joint alphabet too large for a table, parameters computeMeasure rejects) go through
 * computeMeasure unit by unit in windowed.ts.
 */
import { embeddingFor, isPairMeasure, type MeasureSpec } from './api.ts';
import { checkBins } from './discrete.ts';
import { DiscreteTable } from './discrete-table.ts';
import type { EmbeddingSpec } from './embedding.ts';
import { MeasureError } from './errors.ts';
import { measureUnits, sourcePerUnit, type WindowSamples } from './window-columns.ts';
import { Symboliser, type Discretisation, type SymbolRule } from './window-symbols.ts';

/** What the fast path needs to know about a request, found once per window. */
export interface DiscreteWindowPlan {
  readonly rule: SymbolRule;
  readonly emb: EmbeddingSpec;
  readonly table: DiscreteTable;
  /** Step of the window (target time) of the first embedded row: where a unit's locals start. */
  readonly firstStep: number;
}

/** Where the local of embedded row 0 sits in a window's time axis (later rows follow it). */
export function firstLocalStep(spec: MeasureSpec, validFrom: number): number {
  return validFrom + (spec.measure === 'mi' ? (spec.lag ?? 0) : 0);
}

/** The plan of a discrete request on `steps`-step windows, or null when it takes the per-unit path. */
export function planDiscreteWindow(spec: MeasureSpec, steps: number, rule: Discretisation): DiscreteWindowPlan | null {
  if (spec.estimator !== 'discrete' || rule.rule === 'none') return null;
  try {
    if (rule.rule === 'bins') checkBins(rule.bins);
    const base = rule.rule === 'bins' ? rule.bins : 2;
    const { emb, quantity } = embeddingFor(spec, steps, 1);
    if (!DiscreteTable.fits(emb, base)) return null;
    return { rule, emb, table: new DiscreteTable(quantity, emb, base), firstStep: firstLocalStep(spec, emb.validFrom) };
  } catch (err) {
    if (err instanceof MeasureError) return null; // every unit fails the same way: computeMeasure says how
    throw err;
  }
}

/**
 * Measures the chosen units by the plan: averages[j] and, with `locals`, row j of the
 * `units.length × steps` locals matrix (NaN outside the embedded rows). A unit whose data fail
 * gets NaN; returns the first such unit's warning.
 */
export function measureDiscreteWindow(
  plan: DiscreteWindowPlan,
  spec: MeasureSpec,
  target: WindowSamples,
  source: WindowSamples | null,
  units: Int32Array,
  averages: Float64Array,
  locals: Float64Array | null,
): string | undefined {
  const steps = target.steps;
  const { table, firstStep } = plan;
  const rows = plan.emb.rows;
  const dest = new Symboliser(steps, plan.rule);
  const sourceSymbols = new Symboliser(steps, plan.rule);
  const sourceOf = isPairMeasure(spec.measure) ? sourcePerUnit(source!, target.width, (x) => sourceSymbols.series(x)) : null;
  return measureUnits(units, steps, averages, locals, (u, row) => {
    const d = dest.unit(target, u);
    const average = table.run(sourceOf ? [sourceOf(u), d] : [d], locals, row + firstStep);
    locals?.fill(NaN, row, row + firstStep).fill(NaN, row + firstStep + rows, row + steps);
    return average;
  });
}
