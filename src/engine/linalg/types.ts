/**
 * Shared matrix types for the linear-algebra module.
 *
 * Both layouts are plain objects over typed arrays so they can cross a worker boundary as
 * transferables and be built without any class machinery.
 */

/** A dense real matrix, stored row-major: entry (i, j) is `data[i * cols + j]`. */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * A real matrix in compressed sparse row (CSR) form (Saad 2003, "Iterative Methods for Sparse
 * Linear Systems", §3.4). The entries of row i are `values[rowPtr[i] .. rowPtr[i+1]-1]`, in the
 * columns `colIdx[...]` (ascending within a row when built by this module).
 * `rowPtr.length === rows + 1`.
 */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

/** A dense matrix or a CSR matrix. */
export type AnyMatrix = DenseMatrix | CsrMatrix;
