/**
 * The session's side of the information measures: windows it keeps of the probes to measure
 * (persistent ring buffers fed every step, across `advance` batches), and measure requests
 * answered from them with measures/windowed.ts. Pure (no DOM, no worker globals): the worker,
 * the in-page fallback and Node tests run this code.
 */
import { isPairMeasure, MeasureError, windowedMeasure, type WindowSamples } from '../../measures/index.ts';
import type { Simulator } from '../simulator.ts';
import { parseProbe, Recorder } from '../probes.ts';
import { takeProbes } from './probe-requests.ts';
import type { MeasureReply, MeasureRequest, SubscribeResult, Subscription } from './protocol.ts';

interface Kept {
  probe: string;
  window: number;
  recorder: Recorder;
}

/** Copies the newest rows of `from` into the empty recorder `to` (same width): history survives a new window or program. */
function refill(from: Recorder, to: Recorder): void {
  if (from.width !== to.width) return;
  const rows = Math.min(from.count, from.capacity, to.capacity);
  for (let k = from.count - rows; k < from.count; k++) {
    const slot = (k % from.capacity) * from.width;
    to.data.set(from.data.subarray(slot, slot + from.width), (to.count % to.capacity) * to.width);
    to.count++;
  }
}

/**
 * The last `steps` rows of a recorder, oldest first: a view when they lie in one piece of the
 * ring (nothing records while a measure runs in this thread), else a copy.
 */
function lastRows(r: Recorder, steps: number): WindowSamples {
  const n = Math.min(steps, r.count, r.capacity);
  const first = (r.count - n) % r.capacity;
  if (first + n <= r.capacity) return { steps: n, width: r.width, data: r.data.subarray(first * r.width, (first + n) * r.width) };
  const data = new Float64Array(n * r.width);
  for (let i = 0; i < n; i++) {
    const slot = ((r.count - n + i) % r.capacity) * r.width;
    data.set(r.data.subarray(slot, slot + r.width), i * r.width);
  }
  return { steps: n, width: r.width, data };
}

/** Probe windows kept for measures. */
export class RetainedWindows {
  private kept: Kept[] = [];

  /** Keeps these probes (each with its window), reusing what is recorded already. */
  set(sim: Simulator, subscriptions: readonly Subscription[]): SubscribeResult {
    const { kept, result } = takeProbes(
      subscriptions,
      (s) => s.probe,
      (s) => {
        const window = Math.max(1, Math.floor(s.window));
        const old = this.kept.find((k) => k.probe === s.probe);
        if (old?.window === window) return old;
        const recorder = new Recorder(sim, parseProbe(s.probe), window);
        if (old) refill(old.recorder, recorder);
        return { probe: s.probe, window, recorder };
      },
    );
    this.kept = kept;
    return result;
  }

  /** The network was recompiled: record the same probes from the new program, keeping their history. */
  rebind(sim: Simulator): void {
    const probes = this.kept.map(({ probe, window }) => ({ probe, window }));
    const old = this.kept;
    this.kept = [];
    this.set(sim, probes);
    for (const k of this.kept) {
      const before = old.find((o) => o.probe === k.probe);
      if (before) refill(before.recorder, k.recorder);
    }
  }

  /** Records the current step into every window (after `sim.step()`). */
  record(): void {
    for (const k of this.kept) k.recorder.record();
  }

  clear(): void {
    for (const k of this.kept) k.recorder.clear();
  }

  /** The last `steps` steps of a probe (null: not retained). */
  window(probe: string, steps: number): WindowSamples | null {
    const k = this.kept.find((x) => x.probe === probe);
    return k ? lastRows(k.recorder, steps) : null;
  }

  get size(): number {
    return this.kept.length;
  }
}

/** The last `n` rows of a window. */
function tail(w: WindowSamples, n: number): WindowSamples {
  return n === w.steps ? w : { steps: n, width: w.width, data: w.data.subarray((w.steps - n) * w.width) };
}

/** The windows a measure request reads, copied out of the session's rings (they can cross to the analysis worker). */
export interface MeasureWindows {
  /** Step the windows end at (steps taken since reset). */
  t: number;
  target: WindowSamples;
  source: WindowSamples | null;
}

const copy = (w: WindowSamples): WindowSamples => ({ steps: w.steps, width: w.width, data: w.data.slice() });

/** The windows of a request, as copies of equal length, or why there are none yet (a reply to give instead). */
export function measureWindows(windows: RetainedWindows, t: number, req: MeasureRequest): MeasureWindows | Extract<MeasureReply, { ok: false }> {
  const waiting = (error: string) => ({ ok: false as const, waiting: true, error });
  const target = windows.window(req.probe, req.window);
  if (!target) return waiting(`${req.probe} is not recorded for measures yet`);
  let source: WindowSamples | null = null;
  if (isPairMeasure(req.spec.measure)) {
    if (!req.source) return { ok: false, error: `${req.spec.measure} needs a source probe` };
    source = windows.window(req.source, req.window);
    if (!source) return waiting(`${req.source} is not recorded for measures yet`);
  }
  const steps = Math.min(target.steps, source?.steps ?? Infinity);
  if (steps === 0) return waiting('no steps recorded yet');
  return { t, target: copy(tail(target, steps)), source: source && copy(tail(source, steps)) };
}

/** Measures the windows of a request (measures/windowed.ts). */
export function measureOn(w: MeasureWindows, req: MeasureRequest): MeasureReply {
  const started = performance.now();
  const steps = w.target.steps;
  try {
    const r = windowedMeasure(req.spec, w.target, w.source, { units: req.units, discretise: req.discretise, locals: req.locals });
    return { ok: true, t: w.t, firstStep: w.t - steps + 1, steps, ...r, elapsedMs: performance.now() - started };
  } catch (err) {
    if (err instanceof MeasureError) return { ok: false, error: err.message };
    throw err;
  }
}

/** The typed arrays of windows, for transferring them without a copy. */
export function windowTransferables(w: MeasureWindows): ArrayBuffer[] {
  return [w.target.data.buffer, ...(w.source ? [w.source.data.buffer] : [])] as ArrayBuffer[];
}

/** The typed arrays of a reply, for transferring it without a copy. */
export function replyTransferables(reply: MeasureReply): ArrayBuffer[] {
  if (!reply.ok) return [];
  return [reply.unitIndex.buffer, reply.averages.buffer, ...(reply.locals ? [reply.locals.buffer] : [])] as ArrayBuffer[];
}
