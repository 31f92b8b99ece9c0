/**
 * Matrices with known spectra and comparisons for the eigenvalue tests.
 */
import { expect } from 'vitest';
import { denseMatrix } from './csr.ts';
import type { CsrMatrix, DenseMatrix } from './types.ts';
import { gaussianSample, mulberry32 } from '../../measures/random.ts';

/** n×n with i.i.d. standard normal entries. */
export function randomMatrix(n: number, seed: number): DenseMatrix {
  const rnd = mulberry32(seed);
  const m = denseMatrix(n, n);
  for (let k = 0; k < n * n; k++) m.data[k] = gaussianSample(rnd);
  return m;
}

/** Companion matrix of the monic polynomial with the given real/complex-pair roots. */
export function companion(roots: Array<[number, number]>): DenseMatrix {
  // Expand ∏(x − r) with complex arithmetic; coefficients are real for conjugate-closed roots.
  let cr = [1];
  let ci = [0];
  for (const [rr, ri] of roots) {
    const nr = new Array(cr.length + 1).fill(0);
    const ni = new Array(cr.length + 1).fill(0);
    for (let k = 0; k < cr.length; k++) {
      nr[k] += cr[k];
      ni[k] += ci[k];
      nr[k + 1] -= cr[k] * rr - ci[k] * ri;
      ni[k + 1] -= cr[k] * ri + ci[k] * rr;
    }
    cr = nr;
    ci = ni;
  }
  const n = roots.length;
  const m = denseMatrix(n, n);
  for (let j = 0; j < n; j++) m.data[j] = -cr[j + 1]; // x^n + c1 x^{n-1} + … + cn
  for (let i = 1; i < n; i++) m.data[i * n + i - 1] = 1;
  return m;
}

/** Largest distance between computed and expected eigenvalues under greedy nearest matching. */
export function matchError(got: { re: Float64Array; im: Float64Array }, expected: Array<[number, number]>): number {
  expect(got.re.length).toBe(expected.length);
  const used = new Array(expected.length).fill(false);
  let worst = 0;
  for (let i = 0; i < got.re.length; i++) {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < expected.length; j++) {
      if (used[j]) continue;
      const d = Math.hypot(got.re[i] - expected[j][0], got.im[i] - expected[j][1]);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    used[best] = true;
    worst = Math.max(worst, bestD);
  }
  return worst;
}

export function trace(m: DenseMatrix): number {
  let t = 0;
  for (let i = 0; i < m.rows; i++) t += m.data[i * m.cols + i];
  return t;
}

/**
 * Q·A·Qᵀ for Q a product of `count` Householder reflectors with random unit vectors: an
 * orthogonal similarity that fills a structured matrix (eigenvalues unchanged).
 */
export function orthogonalSimilarity(a: DenseMatrix, count: number, seed: number): DenseMatrix {
  const n = a.rows;
  const m = Float64Array.from(a.data);
  const rnd = mulberry32(seed);
  const w = new Float64Array(n);
  for (let r = 0; r < count; r++) {
    const v = Float64Array.from({ length: n }, () => gaussianSample(rnd));
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] /= norm;
    // left: M −= 2v(vᵀM)
    w.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[j] += v[i] * m[i * n + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] -= 2 * v[i] * w[j];
    // right: M −= 2(Mv)vᵀ
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += m[i * n + j] * v[j];
      for (let j = 0; j < n; j++) m[i * n + j] -= 2 * s * v[j];
    }
  }
  return denseMatrix(n, n, m);
}

/** Reservoir-style matrix: each entry nonzero with probability `density`, normal or uniform(−1, 1). */
export function reservoir(n: number, density: number, dist: 'normal' | 'uniform', seed: number): DenseMatrix {
  const rnd = mulberry32(seed);
  const m = denseMatrix(n, n);
  for (let k = 0; k < n * n; k++) {
    if (rnd() < density) m.data[k] = dist === 'normal' ? gaussianSample(rnd) : 2 * rnd() - 1;
  }
  return m;
}
/** The same matrix as `reservoir(n, density, 'normal', seed)` for density < 1, built directly as CSR. */
export function sparseReservoir(n: number, density: number, seed: number): CsrMatrix {
  const rnd = mulberry32(seed);
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (rnd() < density) {
        cols.push(j);
        vals.push(gaussianSample(rnd));
      }
    }
    rowPtr[i + 1] = cols.length;
  }
  return { rows: n, cols: n, rowPtr, colIdx: Int32Array.from(cols), values: Float64Array.from(vals) };
}
