/**
 * Block downsampling of a weight matrix for display (pure): an R × C matrix becomes at most
 * maxRows × maxCols cells, each the entry of largest |w| in its block of ⌈R/maxRows⌉ × ⌈C/maxCols⌉
 * (sign kept, so a diverging colour scale still shows excitation and inhibition). A CSR matrix is
 * walked by its stored entries only, so a 10,000 × 10,000 edge never becomes a dense copy.
 */
import type { CsrMatrix, DenseMatrix } from '../linalg/index.ts';

export interface WeightBlocks {
  rows: number;
  cols: number;
  /** Rows × cols, row-major: the entry of largest |w| of each block (0 for an empty block). */
  data: Float64Array;
  /** Source rows and columns per cell (1 × 1: not downsampled). */
  blockRows: number;
  blockCols: number;
}

/** Block size per axis: ⌈n / max⌉ (1 when the axis fits). */
function blockOf(n: number, max: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, Math.floor(max))));
}

export function weightBlocks(m: ({ format: 'dense' } & DenseMatrix) | ({ format: 'csr' } & CsrMatrix), maxRows = Infinity, maxCols = Infinity): WeightBlocks {
  const br = blockOf(m.rows, maxRows);
  const bc = blockOf(m.cols, maxCols);
  const rows = Math.ceil(m.rows / br);
  const cols = Math.ceil(m.cols / bc);
  const data = new Float64Array(rows * cols);
  const put = (i: number, j: number, w: number) => {
    const k = Math.floor(i / br) * cols + Math.floor(j / bc);
    if (Math.abs(w) > Math.abs(data[k]) || w !== w) data[k] = w;
  };
  if (m.format === 'dense') {
    if (br === 1 && bc === 1) data.set(m.data);
    else for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) put(i, j, m.data[i * m.cols + j]);
  } else {
    for (let i = 0; i < m.rows; i++) for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) put(i, m.colIdx[k], m.values[k]);
  }
  return { rows, cols, data, blockRows: br, blockCols: bc };
}
