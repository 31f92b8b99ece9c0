/**
 * Permutation (surrogate) significance tests with a seeded RNG (mulberry32), as JIDT's
 * computeSignificance: the rows of the source block X are shuffled relative to the target (and
 * the target's past, for TE), which destroys the X–Y relation while keeping both marginals and
 * the target's own dynamics; the measure is recomputed on each surrogate.
 *
 * For TE this tests H0: T(Y→X) = 0 (Schreiber 2000; Lizier 2014, JIDT paper §3.3; Vicente et al.
 * 2011); for AIS and MI, H0: I = 0.
 */
import { MeasureError } from './errors.ts';
import { mulberry32, shuffleInPlace } from './random.ts';
import type { PreparedMeasure, Units } from './types.ts';

/** Outcome of a permutation test. */
export interface SignificanceResult {
  /** The measure on the real data, in `units`. */
  readonly observed: number;
  /** The measure on each surrogate, in generation order. */
  readonly surrogates: Float64Array;
  /**
   * p = (1 + #{surrogates ≥ observed}) / (1 + n) — the permutation p-value that counts the observed
   * data as one of the permutations, so it is never 0 (Phipson & Smyth 2010). JIDT reports
   * #{surrogates ≥ observed} / n instead.
   */
  readonly p: number;
  /** Mean and sample standard deviation (n − 1) of the surrogate distribution. */
  readonly mean: number;
  readonly std: number;
  readonly seed: number;
  readonly units: Units;
}

/**
 * Runs `count` surrogates of `prepared` with permutations drawn from mulberry32(seed) by
 * Fisher–Yates, and compares them with `observed`.
 */
export function permutationTest(prepared: PreparedMeasure, observed: number, count: number, seed: number): SignificanceResult {
  if (!Number.isInteger(count) || count < 1) throw new MeasureError(`surrogates must be an integer ≥ 1 (got ${count})`, 'surrogates');
  if (!Number.isFinite(seed)) throw new MeasureError(`seed must be a finite number (got ${seed})`, 'seed');
  const next = mulberry32(seed);
  const perm = new Int32Array(prepared.rows);
  const values = new Float64Array(count);
  let atLeast = 0;
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < perm.length; i++) perm[i] = i;
    shuffleInPlace(perm, next);
    const v = prepared.surrogate(perm);
    values[s] = v;
    if (v >= observed) atLeast++;
  }
  let mean = 0;
  for (const v of values) mean += v;
  mean /= count;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const std = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
  return { observed, surrogates: values, p: (1 + atLeast) / (1 + count), mean, std, seed, units: prepared.units };
}
