/**
 * Per-step values derived from a probe window (a trace's mean and sd, a raster's event count),
 * computed once per step: each draw computes only the steps that arrived since the last one, so
 * a panel's cost per frame follows the new steps, not the window (a 1,000-unit window of 1,000
 * steps is a million values). A reset, a gap or another window starts afresh.
 */
import type { ProbeWindow } from '../../store/probeWindow.ts';

/** Fills `out` (one slot per field) from the step's row and the previous row (null at the window's start). */
export type StepFn = (row: Float64Array, prev: Float64Array | null, out: Float64Array) => void;

export class StepCache {
  private ring = new Float64Array(0);
  private capacity = 0;
  private last = 0;
  private first = 1;
  private source: ProbeWindow | null = null;
  private epoch = -1;

  constructor(
    private readonly fields: number,
    private readonly compute: StepFn,
  ) {}

  /** Brings the cache up to the window's last step; `epoch` changes (reset, edit) recompute all. */
  sync(w: ProbeWindow, epoch: number): void {
    if (w !== this.source || w.capacity !== this.capacity || epoch !== this.epoch || w.lastStep < this.last || w.firstStep > this.last + 1) {
      this.source = w;
      this.epoch = epoch;
      this.capacity = w.capacity;
      this.ring = new Float64Array(w.capacity * this.fields);
      this.last = w.firstStep - 1;
    }
    const out = new Float64Array(this.fields);
    for (let step = this.last + 1; step <= w.lastStep; step++) {
      this.compute(w.row(step), step > w.firstStep ? w.row(step - 1) : null, out);
      this.ring.set(out, (step % this.capacity) * this.fields);
    }
    this.last = w.lastStep;
    this.first = w.firstStep;
  }

  /** Field k for every step of the window, oldest first. */
  series(k: number): Float64Array {
    const n = Math.max(0, this.last - this.first + 1);
    const out = new Float64Array(n);
    for (let t = 0; t < n; t++) out[t] = this.ring[((this.first + t) % this.capacity) * this.fields + k];
    return out;
  }

  /** Sum of field k over the window. */
  total(k: number): number {
    let sum = 0;
    for (let step = this.first; step <= this.last; step++) sum += this.ring[(step % this.capacity) * this.fields + k];
    return sum;
  }
}
