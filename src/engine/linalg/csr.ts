/**
 * Small helpers shared by the dense and CSR layouts: construction, conversion, transpose and
 * the matrix–vector product y = M·x.
 */
import type { AnyMatrix, CsrMatrix, DenseMatrix } from './types.ts';

/** True when `m` is in CSR layout (it carries a `rowPtr`). */
export function isCsr(m: AnyMatrix): m is CsrMatrix {
  return (m as CsrMatrix).rowPtr !== undefined;
}

/** A rows×cols dense matrix of zeros (or wrapping `data`, which must have rows·cols entries). */
export function denseMatrix(rows: number, cols: number, data?: ArrayLike<number>): DenseMatrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new Error(`denseMatrix: invalid shape ${rows}x${cols}`);
  }
  const out = new Float64Array(rows * cols);
  if (data !== undefined) {
    if (data.length !== rows * cols) {
      throw new Error(`denseMatrix: expected ${rows * cols} entries, got ${data.length}`);
    }
    out.set(data);
  }
  return { rows, cols, data: out };
}

/** Dense matrix from an array of rows (all rows must have the same length). */
export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): DenseMatrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = denseMatrix(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new Error(`fromRows: row ${i} has ${rows[i].length} entries, expected ${c}`);
    for (let j = 0; j < c; j++) m.data[i * c + j] = rows[i][j];
  }
  return m;
}

/** The n×n identity. */
export function identity(n: number): DenseMatrix {
  const m = denseMatrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/**
 * Matrix–vector product `out = M·x` for a dense or CSR matrix. `x` has `M.cols` entries and
 * `out` has `M.rows` entries; `out` must not alias `x`. Returns `out`.
 */
export function matVec(m: AnyMatrix, x: ArrayLike<number>, out: Float64Array): Float64Array {
  if (x.length !== m.cols) throw new Error(`matVec: x has ${x.length} entries, matrix has ${m.cols} columns`);
  if (out.length !== m.rows) throw new Error(`matVec: out has ${out.length} entries, matrix has ${m.rows} rows`);
  if (isCsr(m)) {
    const { rowPtr, colIdx, values } = m;
    for (let i = 0; i < m.rows; i++) {
      let s = 0;
      for (let p = rowPtr[i], e = rowPtr[i + 1]; p < e; p++) s += values[p] * x[colIdx[p]];
      out[i] = s;
    }
  } else {
    const { data, cols } = m;
    for (let i = 0; i < m.rows; i++) {
      let s = 0;
      const base = i * cols;
      for (let j = 0; j < cols; j++) s += data[base + j] * x[j];
      out[i] = s;
    }
  }
  return out;
}

/**
 * Dense → CSR. With `dropZeros` (default) exact zeros are not stored; otherwise every entry is
 * stored. Column indices ascend within each row.
 */
export function denseToCsr(m: DenseMatrix, dropZeros = true): CsrMatrix {
  const { rows, cols, data } = m;
  let nnz = 0;
  if (dropZeros) {
    for (let k = 0; k < data.length; k++) if (data[k] !== 0) nnz++;
  } else {
    nnz = rows * cols;
  }
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < rows; i++) {
    rowPtr[i] = p;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (!dropZeros || v !== 0) {
        colIdx[p] = j;
        values[p] = v;
        p++;
      }
    }
  }
  rowPtr[rows] = p;
  return { rows, cols, rowPtr, colIdx, values };
}

/** CSR → dense. Duplicate (row, col) entries, if any, are summed. */
export function csrToDense(m: CsrMatrix): DenseMatrix {
  const out = denseMatrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out.data[i * m.cols + m.colIdx[p]] += m.values[p];
  }
  return out;
}

/**
 * Build a CSR matrix from coordinate triplets (row[k], col[k], value[k]); duplicates are summed
 * and the columns of each row sorted.
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIndex: ArrayLike<number>,
  colIndex: ArrayLike<number>,
  value: ArrayLike<number>,
): CsrMatrix {
  const n = rowIndex.length;
  if (colIndex.length !== n || value.length !== n) throw new Error('csrFromTriplets: arrays differ in length');
  const counts = new Int32Array(rows + 1);
  for (let k = 0; k < n; k++) {
    const r = rowIndex[k];
    const c = colIndex[k];
    if (r < 0 || r >= rows || c < 0 || c >= cols) throw new Error(`csrFromTriplets: entry ${k} (${r}, ${c}) out of range`);
    counts[r + 1]++;
  }
  for (let i = 0; i < rows; i++) counts[i + 1] += counts[i];
  const fill = counts.slice(0, rows);
  const ci = new Int32Array(n);
  const vv = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const p = fill[rowIndex[k]]++;
    ci[p] = colIndex[k];
    vv[p] = value[k];
  }
  // Sort each row by column and merge duplicates.
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(n);
  const values = new Float64Array(n);
  let out = 0;
  for (let i = 0; i < rows; i++) {
    rowPtr[i] = out;
    const s = counts[i];
    const e = counts[i + 1];
    const order: number[] = [];
    for (let p = s; p < e; p++) order.push(p);
    order.sort((a, b) => ci[a] - ci[b]);
    for (const p of order) {
      if (out > rowPtr[i] && colIdx[out - 1] === ci[p]) values[out - 1] += vv[p];
      else {
        colIdx[out] = ci[p];
        values[out] = vv[p];
        out++;
      }
    }
  }
  rowPtr[rows] = out;
  return { rows, cols, rowPtr, colIdx: colIdx.slice(0, out), values: values.slice(0, out) };
}

/** Transpose of a dense matrix (a new matrix). */
export function transpose(m: DenseMatrix): DenseMatrix;
/** Transpose of a CSR matrix (a new CSR matrix, columns ascending within rows). */
export function transpose(m: CsrMatrix): CsrMatrix;
export function transpose(m: AnyMatrix): AnyMatrix;
export function transpose(m: AnyMatrix): AnyMatrix {
  if (isCsr(m)) {
    const nnz = m.rowPtr[m.rows];
    const rowPtr = new Int32Array(m.cols + 1);
    for (let p = 0; p < nnz; p++) rowPtr[m.colIdx[p] + 1]++;
    for (let j = 0; j < m.cols; j++) rowPtr[j + 1] += rowPtr[j];
    const fill = rowPtr.slice(0, m.cols);
    const colIdx = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    // Visiting rows in order keeps the new column indices ascending.
    for (let i = 0; i < m.rows; i++) {
      for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
        const q = fill[m.colIdx[p]]++;
        colIdx[q] = i;
        values[q] = m.values[p];
      }
    }
    return { rows: m.cols, cols: m.rows, rowPtr, colIdx, values };
  }
  const out = denseMatrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return out;
}

/** Dense product C = A·B. */
export function matMul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  if (a.cols !== b.rows) throw new Error(`matMul: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not agree`);
  const c = denseMatrix(a.rows, b.cols);
  const n = b.cols;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = a.data[i * a.cols + k];
      if (aik === 0) continue;
      const bo = k * n;
      const co = i * n;
      for (let j = 0; j < n; j++) c.data[co + j] += aik * b.data[bo + j];
    }
  }
  return c;
}
