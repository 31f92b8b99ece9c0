/**
 * Order statistics without sorting: the k-th smallest value (Hoare's selection) and the median as
 * discrete.ts's `median` defines it, in O(n) — the live panels binarise every unit of a window at
 * its own median.
 */
import { selectKth } from '../common/select-kth.ts';
import { MeasureError } from './errors.ts';

export { selectKth };

/** Buckets of the first pass (a byte per value). */
const BUCKETS = 256;
/** Shortest series worth bucketing; shorter ones go straight to the selection. */
const MIN_BUCKETED = 64;

/**
 * Medians of finite series of up to `capacity` values, with buffers reused from series to series.
 *
 * The median of n values is the m-th smallest (0-based, m = ⌊n/2⌋) for odd n and the mean of the
 * (m−1)-th and m-th smallest for even n, as discrete.ts's `median` (which sorts). Here a first pass
 * puts each value v in bucket b(v) = ⌊(v − min) · (B − 1) / (max − min)⌋, B = 256 (b ≤ B − 1: the
 * two roundings of (max − min)·((B − 1)/(max − min)) stay below B). b is non-decreasing in v (each
 * rounded operation is), so every value of a lower bucket is smaller than every value of a higher
 * one; the bucket counts locate the buckets of the middle ranks, and only their values (a few per
 * cent of the series) go through {@link selectKth}: the same order statistics as sorting, so the
 * same number.
 */
export class MedianFinder {
  private readonly bucket: Uint8Array;
  private readonly counts = new Int32Array(BUCKETS);
  private readonly candidates: Float64Array;

  constructor(capacity: number) {
    this.bucket = new Uint8Array(capacity);
    this.candidates = new Float64Array(capacity);
  }

  /** The median of `x` (finite values, length ≤ capacity), in the units of the values. */
  median(x: Float64Array): number {
    return bucketedMedian(x, this.bucket, this.counts, this.candidates);
  }
}

function bucketedMedian(x: Float64Array, bucket: Uint8Array, counts: Int32Array, candidates: Float64Array): number {
  const n = x.length;
  if (n === 0) throw new MeasureError('median of an empty series', 'series');
  const m = n >> 1;
  const r0 = n % 2 === 1 ? m : m - 1; // the lower middle rank
  const min = minOf(x);
  const range = maxOf(x) - min;
  let below = 0;
  let count = n;
  if (n < MIN_BUCKETED || !(range > 0 && range < Infinity)) {
    candidates.set(x); // short, constant, or a range that overflows: select among all
  } else {
    bucketise(x, min, (BUCKETS - 1) / range, bucket, counts);
    let first = 0;
    while (below + counts[first] <= r0) below += counts[first++];
    let last = first;
    for (let upTo = below + counts[first]; upTo <= m; ) upTo += counts[++last];
    count = keepBuckets(x, bucket, first, last, candidates);
  }
  const a = candidates.subarray(0, count);
  const k = m - below;
  const upper = selectKth(a, k);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < k; i++) if (a[i] > lower) lower = a[i];
  return (lower + upper) / 2;
}

function minOf(x: Float64Array): number {
  let min = x[0];
  for (let i = 1; i < x.length; i++) if (x[i] < min) min = x[i];
  return min;
}

function maxOf(x: Float64Array): number {
  let max = x[0];
  for (let i = 1; i < x.length; i++) if (x[i] > max) max = x[i];
  return max;
}

/** bucket[i] = ⌊(x[i] − min) · scale⌋ and counts of each bucket. */
function bucketise(x: Float64Array, min: number, scale: number, bucket: Uint8Array, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < x.length; i++) {
    const b = ((x[i] - min) * scale) | 0; // ≥ 0, so truncation is the floor
    bucket[i] = b;
    counts[b]++;
  }
}

/**
 * Copies the values of buckets first … last into `out`, in order; returns how many. Branch-free
 * (half the values lie above the median, so a test would mispredict half the time): every value
 * is written, and the count advances only for those kept.
 */
function keepBuckets(x: Float64Array, bucket: Uint8Array, first: number, last: number, out: Float64Array): number {
  let count = 0;
  const width = last - first;
  for (let i = 0; i < x.length; i++) {
    out[count] = x[i];
    count += Number((bucket[i] - first) >>> 0 <= width);
  }
  return count;
}

/** Median as discrete.ts's `median` defines it (mean of the two middle values for even length), in O(n). */
export function fastMedian(x: Float64Array): number {
  return new MedianFinder(x.length).median(x);
}
