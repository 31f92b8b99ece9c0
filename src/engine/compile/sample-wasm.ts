/**
 * The weight sampler's WebAssembly path (kernels/wasm/sampling-wat.ts): the same draws in the same
 * order as the TypeScript loops of sample-weights.ts, bit for bit, several times faster. The
 * generator's state (xoshiro words and the Box–Muller spare) moves into the module's state block
 * before a sampling and back into the Rng after it, so the stream continues exactly.
 * Synapses come in chunks of CHUNK, each appended to the SynapseList as it is done.
 */
import type { WeightInit } from '../../model/index.ts';
import { samplingKernels, type SamplingExports } from '../kernels/wasm/loader.ts';
import { SAMPLER_STATE, SAMPLER_STATE_BYTES, VALUE_KIND } from '../kernels/wasm/sampling-wat.ts';
import type { Rng } from '../rng.ts';
import type { SynapseList } from './synapse-list.ts';
import { joinHelperPart, postHelperPart, type WalkSplit } from './sample-split.ts';

/** Synapses per call into the module (≈ 0.8 MB of columns and values). */
const CHUNK = 1 << 16;
const PAGE = 65536;

/** A value rule the module draws: kind and its two parameters. */
export interface ValueRule {
  kind: number;
  p0: number;
  p1: number;
}

/** The module's rule for `init`, or null when the TypeScript path samples it (matrix, Hebbian, identity). */
export function valueRule(init: WeightInit): ValueRule | null {
  switch (init.type) {
    case 'constant':
      return { kind: VALUE_KIND.constant, p0: init.value, p1: 0 };
    case 'uniform':
      return { kind: VALUE_KIND.uniform, p0: init.low, p1: init.high };
    case 'normal':
      return { kind: VALUE_KIND.normal, p0: init.mean, p1: init.std };
    default:
      return null;
  }
}

/** The sampler module, or null where WebAssembly is unavailable. */
export function wasmSampler(): SamplingExports | null {
  return samplingKernels();
}

/** Byte addresses of the buffers: columns, values, then rowPtr (n + 1 entries). */
function layout(k: SamplingExports, rowPtrEntries: number) {
  const cols = SAMPLER_STATE_BYTES;
  const vals = cols + 4 * CHUNK;
  const rowPtr = vals + 8 * CHUNK;
  const need = rowPtr + 4 * rowPtrEntries;
  const have = k.memory.buffer.byteLength;
  if (need > have) k.memory.grow(Math.ceil((need - have) / PAGE));
  return { cols, vals, rowPtr };
}

/** Copies the generator's state into the module's state block. */
function enter(k: SamplingExports, rng: Rng): void {
  const words = new Int32Array(k.memory.buffer, SAMPLER_STATE.A, 4);
  rng.saveState(words);
  const view = new DataView(k.memory.buffer);
  const spare = rng.spareGaussian;
  view.setInt32(SAMPLER_STATE.HAS_SPARE, spare === null ? 0 : 1, true);
  view.setFloat64(SAMPLER_STATE.SPARE, spare ?? 0, true);
}

/** Copies the module's state back into the generator. */
function leave(k: SamplingExports, rng: Rng): void {
  rng.loadState(new Int32Array(k.memory.buffer, SAMPLER_STATE.A, 4));
  const view = new DataView(k.memory.buffer);
  rng.spareGaussian = view.getInt32(SAMPLER_STATE.HAS_SPARE, true) ? view.getFloat64(SAMPLER_STATE.SPARE, true) : null;
}

/** Synapses the walk visits without a stop (VISITS: more than any edge has). */
const UNLIMITED = 0x7fffffff;

/**
 * Walks the n×m entries in row-major order — every entry (`logMiss` null), or by geometric gaps
 * with logMiss = ln(1 − p) — drawing a value for each visited entry; stores the nonzero ones,
 * multiplied by `factor`, in `synapses` and the row ends in rowPtr[1…n]. `rowsDone` is told the
 * rows finished after each chunk. With a `split` (gap walks only) a helper thread draws the second
 * part at the same time; the result and the generator's state after are the same bits.
 */
export function sampleEntries(
  k: SamplingExports,
  rng: Rng,
  rule: ValueRule,
  factor: number,
  logMiss: number | null,
  n: number,
  m: number,
  rowPtr: Int32Array,
  synapses: SynapseList,
  rowsDone: (rows: number) => void,
  split: WalkSplit | null = null,
): void {
  const at = layout(k, n + 1);
  enter(k, rng);
  const view = new DataView(k.memory.buffer);
  view.setFloat64(SAMPLER_STATE.K, -1, true);
  view.setInt32(SAMPLER_STATE.ROW, 0, true);
  view.setInt32(SAMPLER_STATE.LENGTH, 0, true);
  view.setInt32(SAMPLER_STATE.DONE, 0, true);
  view.setInt32(SAMPLER_STATE.VISITS, split && logMiss !== null ? split.visits : UNLIMITED, true);
  let helper = split && logMiss !== null ? postHelperPart(split, rng, rule, factor, logMiss, synapses) : null;
  const cols = new Int32Array(k.memory.buffer, at.cols, CHUNK);
  const vals = new Float64Array(k.memory.buffer, at.vals, CHUNK);
  /** Rows done, estimated over both threads from the synapses drawn (they walk different rows). */
  const bothDone = () => rowsDone(Math.min(n - 1, Math.floor((n * (split!.visits - view.getInt32(SAMPLER_STATE.VISITS, true) + split!.thread.stored())) / split!.expected)));
  try {
    for (;;) {
      const count = k.sample_entries(rule.kind, rule.p0, rule.p1, factor, logMiss === null ? 1 : 0, logMiss ?? 0, n, m, at.rowPtr, at.cols, at.vals, CHUNK);
      synapses.append(cols.subarray(0, count), vals.subarray(0, count));
      if (helper !== null) bothDone();
      else rowsDone(view.getInt32(SAMPLER_STATE.ROW, true));
      if (view.getInt32(SAMPLER_STATE.DONE, true)) break;
      if (helper !== null && view.getInt32(SAMPLER_STATE.VISITS, true) === 0) {
        // the engine's part is drawn: the helper's part is joined on
        const row = view.getInt32(SAMPLER_STATE.ROW, true);
        rowPtr.set(new Int32Array(k.memory.buffer, at.rowPtr + 4, row), 1);
        const joined = joinHelperPart(split!, helper, view.getFloat64(SAMPLER_STATE.K, true), row, n, m, rowPtr, synapses, rng, bothDone);
        helper = null;
        if (joined) {
          rowsDone(n);
          return;
        }
        // the helper could not finish its part (storage full): this thread draws on from where it stopped
        view.setInt32(SAMPLER_STATE.VISITS, UNLIMITED, true);
      }
    }
  } finally {
    if (helper !== null) {
      // the walk ended within the engine's part (or was cancelled): the helper stops, writing nothing more
      split!.thread.abort(helper);
      split!.thread.join(helper);
    }
  }
  rowPtr.set(new Int32Array(k.memory.buffer, at.rowPtr + 4, n), 1);
  leave(k, rng);
}

/**
 * The next `count` values of `rule` from `rng`, one per call (a connection rule's synapses): drawn
 * by the module up to CHUNK at a time (never more than `count` in all), the generator's state handed over around each chunk.
 */
export function valueStream(k: SamplingExports, rng: Rng, rule: ValueRule, count: number): () => number {
  const buffer = new Float64Array(Math.min(CHUNK, count));
  let next = buffer.length;
  let left = count;
  return () => {
    if (next === buffer.length) {
      const c = Math.min(buffer.length, left);
      const at = layout(k, 0);
      enter(k, rng);
      k.sample_values(rule.kind, rule.p0, rule.p1, at.vals, c);
      leave(k, rng);
      buffer.set(new Float64Array(k.memory.buffer, at.vals, c));
      left -= c;
      next = 0;
    }
    return buffer[next++];
  };
}
