/**
 * Running `recurrence measure`: options → plan → series → the measure (with surrogates when
 * asked) → the output object. Errors of the measures are mapped to the flag that caused them.
 */
import {
  MeasureError,
  computeMeasure,
  discretiseEqualWidth,
  discretiseThreshold,
  measureSignificance,
  type EstimatorName,
  type MeasureName,
  type MeasureResult,
  type SignificanceResult,
} from '../../measures/index.ts';
import { CliError } from '../errors.ts';
import { defaultSeriesNames, requireSimulationFlags } from './measure-doc.ts';
import type { MeasureCliOptions } from './measure-options.ts';
import { planMeasure, type MeasurePlan } from './measure-plan.ts';
import { resolveSeriesSource } from './measure-series.ts';

/** Applies the discretisation (each series on its own range / median) or checks integer data. */
function prepareSeries(values: Float64Array, flag: string, name: string, plan: MeasurePlan): ArrayLike<number> {
  const d = plan.discretisation;
  if (plan.spec.estimator !== 'discrete') return values;
  if (d.kind === 'bins') return discretiseEqualWidth(values, d.bins);
  if (d.kind === 'threshold') return discretiseThreshold(values, d.value);
  const base = plan.spec.base ?? 2;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new CliError(
        `${flag} ${name}: value ${v} at index ${i} is not a non-negative integer; the discrete estimator needs symbols 0 … base−1, so discretise with --bins B or --threshold V|median`,
      );
    }
    if (v >= base) {
      throw new CliError(`--base ${base} is too small for the data: ${flag} ${name} has the value ${v} at index ${i} (use --base ${v + 1} or more)`);
    }
  }
  return values;
}

const PARAM_FLAGS: Record<string, string> = {
  k: '--k',
  tau: '--tau',
  l: '--l',
  lTau: '--tau',
  delay: '--delay',
  lag: '--lag',
  base: '--base',
  neighbours: '--neighbours',
  bins: '--bins',
  threshold: '--threshold',
  surrogates: '--surrogates',
  seed: '--seed',
};

/** The JSON output of the command. */
export interface MeasureOutput {
  measure: MeasureName;
  estimator: EstimatorName;
  units: 'bits' | 'nats';
  input: { origin: string; series?: string; source?: string; dest?: string };
  params: Record<string, number | boolean | string>;
  samples: number;
  average: number;
  locals?: number[];
  locals_valid_from?: number;
  p?: number;
  surrogates?: { count: number; seed: number; mean: number; std: number };
}

function reportedParams(plan: MeasurePlan): Record<string, number | boolean | string> {
  const s = plan.spec;
  const p: Record<string, number | boolean | string> = {};
  if (s.measure === 'ais' || s.measure === 'entropy-rate' || s.measure === 'te') {
    p.k = s.k ?? 1;
    p.tau = s.tau ?? 1;
  }
  if (s.measure === 'te') {
    p.l = s.l ?? 1;
    p.delay = s.delay ?? 1;
  }
  if (s.measure === 'mi') p.lag = s.lag ?? 0;
  if (s.estimator === 'discrete') {
    p.base = s.base ?? 2;
    const d = plan.discretisation;
    p.discretise = d.kind === 'none' ? 'none' : d.kind === 'bins' ? `bins:${d.bins}` : `threshold:${d.value}`;
  }
  if (s.estimator === 'ksg') {
    p.neighbours = s.neighbours ?? 4;
    p.normalise = s.normalise ?? false;
  }
  return p;
}

/** Runs the whole command: options → data → measure → output object. */
export function runMeasure(given: MeasureCliOptions): MeasureOutput {
  if (given.doc !== undefined) requireSimulationFlags(given);
  const opts = defaultSeriesNames(given);
  const plan = planMeasure(opts);
  const source = resolveSeriesSource(opts);
  const input: MeasureOutput['input'] = { origin: source.origin };
  const data: { series?: ArrayLike<number>; source?: ArrayLike<number>; dest?: ArrayLike<number> } = {};
  if ('series' in plan.selection) {
    const name = plan.selection.series;
    input.series = name;
    data.series = prepareSeries(source.get(name, '--series'), '--series', name, plan);
  } else {
    const { source: s, dest: d } = plan.selection;
    input.source = s;
    input.dest = d;
    const sv = source.get(s, '--source');
    const dv = source.get(d, '--dest');
    if (sv.length !== dv.length) {
      throw new CliError(`--source ${s} and --dest ${d} have different lengths (${sv.length} and ${dv.length})`);
    }
    data.source = prepareSeries(sv, '--source', s, plan);
    data.dest = prepareSeries(dv, '--dest', d, plan);
  }
  let result: MeasureResult;
  let significance: SignificanceResult | null = null;
  try {
    if (plan.surrogates !== null) {
      const r = measureSignificance(plan.spec, data, { surrogates: plan.surrogates, seed: plan.seed, locals: plan.local });
      result = r.result;
      significance = r.significance;
    } else {
      result = computeMeasure(plan.spec, data, { locals: plan.local });
    }
  } catch (err) {
    if (err instanceof MeasureError) {
      const flag =
        err.param === 'series' || err.param === 'source' || err.param === 'dest'
          ? `--${err.param} ${input[err.param] ?? ''}`.trimEnd()
          : PARAM_FLAGS[err.param] ?? `--${err.param}`;
      throw new CliError(`${flag}: ${err.message}`);
    }
    throw err;
  }
  const out: MeasureOutput = {
    measure: plan.spec.measure,
    estimator: plan.spec.estimator,
    units: result.units,
    input,
    params: reportedParams(plan),
    samples: result.samples,
    average: result.average,
  };
  if (plan.local && result.locals !== null) {
    out.locals = Array.from(result.locals);
    out.locals_valid_from = result.validFrom;
  }
  if (significance !== null) {
    out.p = significance.p;
    out.surrogates = { count: significance.surrogates.length, seed: significance.seed, mean: significance.mean, std: significance.std };
  }
  return out;
}
