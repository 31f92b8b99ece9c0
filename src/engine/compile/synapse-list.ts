/**
 * The stored synapses of a sampling in row order: column and value, in typed arrays that grow
 * (sized up front by `countBound`, so a large edge normally never grows or copies).
 */
/** Makes typed arrays of a given length (somewhere other than fresh memory). */
export interface ArrayStorage {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
}

export class SynapseList {
  private cols: Int32Array;
  private vals: Float64Array;
  length = 0;

  /** `storage`: where the arrays go (the kernels' memory, say); fresh arrays without. */
  constructor(capacity: number, storage?: ArrayStorage) {
    const size = Math.max(16, capacity);
    this.cols = storage ? storage.i32(size) : new Int32Array(size);
    this.vals = storage ? storage.f64(size) : new Float64Array(size);
  }

  push(col: number, value: number): void {
    if (this.length === this.cols.length) this.grow(this.length + 1);
    this.cols[this.length] = col;
    this.vals[this.length++] = value;
  }

  /** Appends a chunk of synapses (columns and values of the same length). */
  append(cols: Int32Array, vals: Float64Array): void {
    if (this.length + cols.length > this.cols.length) this.grow(this.length + cols.length);
    this.cols.set(cols, this.length);
    this.vals.set(vals, this.length);
    this.length += cols.length;
  }

  /** The whole storage, `length` and beyond (written elsewhere, by a helper thread, then `commit`ted). */
  get arrays(): { cols: Int32Array; vals: Float64Array } {
    return { cols: this.cols, vals: this.vals };
  }

  /** Sets the length after writes into `arrays` (at most their capacity). */
  commit(length: number): void {
    if (length > this.cols.length) throw new RangeError(`${length} synapses do not fit a list of ${this.cols.length}`);
    this.length = length;
  }

  /** The columns, exactly `length` of them (a view of the storage: no copy of millions of synapses). */
  columns(): Int32Array {
    return this.cols.subarray(0, this.length);
  }

  values(): Float64Array {
    return this.vals.subarray(0, this.length);
  }

  private grow(least: number): void {
    const size = Math.max(least, 2 * this.cols.length);
    const cols = new Int32Array(size);
    const vals = new Float64Array(size);
    cols.set(this.columns());
    vals.set(this.values());
    this.cols = cols;
    this.vals = vals;
  }
}

/**
 * Synapses drawn with probability p among `entries` that exist at most, but for a chance below
 * 10⁻⁹: the binomial count's mean N·p plus six standard deviations √(N·p·(1 − p)).
 */
export function countBound(entries: number, p: number): number {
  if (p >= 1) return entries;
  const mean = entries * p;
  return Math.min(entries, Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p)) + 16));
}
