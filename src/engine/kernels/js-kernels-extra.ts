/**
 * Plain-JS reference of the single-precision products and the vectorised activations: the same
 * IEEE operations in the same order as the WASM kernels, so the fallback is bit-identical to them.
 *
 * Single precision is emulated with Math.fround after every operation. That is exact: a product
 * of two floats is exact in double before the one rounding to float, and a sum of two floats
 * rounded to double then to float equals the float-rounded sum (53 ≥ 2·24 + 2, Figueroa 1995).
 */
import type { Kernels } from './kernels.ts';
import { sigmoidFast, tanhFast } from './vector-math.ts';

const fr = Math.fround;

/**
 * out[i] += f64(Σ_j w[i·cols + j] ⊗ f32(x[xOffset + j])), in single precision: eight partial
 * sums s_m over the columns j ≡ m (mod 8), t_l = s_l + s_{l+4}, (t0 + t2) + (t1 + t3), then the
 * remaining columns in order (the two f32x4 accumulators of the WASM kernel).
 */
export function denseMatVecAddF32(w: Float32Array, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void {
  const blocked = cols - (cols % 8);
  const xs = new Float32Array(cols);
  for (let j = 0; j < cols; j++) xs[j] = x[xOffset + j];
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0; // prettier-ignore
    let j = 0;
    for (; j < blocked; j += 8) {
      s0 = fr(s0 + fr(w[base + j] * xs[j]));
      s1 = fr(s1 + fr(w[base + j + 1] * xs[j + 1]));
      s2 = fr(s2 + fr(w[base + j + 2] * xs[j + 2]));
      s3 = fr(s3 + fr(w[base + j + 3] * xs[j + 3]));
      s4 = fr(s4 + fr(w[base + j + 4] * xs[j + 4]));
      s5 = fr(s5 + fr(w[base + j + 5] * xs[j + 5]));
      s6 = fr(s6 + fr(w[base + j + 6] * xs[j + 6]));
      s7 = fr(s7 + fr(w[base + j + 7] * xs[j + 7]));
    }
    const t0 = fr(s0 + s4);
    const t1 = fr(s1 + s5);
    const t2 = fr(s2 + s6);
    const t3 = fr(s3 + s7);
    let acc = fr(fr(t0 + t2) + fr(t1 + t3));
    for (; j < cols; j++) acc = fr(acc + fr(w[base + j] * xs[j]));
    out[i] += acc;
  }
}

/** out[i] += f64(Σ_k values[k] ⊗ f32(x[…])) over row i's synapses in storage order, single precision. */
export const csrMatVecAddF32: Kernels['csrMatVecAddF32'] = (rowPtr, colIdx, values, rows, x, xOffset, out) => {
  for (let i = 0; i < rows; i++) {
    let acc = 0;
    for (let k = rowPtr[i], end = rowPtr[i + 1]; k < end; k++) acc = fr(acc + fr(values[k] * fr(x[xOffset + colIdx[k]])));
    out[i] += acc;
  }
};

/** values[i] = tanh(values[i]) for i < n, by the vectorised algorithm (vector-math.ts). */
export function tanhApprox(values: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) values[i] = tanhFast(values[i]);
}

/** values[i] = σ(values[i]) for i < n, by the vectorised algorithm (vector-math.ts). */
export function sigmoidApprox(values: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) values[i] = sigmoidFast(values[i]);
}
