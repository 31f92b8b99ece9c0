import type { Kernels } from './kernels.ts';
import { csrMatVecAddF32, denseMatVecAddF32, sigmoidApprox, tanhApprox } from './js-kernels-extra.ts';

/**
 * Plain-JS kernels: the reference every faster implementation is tested against.
 *
 * Summation order (fixed, so results are bit-reproducible and a SIMD kernel with two f64x2
 * accumulators can match it exactly): four partial sums s_r over the columns j ≡ r (mod 4),
 * combined as (s0 + s2) + (s1 + s3), then the remaining columns added in order.
 */
export const jsKernels: Kernels = {
  name: 'js',
  denseMatVecAdd(w, rows, cols, x, xOffset, out) {
    if (cols < 4) return narrowMatVecAdd(w, rows, cols, x, xOffset, out);
    const blocked = cols - (cols % 4);
    for (let i = 0; i < rows; i++) {
      const base = i * cols;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let j = 0;
      for (; j < blocked; j += 4) {
        s0 += w[base + j] * x[xOffset + j];
        s1 += w[base + j + 1] * x[xOffset + j + 1];
        s2 += w[base + j + 2] * x[xOffset + j + 2];
        s3 += w[base + j + 3] * x[xOffset + j + 3];
      }
      let acc = s0 + s2 + (s1 + s3);
      for (; j < cols; j++) acc += w[base + j] * x[xOffset + j];
      out[i] += acc;
    }
  },
  csrMatVecAdd(rowPtr, colIdx, values, rows, x, xOffset, out) {
    for (let i = 0; i < rows; i++) {
      let acc = 0;
      for (let k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) acc += values[k] * x[xOffset + colIdx[k]];
      out[i] += acc;
    }
  },
  eventMatVecAdd(colPtr, rowIdx, valIdx, values, cols, x, xOffset, out) {
    for (let j = 0; j < cols; j++) {
      const s = x[xOffset + j];
      if (s === 0) continue;
      const end = colPtr[j + 1];
      if (valIdx === null) for (let k = colPtr[j]; k < end; k++) out[rowIdx[k]] += values[k] * s;
      else for (let k = colPtr[j]; k < end; k++) out[rowIdx[k]] += values[valIdx[k]] * s;
    }
  },
  eventSharedMatVecAdd(colPtr, rowIdx, weight, cols, x, xOffset, out) {
    for (let j = 0; j < cols; j++) {
      const s = x[xOffset + j];
      if (s === 0) continue;
      const ws = weight * s;
      for (let k = colPtr[j], end = colPtr[j + 1]; k < end; k++) out[rowIdx[k]] += ws;
    }
  },
  denseMatVecAddF32,
  csrMatVecAddF32,
  tanhApprox,
  sigmoidApprox,
};

/**
 * The dense product for fewer than 4 columns (input edges: one column per input channel). The
 * general loop's partial sums are all +0 then, so each row is +0 plus its products in order —
 * the same bits, without the block loop's setup per row.
 */
function narrowMatVecAdd(w: Float64Array, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void {
  if (cols === 1) {
    const x0 = x[xOffset];
    for (let i = 0; i < rows; i++) out[i] += 0 + w[i] * x0;
    return;
  }
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let j = 0, base = i * cols; j < cols; j++) acc += w[base + j] * x[xOffset + j];
    out[i] += acc;
  }
}
