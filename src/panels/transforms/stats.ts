/** Summaries of a population's samples over time (pure functions, no DOM). */
import type { ProbeSamples } from '../../store/probeWindow.ts';

export interface MeanSd {
  mean: Float64Array;
  sd: Float64Array;
}

/**
 * Mean and standard deviation over units at each step: for row t of `count` × `width` samples,
 * m_t = (1/N) Σ_i x_ti and s_t = √((1/N) Σ_i (x_ti − m_t)²) (population sd, N = width).
 * Non-finite values are left out of their step's statistics.
 */
export function meanSdOverUnits(s: Pick<ProbeSamples, 'count' | 'width' | 'data'>): MeanSd {
  const mean = new Float64Array(s.count);
  const sd = new Float64Array(s.count);
  for (let t = 0; t < s.count; t++) {
    let n = 0;
    let sum = 0;
    let sq = 0;
    const base = t * s.width;
    for (let i = 0; i < s.width; i++) {
      const v = s.data[base + i];
      if (!Number.isFinite(v)) continue;
      n++;
      sum += v;
    }
    const m = n > 0 ? sum / n : NaN;
    for (let i = 0; i < s.width; i++) {
      const v = s.data[base + i];
      if (Number.isFinite(v)) sq += (v - m) * (v - m);
    }
    mean[t] = m;
    sd[t] = n > 0 ? Math.sqrt(sq / n) : NaN;
  }
  return { mean, sd };
}

/** One unit's values over time from row-major samples. */
export function unitSeries(s: Pick<ProbeSamples, 'count' | 'width' | 'data'>, unit: number): Float64Array {
  const out = new Float64Array(s.count);
  for (let t = 0; t < s.count; t++) out[t] = s.data[t * s.width + unit];
  return out;
}

/** [min, max] of the finite values; a flat or empty set gets a band around it. */
export function finiteExtent(...arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let k = 0; k < a.length; k++) {
      const v = a[k];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}
