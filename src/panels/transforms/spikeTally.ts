/**
 * Spike counts and inter-spike intervals of a population accumulated since the last reset, step
 * by step as rows arrive in its live window: a firing-rate or ISI histogram of a population too
 * wide for a long window (10,000 neurons keep 20 ms in the 2 M-sample budget) still covers the
 * whole run. Each `sync` reads only the steps that arrived since the last one.
 *
 * Steps that left the window before they were read (a gap) are not counted: rates divide by the
 * time actually read, and intervals spanning a gap are dropped (a spike in the gap is unknown).
 * Rates: spikes ÷ (steps read · dt) × 1000, in Hz when dt is in ms. Intervals: whole steps × dt (ms).
 */
import type { ProbeWindow } from '../../store/probeWindow.ts';

/** Intervals up to this many steps are counted in a dense table; longer ones in a map. */
const DENSE_INTERVALS = 1 << 16;

export class SpikeTally {
  private counts = new Float64Array(0);
  private lastSpike = new Float64Array(0);
  private dense = new Float64Array(0);
  private sparse = new Map<number, number>();
  private intervals = 0;
  private stepsRead = 0;
  private last = 0;
  private source: ProbeWindow | null = null;
  private epoch = -1;

  /** Reads the window's steps not read yet; another window, a reset (`epoch`) or a rewind starts afresh. */
  sync(w: ProbeWindow, epoch: number): void {
    if (w !== this.source || epoch !== this.epoch || w.lastStep < this.last || w.width !== this.counts.length) this.restart(w, epoch);
    if (w.firstStep > this.last + 1) {
      // a gap: the steps between were never read
      this.lastSpike.fill(-1);
      this.last = w.firstStep - 1;
    }
    const width = w.width;
    for (let step = this.last + 1; step <= w.lastStep; step++) {
      const row = w.row(step);
      for (let i = 0; i < width; i++) {
        if (row[i] === 0 || row[i] - row[i] !== 0) continue;
        this.counts[i]++;
        if (this.lastSpike[i] >= 0) this.addInterval(step - this.lastSpike[i]);
        this.lastSpike[i] = step;
      }
      this.stepsRead++;
    }
    this.last = Math.max(this.last, w.lastStep);
  }

  /** Simulated time read so far, in the units of `dt`. */
  duration(dt: number): number {
    return this.stepsRead * dt;
  }

  /** Each unit's firing rate over the steps read (Hz when dt is in ms). */
  rates(dtMs: number): Float64Array {
    const seconds = (this.stepsRead * dtMs) / 1000;
    return this.counts.map((c) => (seconds > 0 ? c / seconds : 0));
  }

  /** The distinct intervals (ms) and how many times each occurred. */
  intervalCounts(dtMs: number): { values: Float64Array; weights: Float64Array; total: number } {
    const values: number[] = [];
    const weights: number[] = [];
    for (let k = 1; k < this.dense.length; k++) {
      if (this.dense[k] === 0) continue;
      values.push(k * dtMs);
      weights.push(this.dense[k]);
    }
    for (const [k, n] of [...this.sparse].sort((a, b) => a[0] - b[0])) {
      values.push(k * dtMs);
      weights.push(n);
    }
    return { values: Float64Array.from(values), weights: Float64Array.from(weights), total: this.intervals };
  }

  private addInterval(k: number): void {
    this.intervals++;
    if (k < DENSE_INTERVALS) {
      if (k >= this.dense.length) {
        const grown = new Float64Array(Math.min(DENSE_INTERVALS, Math.max(64, 2 ** Math.ceil(Math.log2(k + 1)))));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[k]++;
    } else this.sparse.set(k, (this.sparse.get(k) ?? 0) + 1);
  }

  private restart(w: ProbeWindow, epoch: number): void {
    this.source = w;
    this.epoch = epoch;
    this.counts = new Float64Array(w.width);
    this.lastSpike = new Float64Array(w.width).fill(-1);
    this.dense = new Float64Array(0);
    this.sparse.clear();
    this.intervals = 0;
    this.stepsRead = 0;
    this.last = w.firstStep - 1;
  }
}
