/**
 * Poisson(λ) counts by table inversion on 32-bit words, for many independent counts per step
 * (Brunel 2000's external drive: one count per neuron and step).
 *
 * Inversion (Devroye 1986, "Non-Uniform Random Variate Generation", §III.2): the count is the
 * first k whose cumulative probability F(k) = Σ_{j ≤ k} e^(−λ)·λ^j / j! exceeds the uniform draw.
 * Here the draw is a 32-bit word x (one xoshiro128** output) and F is tabulated once as integer
 * thresholds T[k] = round(F(k)·2³²), so k = min{k : x < T[k]}; P(count = k) = (T[k] − T[k−1]) / 2³²
 * differs from the Poisson pmf by less than 2⁻³² for every k. A guide table (Chen & Asau 1974;
 * Devroye §III.2.4) of 256 entries, indexed by the word's top 8 bits, starts the search at the first
 * k that can hold it, so a count costs about one comparison whatever λ.
 */
import { exp } from './math/detmath.ts';

const TWO32 = 4294967296;
/** Guide-table entries: one per value of the word's top 8 bits. */
const GUIDE = 256;

export interface PoissonTable {
  /** λ: the expected count. */
  readonly mean: number;
  /** T[k] = round(F(k)·2³²), nondecreasing; the last entry is 2³² (every word is below it). */
  readonly thresholds: Float64Array;
  /** guide[b] = the first k with T[k] > b·2²⁴ (no word with top bits b maps below it). */
  readonly guide: Int32Array;
}

/** The inversion table of Poisson(λ), λ ≥ 0 (the schema bounds λ by 100). */
export function poissonTable(mean: number): PoissonTable {
  const thresholds: number[] = [];
  let p = exp(-mean);
  let cdf = p;
  // F(k) approaches 1 within 2⁻³³ well before λ + 20√λ + 30 (Poisson tails fall faster than Gaussian ones)
  const last = Math.ceil(mean + 20 * Math.sqrt(mean) + 30);
  for (let k = 0; k < last; k++) {
    const t = Math.round(cdf * TWO32);
    if (t >= TWO32) break;
    thresholds.push(t);
    p *= mean / (k + 1);
    cdf += p;
  }
  thresholds.push(TWO32);
  const guide = new Int32Array(GUIDE);
  for (let b = 0, k = 0; b < GUIDE; b++) {
    while (thresholds[k] <= b * (TWO32 / GUIDE)) k++;
    guide[b] = k;
  }
  return { mean, thresholds: Float64Array.from(thresholds), guide };
}

/** The count of one 32-bit word x (0 ≤ x < 2³²): the first k with x < T[k]. */
export function poissonCount(table: PoissonTable, x: number): number {
  const t = table.thresholds;
  let k = table.guide[x >>> 24];
  while (x >= t[k]) k++;
  return k;
}

/** out[i] = the count of words[i], for every i < out.length. */
export function poissonCounts(table: PoissonTable, words: Uint32Array, out: Float64Array): void {
  const t = table.thresholds;
  const guide = table.guide;
  for (let i = 0; i < out.length; i++) {
    const x = words[i];
    let k = guide[x >>> 24];
    while (x >= t[k]) k++;
    out[i] = k;
  }
}
