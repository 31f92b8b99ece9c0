/**
 * Spare buffers for the stepping worker's probe recorders. Each batch records its probes into
 * fresh typed arrays that are transferred to the page; the page copies them into its windows and
 * gives the buffers back with its next request (`advance`), so at full speed the worker records
 * into the same few buffers over and over instead of allocating megabytes per batch (whose
 * garbage collections took CPU time from stepping).
 */
export class BufferPool {
  private readonly spare: ArrayBuffer[] = [];

  /** `limit`: most buffers kept (the oldest go first). */
  constructor(private readonly limit = 12) {}

  /** Buffers given back (detached or empty ones are left out). */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength > 0 && !this.spare.includes(b)) this.spare.push(b);
    if (this.spare.length > this.limit) this.spare.splice(0, this.spare.length - this.limit);
  }

  /**
   * A Float64Array of `length` elements over the smallest spare buffer that holds it, else a new
   * one. Its contents are whatever the buffer held: the caller writes before it reads.
   */
  take(length: number): Float64Array {
    const bytes = length * Float64Array.BYTES_PER_ELEMENT;
    let best = -1;
    for (let k = 0; k < this.spare.length; k++) {
      const size = this.spare[k].byteLength;
      if (size >= bytes && (best < 0 || size < this.spare[best].byteLength)) best = k;
    }
    if (best < 0) return new Float64Array(length);
    const [buffer] = this.spare.splice(best, 1);
    return new Float64Array(buffer, 0, length);
  }

  /** Buffers held now. */
  get size(): number {
    return this.spare.length;
  }
}
