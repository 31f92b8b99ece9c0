/**
 * Planning `recurrence measure`: the flag values are checked, alone and in combination, and turned
 * into a measure specification, a discretisation and the run's settings. Every problem is a
 * one-line error naming the flag (exit code 2).
 */
import {
  ESTIMATORS,
  MEASURES,
  isPairMeasure,
  type EstimatorName,
  type MeasureName,
  type MeasureSpec,
} from '../../measures/index.ts';
import { CliError } from '../errors.ts';
import { parseIntOption } from '../load.ts';
import { USAGE, type MeasureCliOptions } from './measure-options.ts';

/** How continuous data are turned into symbols for the discrete estimator. */
export type Discretisation = { kind: 'none' } | { kind: 'bins'; bins: number } | { kind: 'threshold'; value: number | 'median' };

/** Options after validation: what to compute and how. */
export interface MeasurePlan {
  readonly spec: MeasureSpec;
  readonly selection: { series: string } | { source: string; dest: string };
  readonly discretisation: Discretisation;
  readonly surrogates: number | null;
  readonly seed: number;
  readonly local: boolean;
  readonly json: boolean;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new CliError(`${flag} is required (one of ${allowed.join(', ')})`, USAGE);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`, USAGE);
  }
  return value as T;
}

function intFlag(flag: string, value: string | undefined, min: number, max?: number): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseIntOption(flag, value, min, max);
  } catch (err) {
    if (err instanceof CliError) throw new CliError(err.message, USAGE);
    throw err;
  }
}

/** Validates flag values and combinations; every problem is a one-line CliError naming the flag. */
export function planMeasure(opts: MeasureCliOptions): MeasurePlan {
  const measure = oneOf<MeasureName>('--measure', opts.measure, MEASURES);
  const estimator = oneOf<EstimatorName>('--estimator', opts.estimator, ESTIMATORS);
  const refuse = (flag: string, given: unknown, why: string) => {
    if (given !== undefined && given !== false) throw new CliError(`${flag} ${why}`, USAGE);
  };
  const pair = isPairMeasure(measure);
  let selection: MeasurePlan['selection'];
  if (pair) {
    refuse('--series', opts.series, `does not apply to --measure ${measure}; give --source NAME and --dest NAME`);
    if (opts.source === undefined || opts.dest === undefined) {
      throw new CliError(`--measure ${measure} needs --source NAME and --dest NAME`, USAGE);
    }
    selection = { source: opts.source, dest: opts.dest };
  } else {
    refuse('--source', opts.source, `does not apply to --measure ${measure}; give --series NAME`);
    refuse('--dest', opts.dest, `does not apply to --measure ${measure}; give --series NAME`);
    if (opts.series === undefined) throw new CliError(`--measure ${measure} needs --series NAME`, USAGE);
    selection = { series: opts.series };
  }
  const history = measure === 'ais' || measure === 'entropy-rate' || measure === 'te';
  if (!history) {
    refuse('--k', opts.k, `applies to --measure ais, entropy-rate and te only`);
    refuse('--tau', opts.tau, `applies to --measure ais, entropy-rate and te only`);
  }
  if (measure !== 'te') {
    refuse('--l', opts.l, 'applies to --measure te only');
    refuse('--delay', opts.delay, 'applies to --measure te only');
  }
  if (measure !== 'mi') refuse('--lag', opts.lag, 'applies to --measure mi only');
  if (estimator !== 'discrete') {
    for (const flag of ['base', 'bins', 'threshold'] as const) refuse(`--${flag}`, opts[flag], 'applies to --estimator discrete only');
  }
  if (estimator !== 'ksg') {
    refuse('--neighbours', opts.neighbours, 'applies to --estimator ksg only');
    refuse('--normalise', opts.normalise, 'applies to --estimator ksg only');
  }
  if (opts.bins !== undefined && opts.threshold !== undefined) throw new CliError('give either --bins or --threshold, not both', USAGE);

  let discretisation: Discretisation = { kind: 'none' };
  const bins = intFlag('--bins', opts.bins, 2, 1 << 16);
  if (bins !== undefined) discretisation = { kind: 'bins', bins };
  if (opts.threshold !== undefined) {
    const t = opts.threshold.trim();
    const value = t === 'median' ? 'median' : t === '' ? Number.NaN : Number(t);
    if (value !== 'median' && !Number.isFinite(value)) {
      throw new CliError(`--threshold must be a finite number or "median", got "${opts.threshold}"`, USAGE);
    }
    discretisation = { kind: 'threshold', value };
  }
  const base = intFlag('--base', opts.base, 2, 1 << 16) ?? (bins ?? 2);
  if (bins !== undefined && base < bins) throw new CliError(`--base ${base} is too small for --bins ${bins} (need --base ≥ ${bins})`, USAGE);

  const surrogates = intFlag('--surrogates', opts.surrogates, 1, 1_000_000) ?? null;
  if (surrogates !== null && (measure === 'entropy' || measure === 'entropy-rate')) {
    throw new CliError(`--surrogates applies to --measure mi, ais and te (a permutation test of zero information), not ${measure}`, USAGE);
  }
  const seed = intFlag('--seed', opts.seed, 0, 4294967295) ?? 1;

  const spec: MeasureSpec = {
    measure,
    estimator,
    k: intFlag('--k', opts.k, 1, 1000) ?? 1,
    tau: intFlag('--tau', opts.tau, 1, 1_000_000) ?? 1,
    l: intFlag('--l', opts.l, 1, 1000) ?? 1,
    lTau: 1,
    delay: intFlag('--delay', opts.delay, 1, 1_000_000) ?? 1,
    lag: intFlag('--lag', opts.lag, 0, 1_000_000) ?? 0,
    base,
    neighbours: intFlag('--neighbours', opts.neighbours, 1, 10_000) ?? 4,
    normalise: opts.normalise === true,
  };
  return { spec, selection, discretisation, surrogates, seed, local: opts.local === true, json: opts.json === true };
}
