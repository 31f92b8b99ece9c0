/**
 * One entry point for every measure × estimator, used by the CLI and (later) the worker:
 * {@link computeMeasure} and {@link measureSignificance} take a {@link MeasureSpec} naming the
 * measure, the estimator and its parameters.
 *
 * | measure        | quantity on the embedding                  | discrete | gaussian | ksg                    |
 * |----------------|--------------------------------------------|----------|----------|------------------------|
 * | `entropy`      | H(X)                                       | plug-in  | closed   | Kozachenko–Leonenko    |
 * | `mi`           | I(src[i]; dst[i + lag])                    | plug-in  | closed   | KSG 1                  |
 * | `entropy-rate` | H(X_t │ X⁽ᵏ⁾_{t−1})                          | plug-in  | closed   | H_KL(X_t) − A_KSG      |
 * | `ais`          | I(X⁽ᵏ⁾_{t−1}; X_t)                           | plug-in  | closed   | KSG 1                  |
 * | `te`           | I(Y⁽ˡ⁾_{t−d}; X_t │ X⁽ᵏ⁾_{t−1})                | plug-in  | closed   | conditional KSG 1      |
 */
import { unitsOf } from '../common/estimator-units.ts';
import { checkDiscrete, prepareDiscrete } from './discrete.ts';
import { aisSpec, checkFinite, checkSameLength, entropySpec, miSpec, teSpec, type EmbeddingSpec } from './embedding.ts';
import { MeasureError } from './errors.ts';
import { prepareGaussian } from './gaussian.ts';
import { prepareKsg, type NeighbourSearch } from './ksg.ts';
import { permutationTest, type SignificanceResult } from './surrogates.ts';
import type { MeasureResult, PreparedMeasure, Quantity } from './types.ts';

export const MEASURES = ['entropy', 'mi', 'entropy-rate', 'ais', 'te'] as const;
export const ESTIMATORS = ['discrete', 'gaussian', 'ksg'] as const;
export type MeasureName = (typeof MEASURES)[number];
export type EstimatorName = (typeof ESTIMATORS)[number];

/** Which measure, which estimator and its parameters. Unused parameters are ignored. */
export interface MeasureSpec {
  readonly measure: MeasureName;
  readonly estimator: EstimatorName;
  /** History length of the (target) series for ais, entropy-rate and te (default 1). */
  readonly k?: number;
  /** Embedding delay τ of that history (default 1). */
  readonly tau?: number;
  /** Source history length for te (default 1). */
  readonly l?: number;
  /** Embedding delay of the source history for te (default 1). */
  readonly lTau?: number;
  /** Source–target delay for te (default 1). */
  readonly delay?: number;
  /** Source–target lag for mi (default 0). */
  readonly lag?: number;
  /** Alphabet size for the discrete estimator (default 2). */
  readonly base?: number;
  /** K nearest neighbours for ksg (default 4). */
  readonly neighbours?: number;
  /** Normalise embedded columns for ksg (default false). */
  readonly normalise?: boolean;
  /** Neighbour search for ksg (default 'tree'). */
  readonly search?: NeighbourSearch;
}

/** The data: `series` for entropy, entropy-rate and ais; `source` and `dest` for mi and te. */
export interface MeasureInput {
  readonly series?: ArrayLike<number>;
  readonly source?: ArrayLike<number>;
  readonly dest?: ArrayLike<number>;
}

/** Whether a measure takes a source and a destination (mi, te) rather than one series. */
export function isPairMeasure(measure: MeasureName): boolean {
  return measure === 'mi' || measure === 'te';
}

export { unitsOf };

function need(input: MeasureInput, key: keyof MeasureInput): ArrayLike<number> {
  const v = input[key];
  if (v === undefined) throw new MeasureError(`this measure needs the ${key} series`, key);
  return v;
}

/**
 * The embedding of a measure on series of length `n` (at least `minRows` embedded rows) and the
 * quantity an estimator computes on it (see the table above).
 * @throws MeasureError for parameters that do not fit (e.g. a history longer than the series).
 */
export function embeddingFor(spec: MeasureSpec, n: number, minRows: number): { emb: EmbeddingSpec; quantity: Quantity } {
  switch (spec.measure) {
    case 'entropy':
      return { emb: entropySpec(n), quantity: 'entropy' };
    case 'mi':
      return { emb: miSpec(n, spec.lag ?? 0, minRows), quantity: 'mi' };
    case 'entropy-rate':
      return { emb: aisSpec(n, spec.k ?? 1, spec.tau ?? 1, minRows), quantity: 'conditional-entropy' };
    case 'ais':
      return { emb: aisSpec(n, spec.k ?? 1, spec.tau ?? 1, minRows), quantity: 'mi' };
    case 'te':
      return { emb: teSpec(n, spec.k ?? 1, spec.tau ?? 1, spec.l ?? 1, spec.lTau ?? 1, spec.delay ?? 1, minRows), quantity: 'mi' };
    default:
      throw new MeasureError(`unknown measure '${spec.measure as string}'`, 'measure');
  }
}

/** Validates the input and binds the estimator; the common step of compute and significance. */
export function prepareMeasure(spec: MeasureSpec, input: MeasureInput): PreparedMeasure {
  if (!(MEASURES as readonly string[]).includes(spec.measure)) throw new MeasureError(`unknown measure '${spec.measure}'`, 'measure');
  if (!(ESTIMATORS as readonly string[]).includes(spec.estimator)) throw new MeasureError(`unknown estimator '${spec.estimator}'`, 'estimator');
  let series: ArrayLike<number>[];
  let names: string[];
  if (isPairMeasure(spec.measure)) {
    series = [need(input, 'source'), need(input, 'dest')];
    names = ['source', 'dest'];
    checkSameLength(series[0], series[1]);
  } else {
    series = [need(input, 'series')];
    names = ['series'];
  }
  series.forEach((s, i) => checkFinite(s, names[i]));
  const base = spec.base ?? 2;
  if (spec.estimator === 'discrete') series.forEach((s, i) => checkDiscrete(s, base, names[i]));
  const minRows = spec.estimator === 'gaussian' ? 2 : spec.estimator === 'ksg' ? (spec.neighbours ?? 4) + 1 : 1;
  const { emb, quantity } = embeddingFor(spec, series[0].length, minRows);
  switch (spec.estimator) {
    case 'discrete':
      return prepareDiscrete(quantity, emb, series, base);
    case 'gaussian':
      return prepareGaussian(quantity, emb, series);
    case 'ksg':
      return prepareKsg(quantity, emb, series, { neighbours: spec.neighbours, normalise: spec.normalise, search: spec.search });
  }
}

/** Computes the measure named by `spec` on `input` (average, and locals unless `locals: false`). */
export function computeMeasure(spec: MeasureSpec, input: MeasureInput, opts: { readonly locals?: boolean } = {}): MeasureResult {
  return prepareMeasure(spec, input).compute(opts.locals ?? true);
}

/**
 * Computes the measure and a permutation test of it against `surrogates` shuffles of the source
 * block drawn from mulberry32(seed) (see surrogates.ts). Only mi, ais and te have a null
 * hypothesis of zero; entropy and entropy rate throw.
 */
export function measureSignificance(
  spec: MeasureSpec,
  input: MeasureInput,
  opts: { readonly surrogates: number; readonly seed: number; readonly locals?: boolean },
): { result: MeasureResult; significance: SignificanceResult } {
  if (spec.measure === 'entropy' || spec.measure === 'entropy-rate') {
    throw new MeasureError(`surrogate tests apply to mi, ais and te, not ${spec.measure}`, 'surrogates');
  }
  const prepared = prepareMeasure(spec, input);
  const result = prepared.compute(opts.locals ?? true);
  return { result, significance: permutationTest(prepared, result.average, opts.surrogates, opts.seed) };
}
