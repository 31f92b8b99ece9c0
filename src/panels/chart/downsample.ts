/**
 * Downsampling of long series to the screen's resolution (pure): per pixel column (or bucket of
 * indices) keep the first, lowest, highest and last point ("M4"), so a line drawn from the kept
 * points covers exactly the pixels the full line would, with at most 4 points per column.
 */

/**
 * Points in pixel coordinates, flat [x0, y0, x1, y1, …] with x ascending, reduced to ≤ 4 per
 * whole-pixel column of x (the first, lowest, highest and last of the column, in order).
 */
export function m4Pixels(xy: Float64Array): Float64Array {
  const n = xy.length >> 1;
  const out = new Float64Array(Math.min(xy.length, 8 * Math.max(1, n)));
  let m = 0;
  const keep = (i: number) => {
    out[m++] = xy[2 * i];
    out[m++] = xy[2 * i + 1];
  };
  let k = 0;
  while (k < n) {
    const column = Math.floor(xy[2 * k]);
    let lo = k;
    let hi = k;
    let end = k;
    while (end + 1 < n && Math.floor(xy[2 * (end + 1)]) === column) {
      end++;
      if (xy[2 * end + 1] < xy[2 * lo + 1]) lo = end;
      if (xy[2 * end + 1] > xy[2 * hi + 1]) hi = end;
    }
    // k ≤ a ≤ b ≤ end: each kept once, in order
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    keep(k);
    if (a > k) keep(a);
    if (b > a && b > k) keep(b);
    if (end > b) keep(end);
    k = end + 1;
  }
  return out.subarray(0, m);
}

/**
 * The polyline of values `v` (index i at pixel (px(i), py(v[i])); non-finite values are left
 * out, the line joining their neighbours), reduced by m4Pixels: flat [x0, y0, …].
 */
export function polylinePixels(v: ArrayLike<number>, px: (i: number) => number, py: (value: number) => number): Float64Array {
  const xy = new Float64Array(2 * v.length);
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) continue;
    xy[m++] = px(i);
    xy[m++] = py(v[i]);
  }
  return m4Pixels(xy.subarray(0, m));
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
