/**
 * The page's copy of what the live loop recorded: one ring buffer per probe holding the last
 * `capacity` steps (the probe's window), fed with each frame's new samples. Panels read these
 * windows when they draw; nothing here triggers React. `LiveData` holds the windows and tells its
 * listeners when a frame arrived (they schedule a draw for the next animation frame).
 */
import type { Frame, ProbeFrame } from '../engine/worker/protocol.ts';

/** Samples of one probe over a range of steps: `count` rows × `width`, oldest first. */
export interface ProbeSamples {
  /** Step number of the first row (1-based). */
  firstStep: number;
  count: number;
  width: number;
  data: Float64Array;
}

export class ProbeWindow {
  readonly data: Float64Array;
  /** Rows held (≤ capacity). */
  count = 0;
  /** Step number of the newest row (0: none yet). */
  lastStep = 0;
  /** Slot the next row goes into. */
  private head = 0;
  /** Bumped by every change; `snapshot` reuses its copy while it is unchanged. */
  private version = 0;
  private cached: { version: number; samples: ProbeSamples } | null = null;

  constructor(
    readonly width: number,
    readonly capacity: number,
  ) {
    this.data = new Float64Array(width * capacity);
  }

  /** Step number of the oldest row held. */
  get firstStep(): number {
    return this.lastStep - this.count + 1;
  }

  /** Appends a frame's rows, the first being step `firstStep` (a gap or an overlap starts afresh). */
  append(p: ProbeFrame, firstStep: number): void {
    if (p.count === 0) return;
    if (p.width !== this.width) throw new Error(`probe width ${p.width} does not match the window's ${this.width}`);
    if (firstStep !== this.lastStep + 1) this.clear();
    const rows = Math.min(p.count, this.capacity);
    const skip = p.count - rows;
    for (let r = 0; r < rows; r++) {
      const src = (skip + r) * this.width;
      this.data.set(p.data.subarray(src, src + this.width), this.head * this.width);
      this.head = (this.head + 1) % this.capacity;
    }
    this.count = Math.min(this.capacity, this.count + rows);
    this.lastStep = firstStep + p.count - 1;
    this.version++;
  }

  /**
   * The whole window, oldest first, shared by every reader until the window changes (panels
   * drawing in the same animation frame get one copy). Treat it as read-only.
   */
  snapshot(): ProbeSamples {
    if (this.cached?.version !== this.version) this.cached = { version: this.version, samples: this.slice() };
    return this.cached.samples;
  }

  /** Value of unit `unit` after step `step` (NaN outside the window). */
  at(step: number, unit: number): number {
    if (step < this.firstStep || step > this.lastStep || this.count === 0) return NaN;
    const slot = (this.head - (this.lastStep - step) - 1 + this.capacity) % this.capacity;
    return this.data[slot * this.width + unit];
  }

  /**
   * The row of step `step`: a view into the ring (no copy; valid until the next append), or an
   * empty array outside the window. Lets panels read only the steps they have not drawn yet.
   */
  row(step: number): Float64Array {
    if (step < this.firstStep || step > this.lastStep || this.count === 0) return this.data.subarray(0, 0);
    const slot = (this.head - (this.lastStep - step) - 1 + this.capacity) % this.capacity;
    return this.data.subarray(slot * this.width, (slot + 1) * this.width);
  }

  /** One unit's values over the window, oldest first (a copy of that column alone). */
  unitSeries(unit: number): Float64Array {
    const out = new Float64Array(this.count);
    let slot = (this.head - this.count + this.capacity) % this.capacity;
    for (let r = 0; r < this.count; r++) {
      out[r] = this.data[slot * this.width + unit];
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
    return out;
  }

  /** A copy of the rows of steps from…to (clamped to the window), oldest first. */
  slice(from = this.firstStep, to = this.lastStep): ProbeSamples {
    const a = Math.max(from, this.firstStep);
    const b = Math.min(to, this.lastStep);
    const count = Math.max(0, b - a + 1);
    const out = new Float64Array(count * this.width);
    for (let r = 0; r < count; r++) {
      const slot = (this.head - (this.lastStep - (a + r)) - 1 + this.capacity) % this.capacity;
      out.set(this.data.subarray(slot * this.width, (slot + 1) * this.width), r * this.width);
    }
    return { firstStep: count > 0 ? a : this.lastStep + 1, count, width: this.width, data: out };
  }

  clear(): void {
    this.count = 0;
    this.head = 0;
    this.lastStep = 0;
    this.version++;
  }
}

export type LiveEvent = 'frame' | 'reset' | 'structure';

/**
 * A window of values the worker derived (a PCA projection, `pca:…`), not of a probe: a colon
 * cannot occur in a probe (`ID`, `ID.VAR`, `ID[i]`). The run's export leaves them out.
 */
export const isDerivedProbe = (name: string): boolean => name.includes(':');

/** Every probe window of the live run, the current step and the measured speed. */
export class LiveData {
  readonly windows = new Map<string, ProbeWindow>();
  /** Steps taken since reset. */
  t = 0;
  /** Steps per second, smoothed over recent frames (wall clock, including drawing). */
  stepsPerSecond = 0;
  /** Counts resets, loads and live edits: panels that show weights refetch when it changes. */
  epoch = 0;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private lastFrameAt = 0;

  /** Makes sure a window exists with this width and capacity (a different one starts empty). */
  ensure(probe: string, width: number, capacity: number): ProbeWindow {
    const existing = this.windows.get(probe);
    if (existing && existing.width === width && existing.capacity === capacity) return existing;
    const w = new ProbeWindow(width, capacity);
    this.windows.set(probe, w);
    return w;
  }

  drop(probe: string): void {
    this.windows.delete(probe);
  }

  /** Adds a frame's samples to the windows and tells the listeners. */
  apply(frame: Frame, now = performance.now()): void {
    for (const [probe, p] of Object.entries(frame.probes)) {
      const w = this.windows.get(probe) ?? this.ensure(probe, p.width, Math.max(1, p.count));
      if (w.width !== p.width) continue;
      w.append(p, p.firstStep ?? frame.firstStep);
    }
    const steps = frame.t - this.t;
    if (this.lastFrameAt > 0 && now > this.lastFrameAt) {
      const rate = (steps * 1000) / (now - this.lastFrameAt);
      this.stepsPerSecond = this.stepsPerSecond === 0 ? rate : 0.8 * this.stepsPerSecond + 0.2 * rate;
    }
    this.lastFrameAt = now;
    this.t = frame.t;
    this.emit('frame');
  }

  /** The loop stopped: the next frame starts a new speed measurement. */
  idle(): void {
    this.lastFrameAt = 0;
  }

  /** Back to step 0 (same probes, empty windows). */
  reset(t = 0): void {
    for (const w of this.windows.values()) w.clear();
    this.t = t;
    this.stepsPerSecond = 0;
    this.lastFrameAt = 0;
    this.epoch++;
    this.emit('reset');
  }

  /** The network changed under the windows (live edit, recompile): weights and spectra are stale. */
  touch(): void {
    this.epoch++;
    this.emit('structure');
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: LiveEvent): void {
    for (const l of this.listeners) l(event);
  }
}
