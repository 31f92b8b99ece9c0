/**
 * Matrices with known spectra and comparisons for the eigenvalue tests.
 */
import { expect } from 'vitest';
import { csrFromTriplets, denseMatrix, denseToCsr } from './csr.ts';
import type { CsrMatrix, DenseMatrix } from './types.ts';
import { gaussianSample, mulberry32 } from '../../measures/random.ts';
import { cos, sin } from '../math/detmath.ts';

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

/** 2 × 2 rotation blocks s_b·R(0.01·b) on the diagonal of an n × n CSR matrix, scales 0.5 … 1.1 and 1.2 for the middle block (ρ = 1.2); the first block has angle 0 (two single units). */
export function rotationBlocks(n = 1000): CsrMatrix {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let b = 0; b < n / 2; b++) {
    const s = b === n / 4 ? 1.2 : 0.5 + (0.6 * b) / (n / 2);
    const t = 0.01 * b;
    const i = 2 * b;
    r.push(i, i, i + 1, i + 1);
    c.push(i, i + 1, i, i + 1);
    v.push(s * cos(t), -s * sin(t), s * sin(t), s * cos(t));
  }
  return csrFromTriplets(n, n, r, c, v);
}

/** Two recurrent populations of 350 (A normal, B uniform and scaled ×2) with 5 % feed-forward weights 1 → 2: two diagonal blocks. */
export function blockTriangular(): { A: DenseMatrix; B: DenseMatrix; M: DenseMatrix } {
  const n = 700;
  const A = reservoir(350, 0.1, 'normal', 31);
  const B = reservoir(350, 0.1, 'uniform', 32);
  const M = denseMatrix(n, n);
  const rnd = mulberry32(33);
  for (let i = 0; i < 350; i++) {
    for (let j = 0; j < 350; j++) {
      M.data[i * n + j] = A.data[i * 350 + j];
      M.data[(350 + i) * n + 350 + j] = 2 * B.data[i * 350 + j];
      if (rnd() < 0.05) M.data[(350 + i) * n + j] = gaussianSample(rnd); // 1 → 2 only
    }
  }
  return { A, B, M };
}

/** Dense and 5 %-sparse 400-unit reservoirs (normal entries) scaled to ρ ≈ 0.95; the sparse one both dense and as CSR. */
export function reservoirs400(): { dense: DenseMatrix; sparse: DenseMatrix; sparseCsr: CsrMatrix } {
  const n = 400;
  const dense = randomMatrix(n, 77);
  for (let k = 0; k < n * n; k++) dense.data[k] *= 0.95 / Math.sqrt(n);
  const rnd = mulberry32(78);
  const sparse = randomMatrix(n, 79);
  for (let k = 0; k < n * n; k++) sparse.data[k] = rnd() < 0.05 ? sparse.data[k] * (0.95 / Math.sqrt(0.05 * n)) : 0;
  return { dense, sparse, sparseCsr: denseToCsr(sparse) };
}
