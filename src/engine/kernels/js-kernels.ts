import type { Kernels } from './kernels.ts';

/** Plain-JS kernels: the reference every faster implementation is tested against. */
export const jsKernels: Kernels = {
  name: 'js',
  denseMatVecAdd(w, rows, cols, x, xOffset, out) {
    for (let i = 0; i < rows; i++) {
      let acc = 0;
      const base = i * cols;
      for (let j = 0; j < cols; j++) acc += w[base + j] * x[xOffset + j];
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
};
