/**
 * A gap walk (sample-wasm.ts sampleEntries) split between the engine's thread and a helper
 * (sampling-thread.ts): the engine's thread draws the first `visits` synapses, the helper the rest,
 * starting at the position of the stream where the one-thread walk would draw them. The helper
 * does not know which entry its part starts at (that depends on every gap before it), so it stores
 * each synapse as its offset from the previous one; once the engine's part has ended at entry k0,
 * the engine's thread turns the helper's offsets into columns and row ends (while the helper is
 * still drawing), and takes the generator's state the helper ended with.
 */
import { VALUE_KIND } from '../kernels/wasm/sampling-wat.ts';
import type { Rng } from '../rng.ts';
import { jumpState } from '../rng-jump.ts';
import type { ValueRule } from './sample-wasm.ts';
import { SPLIT_RESULT, type SamplingThread } from './sampling-thread.ts';
import type { SynapseList } from './synapse-list.ts';

/** Expected synapses from which a gap walk is split (below, one thread draws it faster than the hand-over costs). */
export const SPLIT_MIN_SYNAPSES = 1 << 20;

/** A split walk: the engine's thread visits the first `visits` synapses; the helper starts `skip` outputs into the stream. */
export interface WalkSplit {
  thread: SamplingThread;
  visits: number;
  skip: number;
  /** Synapses expected in all (for progress). */
  expected: number;
}

/**
 * Where a gap walk with this value rule can be split, the engine's thread taking about `share` of
 * the `expected` synapses; null when the split would not pay or the storage is not shared.
 * Every synapse's draws sit at a fixed position of the stream: its gap (2 outputs), then its value
 * — none for a constant, 2 for a uniform, and for a normal 4 every second synapse (Box–Muller
 * draws two values from 4 outputs and keeps one for the next synapse). So synapse s starts at
 * output 2s (constant) or 4s (uniform; normal for even s), or 4s − 2 for odd s when the stream
 * starts with a kept normal value; the helper starts where no normal value is kept.
 */
export function planSplit(
  thread: SamplingThread | null | undefined,
  rule: ValueRule,
  expected: number,
  synapses: SynapseList,
  keptNormal: boolean,
  { share = 0.5, minSynapses = SPLIT_MIN_SYNAPSES, factor = 1 } = {},
): WalkSplit | null {
  if (!thread?.alive || expected < minSynapses || !(synapses.arrays.cols.buffer instanceof SharedArrayBuffer)) return null;
  if (drawsOnlyZeros(rule, factor)) return null;
  const capacity = synapses.arrays.cols.length;
  let visits = Math.max(1, Math.min(Math.round(expected * share), capacity - 1));
  let skip: number;
  if (rule.kind === VALUE_KIND.constant) skip = 2 * visits;
  else if (rule.kind === VALUE_KIND.uniform) skip = 4 * visits;
  else {
    if (visits % 2 !== (keptNormal ? 1 : 0)) visits += visits + 1 < capacity ? 1 : -1;
    skip = 4 * visits - (keptNormal ? 2 : 0);
  }
  if (visits < 1 || visits >= capacity || skip >= 4294967296) return null;
  return { thread, visits, skip, expected };
}

/**
 * Whether every value the rule draws, times `factor`, is zero. Zero values are not stored, and the
 * helper, which learns where its part ends only as it goes (`limit`), would walk on storing nothing
 * and never return to look: such a walk (an empty matrix, drawn for the generator's state alone)
 * stays on one thread.
 */
export function drawsOnlyZeros(rule: ValueRule, factor: number): boolean {
  if (factor === 0) return true;
  if (rule.kind === VALUE_KIND.constant) return rule.p0 === 0;
  return rule.p0 === 0 && rule.p1 === 0;
}

/** Posts the helper's part of a split walk (its generator state found by jumping the stream); returns the job's id. */
export function postHelperPart(split: WalkSplit, rng: Rng, rule: ValueRule, factor: number, logMiss: number, synapses: SynapseList): number {
  const state = new Int32Array(4);
  rng.saveState(state);
  jumpState(state, split.skip);
  const { cols, vals } = synapses.arrays;
  return split.thread.post({
    state,
    // a normal walk's helper starts where no value is kept; other rules keep the stream's
    spare: rule.kind === VALUE_KIND.normal ? null : rng.spareGaussian,
    kind: rule.kind,
    p0: rule.p0,
    p1: rule.p1,
    factor,
    logMiss,
    buffer: cols.buffer as SharedArrayBuffer,
    cols: cols.byteOffset + 4 * split.visits,
    vals: vals.byteOffset + 8 * split.visits,
    capacity: cols.length - split.visits,
  });
}

/**
 * After the engine's part ended at entry k0 (in row `row`, whose rowPtr is written up to it): tells
 * the helper where the walk ends, joins its synapses on as they arrive, and takes its generator's
 * state. False when the helper could not finish (its storage filled first): nothing is committed,
 * and the engine's thread draws on from where its part stopped.
 */
export function joinHelperPart(split: WalkSplit, job: number, k0: number, row: number, n: number, m: number, rowPtr: Int32Array, synapses: SynapseList, rng: Rng, waiting: () => void): boolean {
  const limit = n * m - 1 - k0;
  split.thread.limit(job, limit);
  const joiner = new Joiner(synapses, split.visits, k0, row, m, rowPtr, limit);
  const outcome = split.thread.join(job, (stored) => {
    joiner.upTo(stored);
    waiting();
  });
  if (outcome.result !== SPLIT_RESULT.done) return false;
  joiner.upTo(outcome.stored);
  if (joiner.joined !== outcome.stored) throw new Error(`the sampling helper stored ${outcome.stored} synapses before the end, the join found ${joiner.joined}`);
  joiner.finish(n);
  rng.loadState(outcome.state);
  rng.spareGaussian = outcome.spare;
  return true;
}

/**
 * Turns the helper's synapses, written from index `from` as offsets from the previous synapse (the
 * first from entry k0), into columns and row ends, in order, as far as they have arrived; moves them
 * down to follow the engine's when it stored fewer than `from` (zero values are not stored). The
 * helper writes every index once, so the ones below what it reported stored are final; those past
 * the walk's end (offset above `limit`) are left out.
 */
class Joiner {
  private readonly cols: Int32Array;
  private readonly vals: Float64Array;
  private readonly start: number;
  /** Helper synapses joined so far. */
  private done = 0;
  private offset = 0;
  private col: number;
  private ended = false;

  constructor(
    private readonly synapses: SynapseList,
    private readonly from: number,
    k0: number,
    private row: number,
    private readonly m: number,
    private readonly rowPtr: Int32Array,
    private readonly limit: number,
  ) {
    ({ cols: this.cols, vals: this.vals } = synapses.arrays);
    this.start = synapses.length;
    this.col = k0 - row * m;
  }

  /** Joins the helper's synapses up to index `stored` of its part. */
  upTo(stored: number): void {
    const { cols, vals, from, start, m, rowPtr, limit } = this;
    const shift = from !== start;
    let { done, offset, col, row } = this;
    for (; done < stored && !this.ended; done++) {
      const delta = cols[from + done] >>> 0;
      offset += delta;
      if (offset > limit) {
        this.ended = true;
        break;
      }
      col += delta;
      if (col >= m) {
        const rows = Math.floor(col / m);
        col -= rows * m;
        for (let r = 0; r < rows; r++) rowPtr[++row] = start + done;
      }
      cols[start + done] = col;
      if (shift) vals[start + done] = vals[from + done];
    }
    this.done = done;
    this.offset = offset;
    this.col = col;
    this.row = row;
  }

  /** Helper synapses joined so far. */
  get joined(): number {
    return this.done;
  }

  /** Writes the remaining row ends and commits the synapses joined. */
  finish(n: number): void {
    const end = this.start + this.done;
    while (this.row < n) this.rowPtr[++this.row] = end;
    this.synapses.commit(end);
  }
}
