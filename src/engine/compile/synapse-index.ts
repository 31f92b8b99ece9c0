/**
 * Index views of an edge's synapses that point into its weight storage (never copies of the
 * weights), so plasticity that changes `weights` is seen at once by event-driven delivery and by
 * the weight panels:
 *  - rows: for target unit i, its synapses k ∈ [rowPtr[i], rowPtr[i+1]) with source colIdx[k]
 *    and weight values[valIdx[k]] (valIdx null: values[k]) — what learning rules walk;
 *  - columns: the transpose, for source unit j its synapses — what spike delivery walks.
 * Which synapses exist: every stored CSR entry; for a dense matrix every entry when `keepZeros`
 * (a plastic edge with connectivity 1, whose zero weights may grow), else its nonzero entries.
 */
import type { WeightMatrix } from './types.ts';

export interface SynapseRows {
  rowPtr: Int32Array;
  colIdx: Int32Array;
  valIdx: Int32Array | null;
  values: Float64Array;
}

export interface SynapseColumns {
  colPtr: Int32Array;
  rowIdx: Int32Array;
  valIdx: Int32Array | null;
  values: Float64Array;
  /**
   * The one weight of every synapse, when a copied index (fixed weights) finds them all equal
   * (Brunel's J, −gJ): delivery then reads no values, and `values` is empty. Null otherwise.
   */
  shared: number | null;
}

export function synapseRows(w: WeightMatrix, keepZeros: boolean): SynapseRows {
  if (w.format === 'csr') return { rowPtr: w.rowPtr, colIdx: w.colIdx, valIdx: null, values: w.values };
  const { rows, cols, data } = w;
  const rowPtr = new Int32Array(rows + 1);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (keepZeros || data[i * cols + j] !== 0) count++;
    rowPtr[i + 1] = count;
  }
  const colIdx = new Int32Array(count);
  const valIdx = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const at = i * cols + j;
      if (!keepZeros && data[at] === 0) continue;
      colIdx[k] = j;
      valIdx[k++] = at;
    }
  }
  return { rowPtr, colIdx, valIdx, values: data };
}

/**
 * The transpose of `synapseRows` (counting sort by column; rows ascending within a column).
 * With `copy`, the weights are copied in column order (contiguous, cache-friendly; valIdx null):
 * only for edges whose weights never change after sampling (no plasticity) — or, when every
 * synapse has the same weight (bit for bit), not copied but kept as `shared`. Without `copy` the
 * index points into the weight storage, so learning is seen at once.
 */
export function synapseColumns(w: WeightMatrix, keepZeros: boolean, copy = false): SynapseColumns {
  const r = synapseRows(w, keepZeros);
  const rows = w.rows;
  const cols = w.cols;
  const nnz = r.colIdx.length;
  const colPtr = new Int32Array(cols + 1);
  for (let k = 0; k < nnz; k++) colPtr[r.colIdx[k] + 1]++;
  for (let j = 0; j < cols; j++) colPtr[j + 1] += colPtr[j];
  const next = colPtr.slice(0, cols);
  const rowIdx = new Int32Array(nnz);
  const valIdx = new Int32Array(nnz);
  for (let i = 0; i < rows; i++) {
    for (let k = r.rowPtr[i]; k < r.rowPtr[i + 1]; k++) {
      const at = next[r.colIdx[k]]++;
      rowIdx[at] = i;
      valIdx[at] = r.valIdx ? r.valIdx[k] : k;
    }
  }
  if (!copy) return { colPtr, rowIdx, valIdx, values: r.values, shared: null };
  const shared = nnz > 0 ? sharedValue(r.values, r.valIdx, nnz) : null;
  if (shared !== null) return { colPtr, rowIdx, valIdx: null, values: new Float64Array(0), shared };
  const values = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) values[k] = r.values[valIdx[k]];
  return { colPtr, rowIdx, valIdx: null, values, shared: null };
}

/** The value every synapse k < nnz has (values[valIdx[k]], or values[k]), identical bits, or null. */
function sharedValue(values: Float64Array, valIdx: Int32Array | null, nnz: number): number | null {
  const first = values[valIdx ? valIdx[0] : 0];
  for (let k = 1; k < nnz; k++) if (!Object.is(values[valIdx ? valIdx[k] : k], first)) return null;
  return first;
}
