/** Histograms (pure functions, no DOM). */

export interface Bin {
  /** Lower and upper edge; a value v falls in the bin with x0 ≤ v < x1 (the last bin includes x1). */
  x0: number;
  x1: number;
  count: number;
  /** count / (total · width): the histogram as a probability density (integrates to 1). */
  density: number;
}

export interface HistogramOptions {
  bins?: number;
  /** Range of the bins (default: the values' finite min and max). */
  domain?: [number, number];
  /** How many times each value occurred (default: once each). */
  weights?: ArrayLike<number>;
}

/**
 * Equal-width histogram of the finite values (each counted `weights[k]` times when given). Values outside `domain` are not counted, except
 * that the last bin is closed on the right. An empty or flat set gets a unit-wide domain.
 */
export function histogram(values: ArrayLike<number>, opts: HistogramOptions = {}): Bin[] {
  const n = Math.max(1, Math.floor(opts.bins ?? 30));
  let [lo, hi] = opts.domain ?? [Infinity, -Infinity];
  if (!opts.domain) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!(lo <= hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / n;
  const counts = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v) || v < lo || v > hi) continue;
    const times = opts.weights ? opts.weights[k] : 1;
    counts[Math.min(n - 1, Math.floor((v - lo) / width))] += times;
    total += times;
  }
  return Array.from(counts, (count, i) => ({
    x0: lo + i * width,
    x1: i === n - 1 ? hi : lo + (i + 1) * width,
    count,
    density: total > 0 ? count / (total * width) : 0,
  }));
}
