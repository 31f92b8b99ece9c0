/** Summaries of a population's samples over time (pure functions, no DOM). */

/**
 * Mean and standard deviation over the units of one step: of the `width` values of `data` from
 * `base`, m = (1/N) Σ_i x_i and s = √((1/N) Σ_i (x_i − m)²) (population sd) into out[0] and
 * out[1]. Non-finite values are left out (N counts the finite ones; NaN when there is none).
 * Allocates nothing: panels call it for every step.
 */
export function rowMeanSd(data: ArrayLike<number>, base: number, width: number, out: Float64Array): void {
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < width; i++) {
    const v = data[base + i];
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
  }
  const m = n > 0 ? sum / n : NaN;
  for (let i = 0; i < width; i++) {
    const v = data[base + i];
    if (Number.isFinite(v)) sq += (v - m) * (v - m);
  }
  out[0] = m;
  out[1] = n > 0 ? Math.sqrt(sq / n) : NaN;
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
