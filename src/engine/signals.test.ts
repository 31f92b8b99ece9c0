import { describe, expect, it } from 'vitest';
import { makeSignal, poissonCount } from './signals.ts';
import { Rng } from './rng.ts';
import { exp } from './math/detmath.ts';

/** Poisson pmf e^(−λ)λ^k/k!, computed by the recurrence P(k) = P(k−1)·λ/k. */
function pmf(lambda: number, k: number): number {
  let p = Math.exp(-lambda);
  for (let j = 1; j <= k; j++) p *= lambda / j;
  return p;
}

describe('Poisson counts (input signal {"type": "poisson", "mean"})', () => {
  it('inversion gives the count whose CDF first exceeds u', () => {
    const l = 2;
    const p0 = exp(-l);
    expect(poissonCount(0, l, p0)).toBe(0);
    expect(poissonCount(p0 * 0.999, l, p0)).toBe(0);
    expect(poissonCount(p0 * 1.001, l, p0)).toBe(1); // P(0) = 0.1353 < u < P(0) + P(1) = 0.406
    expect(poissonCount(0.5, l, p0)).toBe(2); // 0.406 < 0.5 < 0.677
    expect(poissonCount(0.99, l, p0)).toBe(6); // P(≤5) = 0.9834, P(≤6) = 0.9955
    expect(poissonCount(1 - 2 ** -53, 0, 1)).toBe(0); // the largest u below 1, λ = 0
  });

  it('400,000 draws at λ = 2 (Brunel’s drive): mean and variance 2, frequencies within 4 s.e. of the pmf (χ² small)', () => {
    const fn = makeSignal({ type: 'poisson', mean: 2 });
    const out = new Float64Array(1000);
    const rng = new Rng(5, 'poisson');
    const counts = new Array<number>(20).fill(0);
    let sum = 0;
    let sq = 0;
    const draws = 400_000;
    for (let t = 0; t < draws / out.length; t++) {
      fn(t, out, rng);
      for (const k of out) {
        expect(Number.isInteger(k)).toBe(true);
        counts[Math.min(k, 19)]++;
        sum += k;
        sq += k * k;
      }
    }
    const mean = sum / draws;
    const variance = sq / draws - mean * mean;
    expect(Math.abs(mean - 2)).toBeLessThan(4 * Math.sqrt(2 / draws));
    expect(Math.abs(variance - 2)).toBeLessThan(0.03);
    let chi2 = 0;
    for (let k = 0; k <= 9; k++) {
      const expected = draws * pmf(2, k);
      chi2 += (counts[k] - expected) ** 2 / expected;
      expect(Math.abs(counts[k] - expected), `k = ${k}`).toBeLessThan(4 * Math.sqrt(expected) + 1);
    }
    expect(chi2).toBeLessThan(30); // 10 bins: the 99.9 % point of χ²(9) is 27.9
  });
});
