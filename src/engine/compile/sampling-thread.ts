/**
 * The weight sampler's second thread: a helper worker that draws the second part of a large
 * edge's synapses (sample_gaps of kernels/wasm/sampling-wat.ts) while the engine's thread draws the
 * first part, both writing into the same shared storage (the kernels' workspace).
 *
 * The helper starts with the engine's worker, so it is running when the first network loads. It
 * receives a job as a message: the generator's state at the first synapse of its part (found by
 * jumping the stream, rng-jump.ts), the value rule, and where to write (a SharedArrayBuffer and
 * byte offsets). The rest goes through a control block of Int32 words (Atomics), CTRL:
 *   SIGNAL     the engine adds 1 and notifies after setting LIMIT or ABORT (the helper sleeps on it
 *              when its storage is full before the limit is known);
 *   LIMIT_SET  job id whose LIMIT (f64 word LIMIT_F64) holds: the offset of the last entry, from the
 *              start of the helper's part, known once the engine's part ended;
 *   ABORT      job id to stop (the walk ended in the engine's part, or the load was cancelled);
 *   STORED     synapses the helper stored so far (progress; the count once finished);
 *   FINISHED   job id once the helper stopped, with RESULT and, when done, its generator's state
 *              (A…D, HAS_SPARE, SPARE_F64): the state the whole walk leaves.
 * The helper draws without knowing where the walk ends: when the limit arrives it may have drawn
 * past it, and it then draws again from the start of the chunk that contains the end (it keeps the
 * generator's state at every chunk start), so that it stops exactly where the one-thread walk does.
 */
import { SAMPLER_STATE, SAMPLER_STATE_BYTES } from '../kernels/wasm/sampling-wat.ts';
import { canBlock, startThread, type HelperThread } from '../kernels/wasm/helper.ts';
import { samplingModule } from '../kernels/wasm/loader.ts';
import { jumpState } from '../rng-jump.ts';

export const SPLIT_CTRL = { SIGNAL: 0, LIMIT_SET: 1, ABORT: 2, STORED: 3, FINISHED: 4, RESULT: 5, HAS_SPARE: 6, A: 8, LIMIT_F64: 8, SPARE_F64: 9 } as const;
/** Bytes of the control block (Int32 words 0–15, then Float64 words 8–9). */
const CTRL_BYTES = 80;

/** How a helper's job ended. */
export const SPLIT_RESULT = {
  /** The walk ended in the helper's part: its synapses and final state are in place. */
  done: 1,
  /** Its storage filled before the end, or an offset did not fit 32 bits: the engine draws on alone. */
  full: 2,
  aborted: 3,
} as const;

/** Synapses per call of sample_gaps on the helper. */
export const SPLIT_CHUNK = 1 << 16;
/** Chunks the helper draws when it starts (a warm-up: see init). */
const WARM_CHUNKS = 4;

/** A job: the helper's part of a walk. Offsets are byte addresses in `buffer`. */
export interface SplitJob {
  id: number;
  /** Generator state (a, b, c, d) at the helper's first draw, and the Box–Muller value kept there. */
  state: Int32Array;
  spare: number | null;
  kind: number;
  p0: number;
  p1: number;
  factor: number;
  logMiss: number;
  buffer: SharedArrayBuffer;
  /** Where the offsets between stored synapses (u32) and the values go, room for `capacity` each. */
  cols: number;
  vals: number;
  capacity: number;
}

const HELPER_SOURCE = `'use strict';
const C = ${JSON.stringify(SPLIT_CTRL)};
const R = ${JSON.stringify(SPLIT_RESULT)};
const S = ${JSON.stringify(SAMPLER_STATE)};
const CHUNK = ${SPLIT_CHUNK};
const DELTAS = ${SAMPLER_STATE_BYTES};
const VALS = DELTAS + 4 * CHUNK;
const WARM_CHUNKS = ${WARM_CHUNKS};
let k, ctrl, ctrlF;
function init(msg) {
  k = new WebAssembly.Instance(msg.module, {}).exports;
  const need = VALS + 8 * CHUNK - k.memory.buffer.byteLength;
  if (need > 0) k.memory.grow(Math.ceil(need / 65536));
  ctrl = new Int32Array(msg.ctrl, 0, 16);
  ctrlF = new Float64Array(msg.ctrl);
  // a few chunks drawn now, while nothing loads, so the engine's optimising tier has compiled the
  // walk before the first job (its first calls otherwise run in the baseline tier, several times slower)
  const i32 = new Int32Array(k.memory.buffer, 0, 16);
  i32.fill(0);
  i32[S.A / 4] = 1;
  for (let i = 0; i < WARM_CHUNKS; i++) k.sample_gaps(2, 0, 1, 1, -0.002, Infinity, DELTAS, VALS, CHUNK);
}
function finish(id, result, count) {
  Atomics.store(ctrl, C.STORED, count);
  Atomics.store(ctrl, C.RESULT, result);
  Atomics.store(ctrl, C.FINISHED, id);
  Atomics.notify(ctrl, C.FINISHED);
  Atomics.notify(ctrl, C.STORED);
}
function run(job) {
  const mem = k.memory.buffer;
  const i32 = new Int32Array(mem, 0, 16);
  const f64 = new Float64Array(mem, 0, 8);
  i32.set(job.state, S.A / 4);
  i32[S.HAS_SPARE / 4] = job.spare === null ? 0 : 1;
  f64[S.SPARE / 8] = job.spare === null ? 0 : job.spare;
  i32[S.DONE / 4] = 0;
  i32[S.OVERFLOW / 4] = 0;
  f64[S.K / 8] = 0;
  f64[S.LAST / 8] = 0;
  const cols = new Int32Array(job.buffer, job.cols, job.capacity);
  const vals = new Float64Array(job.buffer, job.vals, job.capacity);
  const marks = [];
  let count = 0;
  let limit = Infinity;
  for (;;) {
    const signal = Atomics.load(ctrl, C.SIGNAL);
    if (Atomics.load(ctrl, C.ABORT) === job.id) return finish(job.id, R.aborted, 0);
    if (limit === Infinity && Atomics.load(ctrl, C.LIMIT_SET) === job.id) {
      limit = ctrlF[C.LIMIT_F64];
      if (f64[S.K / 8] > limit) {
        // drawn past the end: the chunk holding it is drawn again, to the end, for the state there
        // (its synapses are in place already, the same bits: they are not written again)
        let m = marks.length - 1;
        while (marks[m].k > limit) m--;
        i32.set(marks[m].block, 0);
        count = marks[m].count + k.sample_gaps(job.kind, job.p0, job.p1, job.factor, job.logMiss, limit, DELTAS, VALS, marks[m].cap);
        marks.length = m;
      }
    }
    if (i32[S.DONE / 4]) break;
    if (count >= job.capacity) {
      if (limit !== Infinity) return finish(job.id, R.full, count);
      Atomics.wait(ctrl, C.SIGNAL, signal);
      continue;
    }
    const cap = Math.min(CHUNK, job.capacity - count);
    marks.push({ block: i32.slice(0, 16), k: f64[S.K / 8], count, cap });
    const c = k.sample_gaps(job.kind, job.p0, job.p1, job.factor, job.logMiss, limit, DELTAS, VALS, cap);
    cols.set(new Int32Array(mem, DELTAS, c), count);
    vals.set(new Float64Array(mem, VALS, c), count);
    count += c;
    Atomics.store(ctrl, C.STORED, count);
    Atomics.notify(ctrl, C.STORED);
  }
  if (i32[S.OVERFLOW / 4]) return finish(job.id, R.full, count);
  for (let w = 0; w < 4; w++) ctrl[C.A + w] = i32[S.A / 4 + w];
  ctrl[C.HAS_SPARE] = i32[S.HAS_SPARE / 4];
  ctrlF[C.SPARE_F64] = f64[S.SPARE / 8];
  finish(job.id, R.done, count);
}
function onMessage(msg, post) {
  if (msg.module) {
    init(msg);
    post('ready');
  } else {
    run(msg);
  }
}
if (typeof self === 'undefined') {
  const { parentPort } = require('node:worker_threads');
  parentPort.on('message', (m) => onMessage(m, (x) => parentPort.postMessage(x)));
} else {
  self.onmessage = (e) => onMessage(e.data, (x) => self.postMessage(x));
}
`;

/** What a finished job left: RESULT, and when done the synapses stored and the generator's state. */
export interface SplitOutcome {
  result: number;
  stored: number;
  state: Int32Array;
  spare: number | null;
}

/** Milliseconds the engine waits for a helper that shows no progress before giving it up. */
const STALL_MS = 10_000;

export class SamplingThread {
  private readonly ctrl: Int32Array;
  private readonly ctrlF: Float64Array;
  private readonly stallMs: number;
  private nextId = 1;
  private thread: HelperThread | null;
  /** How the last joined job ended (SPLIT_RESULT; 0 before any). */
  lastResult = 0;

  private constructor(thread: HelperThread, buffer: SharedArrayBuffer, stallMs: number) {
    this.thread = thread;
    this.stallMs = stallMs;
    this.ctrl = new Int32Array(buffer, 0, 16);
    this.ctrlF = new Float64Array(buffer);
  }

  /**
   * Starts a helper; null where threads, shared memory or the sampler module are unavailable.
   * `stallMs`: how long `join` waits for a helper that shows no progress (STALL_MS by default).
   */
  static async start(stallMs = STALL_MS): Promise<SamplingThread | null> {
    const module = samplingModule();
    if (!module || typeof SharedArrayBuffer !== 'function') return null;
    const buffer = new SharedArrayBuffer(CTRL_BYTES);
    const thread = await startThread(HELPER_SOURCE, 'recurrence-sampling-helper', { module, ctrl: buffer });
    // the stream's jump tables are built now, while nothing loads, not at the first split
    if (thread) jumpState(Int32Array.of(1, 0, 0, 0), 1);
    return thread && new SamplingThread(thread, buffer, stallMs);
  }

  /**
   * Starts a helper in a cross-origin isolated browser worker (shared memory and blocking waits
   * allowed); elsewhere — the CLI, Node, a page without isolation — weights are drawn on one thread.
   */
  static startIfIsolated(): Promise<SamplingThread | null> {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    return isolated && canBlock() ? SamplingThread.start() : Promise.resolve(null);
  }

  /** Whether the helper can take a job (not terminated). */
  get alive(): boolean {
    return this.thread !== null;
  }

  /** Posts the helper's part of a walk; returns the job's id. */
  post(job: Omit<SplitJob, 'id'>): number {
    const id = this.nextId++;
    Atomics.store(this.ctrl, SPLIT_CTRL.STORED, 0);
    this.thread!.post({ ...job, id });
    return id;
  }

  /** Synapses the helper stored so far in its current job. */
  stored(): number {
    return Atomics.load(this.ctrl, SPLIT_CTRL.STORED);
  }

  /** Tells the helper where the walk ends: `limit` = the last entry's offset from the start of its part. */
  limit(id: number, limit: number): void {
    this.ctrlF[SPLIT_CTRL.LIMIT_F64] = limit;
    Atomics.store(this.ctrl, SPLIT_CTRL.LIMIT_SET, id);
    this.signal();
  }

  /** Asks the helper to stop job `id` (it then writes nothing more). */
  abort(id: number): void {
    Atomics.store(this.ctrl, SPLIT_CTRL.ABORT, id);
    this.signal();
  }

  /**
   * Waits until job `id` finished; meanwhile `arrived` is told the synapses the helper stored so
   * far each time it stored more (about every chunk). A helper that makes no progress for `stallMs`
   * is terminated (it writes nothing more) and the job counts as full.
   */
  join(id: number, arrived?: (stored: number) => void): SplitOutcome {
    const c = this.ctrl;
    let since = performance.now();
    let seen = -1;
    while (Atomics.load(c, SPLIT_CTRL.FINISHED) !== id) {
      const stored = this.stored();
      if (stored !== seen) {
        seen = stored;
        since = performance.now();
        arrived?.(stored);
        continue;
      }
      if (performance.now() - since > this.stallMs) {
        this.terminate();
        this.lastResult = SPLIT_RESULT.full;
        return { result: SPLIT_RESULT.full, stored: 0, state: new Int32Array(4), spare: null };
      }
      Atomics.wait(c, SPLIT_CTRL.STORED, stored, 50);
    }
    const result = (this.lastResult = Atomics.load(c, SPLIT_CTRL.RESULT));
    return {
      result,
      stored: this.stored(),
      state: c.slice(SPLIT_CTRL.A, SPLIT_CTRL.A + 4),
      spare: c[SPLIT_CTRL.HAS_SPARE] ? this.ctrlF[SPLIT_CTRL.SPARE_F64] : null,
    };
  }

  terminate(): void {
    this.thread?.terminate();
    this.thread = null;
  }

  private signal(): void {
    Atomics.add(this.ctrl, SPLIT_CTRL.SIGNAL, 1);
    Atomics.notify(this.ctrl, SPLIT_CTRL.SIGNAL);
  }
}
