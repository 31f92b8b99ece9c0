/**
 * Past outputs of a node for its delayed edges: a ring of the last `depth` outputs.
 * During step t a delay-d edge reads the output after step t−d; before the first step every
 * slot holds the initial output, so y[t−d] for t−d < 0 is the initial state.
 */
import type { StateAllocator } from '../kernels/kernels.ts';

export class DelayLine {
  readonly buffer: Float64Array;

  constructor(
    readonly size: number,
    readonly depth: number,
    alloc?: StateAllocator,
  ) {
    this.buffer = alloc ? alloc.f64(size * depth) : new Float64Array(size * depth);
  }

  /** Fills every slot with the initial output. */
  reset(initial: Float64Array): void {
    for (let s = 0; s < this.depth; s++) this.buffer.set(initial, s * this.size);
  }

  /** Stores the output of step t (called after every node has updated). */
  commit(t: number, output: Float64Array): void {
    this.buffer.set(output, (t % this.depth) * this.size);
  }

  /** Offset in `buffer` of the output after step t − d (1 ≤ d ≤ depth). */
  offset(t: number, d: number): number {
    const slot = (((t - d) % this.depth) + this.depth) % this.depth;
    return slot * this.size;
  }
}
