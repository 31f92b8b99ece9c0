/**
 * Whether splitting a product between two threads pays, measured as it runs (on a busy machine a
 * helper that is not scheduled in time makes a split product slower). Results are identical
 * either way, so the choice never changes a trace.
 *
 * The first PROBE calls alternate; then the mode with the smaller median time over its last
 * WINDOW calls is used, and every REPROBE calls a burst of BURST calls tries the other one. A
 * median, not a mean: single calls are sometimes an order of magnitude slower (the helper
 * waking from Atomics.wait after a burst of one-thread calls, the OS preempting a thread), and
 * one such call must not switch splitting off for good.
 */
export class SplitStats {
  static readonly PROBE = 8;
  static readonly REPROBE = 128;
  static readonly BURST = 4;
  static readonly WINDOW = 7;
  calls = 0;
  splitCalls = 0;
  private readonly times = [new Float64Array(SplitStats.WINDOW).fill(NaN), new Float64Array(SplitStats.WINDOW).fill(NaN)];
  private readonly written = [0, 0];
  private readonly medians = [NaN, NaN];

  /** Median milliseconds per call of the last WINDOW calls on one thread / split (NaN before any). */
  get one(): number {
    return this.medians[0];
  }
  get two(): number {
    return this.medians[1];
  }

  next(): boolean {
    const c = ++this.calls;
    let split: boolean;
    if (c <= SplitStats.PROBE) split = c % 2 === 0;
    else {
      const preferTwo = this.medians[1] < this.medians[0];
      split = c % SplitStats.REPROBE < SplitStats.BURST ? !preferTwo : preferTwo;
    }
    if (split) this.splitCalls++;
    return split;
  }

  record(split: boolean, ms: number): void {
    const m = split ? 1 : 0;
    const t = this.times[m];
    t[this.written[m]++ % t.length] = ms;
    this.medians[m] = median(t);
  }
}

/** The median of the non-NaN values (NaN when there are none). */
function median(values: Float64Array): number {
  const v = Array.from(values).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}
