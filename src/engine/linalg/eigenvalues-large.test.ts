/**
 * The large-matrix path of `eigenvalues` (n > 75: blocked Hessenberg reduction, multishift QR
 * with aggressive early deflation) against analytic spectra, identities and residuals; the WASM
 * and JS kernels giving the same bits; progress and cancellation.
 */
import { describe, expect, it } from 'vitest';
import { denseMatrix, matMul } from './csr.ts';
import { matchError, orthogonalSimilarity, randomMatrix, trace } from './eigen-test-helpers.ts';
import { eigenvalues, eigenvaluesAsync } from './hessenberg-qr.ts';
import { logAbsDeterminant, luDecompose } from './lu.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import type { DenseMatrix } from './types.ts';
import { mulberry32 } from '../../measures/random.ts';

/** Block diagonal of 2×2 blocks s·R(θ) (eigenvalues s·e^{±iθ}) and 1×1 entries, hidden by an orthogonal similarity. */
function rotationBlocks(blocks: Array<[number, number]>, reals: number[], seed: number): { a: DenseMatrix; spectrum: Array<[number, number]> } {
  const n = 2 * blocks.length + reals.length;
  const d = denseMatrix(n, n);
  const spectrum: Array<[number, number]> = [];
  blocks.forEach(([s, th], b) => {
    const i = 2 * b;
    d.data[i * n + i] = s * Math.cos(th);
    d.data[i * n + i + 1] = -s * Math.sin(th);
    d.data[(i + 1) * n + i] = s * Math.sin(th);
    d.data[(i + 1) * n + i + 1] = s * Math.cos(th);
    spectrum.push([s * Math.cos(th), s * Math.sin(th)], [s * Math.cos(th), -s * Math.sin(th)]);
  });
  reals.forEach((r, k) => {
    const i = 2 * blocks.length + k;
    d.data[i * n + i] = r;
    spectrum.push([r, 0]);
  });
  return { a: orthogonalSimilarity(d, 4, seed), spectrum };
}

/**
 * ‖A·x − λ·x‖ / ‖A‖_F for x from two steps of inverse iteration with (A − λI), complex λ through
 * the real 2n×2n system [[A − aI, bI], [−bI, A − aI]]·[xr; xi] = rhs.
 */
function residual(a: DenseMatrix, re: number, im: number): number {
  const n = a.rows;
  const m = 2 * n;
  const big = denseMatrix(m, m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      big.data[i * m + j] = a.data[i * n + j];
      big.data[(n + i) * m + n + j] = a.data[i * n + j];
    }
    big.data[i * m + i] -= re;
    big.data[(n + i) * m + n + i] -= re;
    big.data[i * m + n + i] = im;
    big.data[(n + i) * m + i] = -im;
  }
  const { lu, perm } = luDecompose(big);
  const L = lu.data;
  let x = Float64Array.from({ length: m }, (_, k) => 1 + (k % 7) * 0.1);
  for (let it = 0; it < 2; it++) {
    const y = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = x[perm[i]];
      for (let j = 0; j < i; j++) s -= L[i * m + j] * y[j];
      y[i] = s;
    }
    for (let i = m - 1; i >= 0; i--) {
      let s = y[i];
      for (let j = i + 1; j < m; j++) s -= L[i * m + j] * y[j];
      const piv = L[i * m + i] === 0 ? 1e-300 : L[i * m + i];
      y[i] = s / piv;
    }
    let norm = 0;
    for (const v of y) norm += v * v;
    norm = Math.sqrt(norm);
    x = y.map((v) => v / norm);
  }
  // r = A·x − λ·x in complex form: x = xr + i·xi.
  let r2 = 0;
  let fro = 0;
  for (let k = 0; k < n * n; k++) fro += a.data[k] * a.data[k];
  for (let i = 0; i < n; i++) {
    let axr = 0;
    let axi = 0;
    for (let j = 0; j < n; j++) {
      axr += a.data[i * n + j] * x[j];
      axi += a.data[i * n + j] * x[n + j];
    }
    const rr = axr - (re * x[i] - im * x[n + i]);
    const ri = axi - (re * x[n + i] + im * x[i]);
    r2 += rr * rr + ri * ri;
  }
  return Math.sqrt(r2) / Math.sqrt(fro);
}

describe('eigenvalues of large matrices (multishift QR with aggressive early deflation)', () => {
  it('finds the spectrum of rotation blocks under an orthogonal similarity (n = 240)', () => {
    const rnd = mulberry32(5);
    const blocks = Array.from({ length: 110 }, () => [0.2 + 0.8 * rnd(), 0.05 + 3 * rnd()] as [number, number]);
    const reals = Array.from({ length: 20 }, () => 2 * rnd() - 1);
    const { a, spectrum } = rotationBlocks(blocks, reals, 1);
    expect(matchError(eigenvalues(a), spectrum)).toBeLessThan(1e-11);
  });

  it('finds the roots of x¹²⁰ − 0.9¹²⁰ from its companion matrix', () => {
    const n = 120;
    const roots = Array.from({ length: n }, (_, k) => [0.9 * Math.cos((2 * Math.PI * k) / n), 0.9 * Math.sin((2 * Math.PI * k) / n)] as [number, number]);
    const c = denseMatrix(n, n);
    c.data[n - 1] = 0.9 ** n; // x^n = 0.9^n: first row (0, …, 0, 0.9^n)
    for (let i = 1; i < n; i++) c.data[i * n + i - 1] = 1;
    expect(matchError(eigenvalues(c), roots)).toBeLessThan(1e-11);
  });

  it('returns the diagonal of a triangular matrix, also under an orthogonal similarity (n = 200)', () => {
    const n = 200;
    const rnd = mulberry32(3);
    const t = denseMatrix(n, n);
    const diag: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      t.data[i * n + i] = 2 * rnd() - 1;
      for (let j = i + 1; j < n; j++) t.data[i * n + j] = (0.05 * (2 * rnd() - 1)) / Math.sqrt(n);
      diag.push([t.data[i * n + i], 0]);
    }
    expect(matchError(eigenvalues(t), diag)).toBeLessThan(1e-13);
    expect(matchError(eigenvalues(orthogonalSimilarity(t, 3, 2)), diag)).toBeLessThan(1e-11);
  });

  it('agrees with the symmetric eigensolver on a symmetric matrix (n = 300)', () => {
    const n = 300;
    const g = randomMatrix(n, 8);
    const s = denseMatrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s.data[i * n + j] = (g.data[i * n + j] + g.data[j * n + i]) / 2;
    const e = eigenvalues(s);
    const sym = symmetricEigen(s).values;
    expect(Math.max(...Array.from(e.im, Math.abs))).toBeLessThan(1e-10);
    expect(matchError(e, Array.from(sym, (v) => [v, 0] as [number, number]))).toBeLessThan(1e-11);
  });

  it('resolves a Jordan cluster to ε^(1/3) and its mean to full accuracy (n = 150)', () => {
    const n = 150;
    const rnd = mulberry32(4);
    const t = denseMatrix(n, n);
    const spectrum: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      t.data[i * n + i] = i < 3 ? 0.5 : 0.6 + rnd();
      spectrum.push([t.data[i * n + i], 0]);
      if (i < 2) t.data[i * n + i + 1] = 1; // J₃(0.5)
    }
    for (let i = 3; i < n; i++) for (let j = i + 1; j < n; j++) t.data[i * n + j] = 0.01 * (2 * rnd() - 1);
    const e = eigenvalues(orthogonalSimilarity(t, 3, 9));
    expect(matchError(e, spectrum)).toBeLessThan(1e-4);
    const near = Array.from(e.re, (re, i) => ({ re, im: e.im[i], d: Math.hypot(re - 0.5, e.im[i]) })).sort((x, y) => x.d - y.d).slice(0, 3);
    expect(Math.abs(near.reduce((s, v) => s + v.re, 0) / 3 - 0.5)).toBeLessThan(1e-10);
  });

  it('satisfies trace, trace(A²) and determinant identities (n = 400, ρ ≈ 1)', () => {
    const n = 400;
    const a = randomMatrix(n, 40);
    for (let k = 0; k < n * n; k++) a.data[k] /= Math.sqrt(n);
    const e = eigenvalues(a);
    let s = 0;
    let s2 = 0;
    let logAbs = 0;
    for (let i = 0; i < n; i++) {
      s += e.re[i];
      s2 += e.re[i] * e.re[i] - e.im[i] * e.im[i];
      logAbs += 0.5 * Math.log(e.re[i] * e.re[i] + e.im[i] * e.im[i]);
    }
    expect(Math.abs(s - trace(a))).toBeLessThan(1e-11);
    expect(Math.abs(s2 - trace(matMul(a, a)))).toBeLessThan(1e-10);
    expect(Math.abs(logAbs - logAbsDeterminant(a).logAbs)).toBeLessThan(1e-9);
  });

  it('gives small residuals ‖A·v − λ·v‖ for a sample of eigenvalues (inverse iteration, n = 160)', () => {
    const n = 160;
    const a = randomMatrix(n, 16);
    const e = eigenvalues(a);
    const order = Array.from(e.re.keys()).sort((i, j) => Math.hypot(e.re[j], e.im[j]) - Math.hypot(e.re[i], e.im[i]));
    const sample = [order[0], order[1], order[40], order[80], order[n - 1]];
    expect(sample.some((i) => e.im[i] !== 0)).toBe(true);
    for (const i of sample) expect(residual(a, e.re[i], e.im[i])).toBeLessThan(1e-13);
  });

  it('gives the same bits with the WASM SIMD kernels and the plain-JS kernels', () => {
    for (const [n, density] of [[90, 1], [260, 1], [300, 0.05]] as const) {
      const rnd = mulberry32(n);
      const a = denseMatrix(n, n);
      for (let k = 0; k < n * n; k++) if (rnd() < density) a.data[k] = 2 * rnd() - 1;
      const fast = eigenvalues(a);
      const js = eigenvalues(a, { simd: false });
      expect(Array.from(fast.re)).toEqual(Array.from(js.re));
      expect(Array.from(fast.im)).toEqual(Array.from(js.im));
    }
  });

  it('reports increasing progress ending at 1, and stops when its signal is aborted', async () => {
    const a = randomMatrix(300, 30);
    const seen: number[] = [];
    const e = eigenvalues(a, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);

    const stop = { aborted: false };
    expect(() => eigenvalues(a, { signal: stop, onProgress: (f) => void (stop.aborted = f > 0.2) })).toThrow(expect.objectContaining({ name: 'AbortError' }));

    const controller = new AbortController();
    const pending = eigenvaluesAsync(a, { signal: controller.signal, sliceMs: 0, onProgress: (f) => f > 0.5 && controller.abort() });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const same = await eigenvaluesAsync(a, { sliceMs: 0 });
    expect(Array.from(same.re)).toEqual(Array.from(e.re));
    expect(Array.from(same.im)).toEqual(Array.from(e.im));
  });
});
