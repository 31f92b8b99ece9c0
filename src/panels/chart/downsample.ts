/**
 * Downsampling of long series to the screen's resolution (pure): per pixel column (or bucket of
 * indices) keep the first, lowest, highest and last point ("M4"), so a line drawn from the kept
 * points covers exactly the pixels the full line would, with at most 4 points per column.
 */

/** Points in pixel coordinates (x ascending) reduced to ≤ 4 per whole-pixel column of x. */
export function m4Pixels(points: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let k = 0;
  while (k < points.length) {
    const column = Math.floor(points[k][0]);
    let lo = k;
    let hi = k;
    let end = k;
    while (end + 1 < points.length && Math.floor(points[end + 1][0]) === column) {
      end++;
      if (points[end][1] < points[lo][1]) lo = end;
      if (points[end][1] > points[hi][1]) hi = end;
    }
    for (const i of [...new Set([k, lo, hi, end])].sort((a, b) => a - b)) out.push(points[i]);
    k = end + 1;
  }
  return out;
}

/**
 * Indices 0…n−1 reduced to ≤ 4 per bucket (`buckets` equal runs of indices): the first, the one
 * with the lowest `low(t)`, the one with the highest `high(t)`, the last. All indices when n ≤ 4 × buckets.
 */
export function m4Indices(n: number, buckets: number, low: (t: number) => number, high: (t: number) => number): number[] {
  if (n <= 4 * Math.max(1, buckets)) return Array.from({ length: n }, (_, t) => t);
  const out: number[] = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const first = Math.floor(b * size);
    const last = Math.min(n, Math.floor((b + 1) * size)) - 1;
    if (last < first) continue;
    let lo = first;
    let hi = first;
    for (let t = first + 1; t <= last; t++) {
      if (low(t) < low(lo)) lo = t;
      if (high(t) > high(hi)) hi = t;
    }
    for (const i of [...new Set([first, lo, hi, last])].sort((a, c) => a - c)) out.push(i);
  }
  return out;
}
