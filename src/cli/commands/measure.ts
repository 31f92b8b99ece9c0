/**
 * `recurrence measure` — information-dynamics measures of recorded series from the command line:
 * entropy, mutual information, entropy rate, active information storage and transfer entropy, with
 * the discrete (bits), Gaussian (nats) or KSG (nats) estimator from src/measures.
 *
 * The data come from a {@link SeriesSource}. Today that is `--input FILE` (CSV with a header row,
 * or JSON {"NAME": [numbers], …}); the planned simulation mode
 * (`--doc GRAPH.json --steps N --seed S --probe ID[i]`) plugs in as a second source in
 * {@link resolveSeriesSource} without touching the rest of the command.
 */
import type { Command } from 'commander';
import {
  ESTIMATORS,
  MEASURES,
  MeasureError,
  computeMeasure,
  discretiseEqualWidth,
  discretiseThreshold,
  isPairMeasure,
  measureSignificance,
  type EstimatorName,
  type MeasureName,
  type MeasureResult,
  type MeasureSpec,
  type SignificanceResult,
} from '../../measures/index.ts';
import { CliError } from '../errors.ts';
import { parseIntOption, readText } from '../load.ts';
import { defaultSeriesNames, requireSimulationFlags, seriesFromSimulation } from './measure-doc.ts';

/** Raw option values as commander hands them over (strings; undefined when not given). */
export interface MeasureCliOptions {
  input?: string;
  series?: string;
  source?: string;
  dest?: string;
  measure?: string;
  estimator?: string;
  k?: string;
  tau?: string;
  l?: string;
  delay?: string;
  lag?: string;
  base?: string;
  neighbours?: string;
  normalise?: boolean;
  bins?: string;
  threshold?: string;
  surrogates?: string;
  seed?: string;
  local?: boolean;
  json?: boolean;
  doc?: string;
  steps?: string;
  probe?: string[];
}

/** Named series, from a file today and from a simulation later. */
export interface SeriesSource {
  /** Where the data come from, for messages and the JSON output (e.g. the file path). */
  readonly origin: string;
  /** The series called `name`, checked finite; `flag` names the option that asked for it. */
  get(name: string, flag: string): Float64Array;
}

const USAGE = 2;

/**
 * Picks the data source from the options. Extension point: a `--doc GRAPH.json --steps N --seed S
 * --probe ID[i]` source (run the simulator, return each probed unit's trace as a series named by
 * its probe text) goes here as a second branch.
 */
export function resolveSeriesSource(opts: MeasureCliOptions): SeriesSource {
  if (opts.input !== undefined && opts.doc !== undefined) throw new CliError('give either --input FILE or --doc GRAPH.json, not both', USAGE);
  if (opts.input !== undefined) return seriesFromFile(opts.input);
  if (opts.doc !== undefined) return seriesFromSimulation({ doc: opts.doc, steps: opts.steps, seed: opts.seed, probe: opts.probe });
  throw new CliError('--input FILE is required (a CSV with a header row or a JSON object of arrays), or --doc GRAPH.json --steps N --probe ID[i]', USAGE);
}

/** Reads a CSV (header row, one column per series) or JSON ({"NAME": [numbers], …}) file. */
export function seriesFromFile(file: string): SeriesSource {
  const text = readText(file);
  const trimmed = text.trimStart();
  const isJson = /\.json$/i.test(file) || (!/\.csv$/i.test(file) && trimmed.startsWith('{'));
  return isJson ? seriesFromJson(file, text) : seriesFromCsv(file, text);
}

function unknownSeries(file: string, name: string, flag: string, available: string[]): CliError {
  const list = available.length > 8 ? `${available.slice(0, 8).join(', ')}, …` : available.join(', ');
  return new CliError(`${flag} ${name}: no series named "${name}" in ${file} (available: ${list})`);
}

function seriesFromJson(file: string, text: string): SeriesSource {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--input ${file}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new CliError(`--input ${file}: expected a JSON object {"NAME": [numbers], …}`);
  }
  const obj = doc as Record<string, unknown>;
  return {
    origin: file,
    get(name, flag) {
      if (!Object.prototype.hasOwnProperty.call(obj, name)) throw unknownSeries(file, name, flag, Object.keys(obj));
      const values = obj[name];
      if (!Array.isArray(values)) throw new CliError(`${flag} ${name}: "${name}" in ${file} is not an array of numbers`);
      const out = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v: unknown = values[i];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new CliError(`${flag} ${name}: ${file} "${name}"[${i}] is not a finite number (${JSON.stringify(v)})`);
        }
        out[i] = v;
      }
      return out;
    },
  };
}

function splitCsvLine(line: string): string[] {
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

function seriesFromCsv(file: string, text: string): SeriesSource {
  const lines = text.split(/\r?\n/);
  const rows: { line: number; fields: string[] }[] = [];
  let header: string[] | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    if (header === null) {
      header = fields;
      return;
    }
    rows.push({ line: i + 1, fields });
  });
  if (header === null) throw new CliError(`--input ${file}: empty CSV (expected a header row naming the series)`);
  const names: string[] = header;
  const seen = new Set<string>();
  names.forEach((h, c) => {
    if (h === '') throw new CliError(`--input ${file}: header column ${c + 1} has no name`);
    if (seen.has(h)) throw new CliError(`--input ${file}: header names "${h}" twice`);
    seen.add(h);
  });
  for (const r of rows) {
    if (r.fields.length !== names.length) {
      throw new CliError(`--input ${file}: line ${r.line} has ${r.fields.length} fields but the header has ${names.length}`);
    }
  }
  return {
    origin: file,
    get(name, flag) {
      const c = names.indexOf(name);
      if (c < 0) throw unknownSeries(file, name, flag, names);
      const out = new Float64Array(rows.length);
      rows.forEach((r, i) => {
        const f = r.fields[c];
        const v = f === '' ? Number.NaN : Number(f);
        if (!Number.isFinite(v)) {
          throw new CliError(`${flag} ${name}: ${file} line ${r.line}: "${f}" is not a finite number`);
        }
        out[i] = v;
      });
      return out;
    },
  };
}

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

/** One human-readable line (plus one line per local value with --local). */
export function formatMeasure(out: MeasureOutput): string {
  const what = out.input.series !== undefined ? out.input.series : `${out.input.source} → ${out.input.dest}`;
  const params = Object.entries(out.params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  let line = `${out.measure} of ${what} (${out.estimator}${params ? `, ${params}` : ''}): ${out.average.toPrecision(6)} ${out.units} over ${out.samples} samples`;
  if (out.p !== undefined && out.surrogates !== undefined) {
    line += `; p = ${out.p.toPrecision(3)} from ${out.surrogates.count} surrogates (seed ${out.surrogates.seed}, surrogate mean ${out.surrogates.mean.toPrecision(3)} ± ${out.surrogates.std.toPrecision(3)})`;
  }
  let text = `${line}\n`;
  if (out.locals !== undefined) {
    const from = out.locals_valid_from ?? 0;
    text += `# local values, t<TAB>value${from > 0 ? ` (t < ${from} is padding)` : ''}\n`;
    text += out.locals.map((v, t) => `${t}\t${v}`).join('\n') + '\n';
  }
  return text;
}

export function registerMeasure(program: Command): void {
  program
    .command('measure')
    .description('entropy, mutual information, entropy rate, active information storage or transfer entropy of recorded series')
    .option('--input <FILE>', 'CSV with a header row (one column per series) or JSON {"NAME": [numbers], …}')
    .option('--doc <GRAPH>', 'or simulate this graph document and measure probed units (with --steps, --probe; --seed seeds the run and the surrogates)')
    .option('--steps <N>', 'with --doc: steps to simulate')
    .option('--probe <ID[i]>', 'with --doc: a unit to record (ID[i] or ID.VAR[i]), named by this text; repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--series <NAME>', 'the series (entropy, entropy-rate, ais)')
    .option('--source <NAME>', 'the source series (mi, te)')
    .option('--dest <NAME>', 'the destination series (mi, te)')
    .option('--measure <M>', `one of ${MEASURES.join(', ')}`)
    .option('--estimator <E>', 'discrete (plug-in, bits), gaussian (nats) or ksg (Kraskov algorithm 1, nats)')
    .option('--k <K>', 'history length of the (destination) series for ais, entropy-rate, te (default 1)')
    .option('--tau <T>', 'embedding delay of that history (default 1)')
    .option('--l <L>', 'source history length for te (default 1)')
    .option('--delay <D>', 'source-target delay for te: the newest source sample is src[t-D] (default 1)')
    .option('--lag <D>', 'source-target lag for mi: pairs src[i] with dst[i+D] (default 0)')
    .option('--base <B>', 'discrete: alphabet size, data are integers 0..B-1 (default 2, or B of --bins)')
    .option('--neighbours <K>', 'ksg: number of nearest neighbours (default 4)')
    .option('--normalise', 'ksg: normalise each embedded column to mean 0, std 1 (n-1) first; off by default here, but JIDT\'s KSG normalises by default')
    .option('--bins <B>', 'discrete: discretise each series into B equal-width bins over its range')
    .option('--threshold <V|median>', 'discrete: binarise each series, 1 where value > V (or > its median)')
    .option('--surrogates <N>', 'permutation test with N shuffles of the source (mi, ais, te); reports p')
    .option('--seed <S>', 'seed of the surrogate shuffles (default 1)')
    .option('--local', 'also output the local value of every sample (padded with zeros before the first full history)')
    .option('--json', 'print JSON: {measure, estimator, units, input, params, samples, average, locals?, p?, surrogates?}')
    .addHelpText(
      'after',
      [
        '',
        'Units: bits for --estimator discrete (log2), nats for gaussian and ksg (ln).',
        'Estimators match JIDT 1.6.1 (Lizier): discrete plug-in, Gaussian with n-1 covariance, KSG algorithm 1',
        '(max norm, strict counts, no noise). ksg entropy is Kozachenko-Leonenko; ksg entropy-rate is H_KL(next) - AIS_KSG.',
        '',
        'Examples:',
        '  recurrence measure --input run.csv --series n3 --measure ais --estimator ksg --k 2',
        '  recurrence measure --input run.json --source a --dest b --measure te --estimator discrete --threshold median --surrogates 100 --seed 7 --json',
      ].join('\n'),
    )
    .action((opts: MeasureCliOptions) => {
      const out = runMeasure(opts);
      process.stdout.write(opts.json === true ? `${JSON.stringify(out)}\n` : formatMeasure(out));
    });
}
