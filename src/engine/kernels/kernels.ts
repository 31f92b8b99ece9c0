/**
 * The hot kernels of a step behind one small interface, so a faster implementation (WASM SIMD)
 * can replace the plain-JS one without touching the compiler or the simulator.
 */

export interface Kernels {
  readonly name: string;
  /**
   * out[i] += Σ_j W[i·cols + j] · x[xOffset + j] for i < rows (dense, row-major W).
   */
  denseMatVecAdd(w: Float64Array, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void;
  /**
   * out[i] += Σ_{k ∈ [rowPtr[i], rowPtr[i+1])} values[k] · x[xOffset + colIdx[k]] (CSR W).
   */
  csrMatVecAdd(
    rowPtr: Int32Array,
    colIdx: Int32Array,
    values: Float64Array,
    rows: number,
    x: Float64Array,
    xOffset: number,
    out: Float64Array,
  ): void;
  /**
   * Event-driven delivery (spiking sources), column-wise over a transposed index:
   * for every column j < cols with s = x[xOffset + j] ≠ 0 (a spike),
   *   out[rowIdx[k]] += values[valIdx ? valIdx[k] : k] · s   for k ∈ [colPtr[j], colPtr[j+1]).
   * Only the synapses of units that spiked are touched: O(spikes × fan-out) instead of O(rows × cols).
   */
  eventMatVecAdd(
    colPtr: Int32Array,
    rowIdx: Int32Array,
    valIdx: Int32Array | null,
    values: Float64Array,
    cols: number,
    x: Float64Array,
    xOffset: number,
    out: Float64Array,
  ): void;
}
