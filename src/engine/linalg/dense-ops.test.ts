import { describe, expect, it } from 'vitest';
import { denseWorkspace, jsDenseOps, type DenseOps } from './dense-ops.ts';
import { hessenbergBlocked, hessenbergInPlace, hessenbergScratch } from './hessenberg.ts';
import { hessenbergEigenvaluesInPlace } from './hessenberg-qr.ts';
import { matchError, randomMatrix } from './eigen-test-helpers.ts';
import { mulberry32 } from '../../measures/random.ts';

function filled(size: number, seed: number): { simd: DenseOps; js: DenseOps } {
  const simd = denseWorkspace(size, { simd: true });
  const rnd = mulberry32(seed);
  for (let k = 0; k < size; k++) simd.mem[k] = 2 * rnd() - 1;
  return { simd, js: jsDenseOps(Float64Array.from(simd.mem)) };
}

describe('dense kernels (WASM SIMD and their JS twins)', () => {
  it('C −= A·B: both loop orders and both implementations give the same bits, and the right values', () => {
    for (const [m, n, k] of [[7, 9, 13], [16, 31, 4], [5, 1, 3], [33, 40, 37]]) {
      const size = 8000;
      const { simd, js } = filled(size, m * n * k);
      const c = 0, a = 2000, b = 4000; // C m×n (ld 41), A m×k (ld 40), B k×n (ld 41)
      const expected = Float64Array.from(js.mem);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += js.mem[a + i * 40 + p] * js.mem[b + p * 41 + j];
        expected[c + i * 41 + j] -= s;
      }
      const panel = jsDenseOps(Float64Array.from(js.mem));
      simd.gemmRows(c, 41, a, 40, b, 41, m, n, k);
      js.gemmRows(c, 41, a, 40, b, 41, m, n, k);
      panel.gemmPanel(c, 41, a, 40, b, 41, m, n, k);
      expect(Array.from(simd.mem)).toEqual(Array.from(js.mem));
      expect(Array.from(panel.mem)).toEqual(Array.from(js.mem));
      for (let k2 = 0; k2 < size; k2++) expect(js.mem[k2]).toBeCloseTo(expected[k2], 12);
      const simdPanel = filled(size, m * n * k).simd;
      simdPanel.gemmPanel(c, 41, a, 40, b, 41, m, n, k);
      expect(Array.from(simdPanel.mem)).toEqual(Array.from(js.mem));
    }
  });

  it('y = A·x: the same bits in both implementations, and the right values', () => {
    for (const [rows, cols] of [[5, 3], [9, 17], [12, 64]]) {
      const { simd, js } = filled(2000, rows + cols);
      simd.matvec(3, 70, rows, cols, 1500, 1800);
      js.matvec(3, 70, rows, cols, 1500, 1800);
      expect(Array.from(simd.mem)).toEqual(Array.from(js.mem));
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let c = 0; c < cols; c++) s += js.mem[3 + r * 70 + c] * js.mem[1500 + c];
        expect(js.mem[1800 + r]).toBeCloseTo(s, 13);
      }
    }
  });

  it('chained double-shift sweeps: the same bits in both implementations', () => {
    const n = 60;
    const { simd, js } = filled(n * n + 8, 3);
    for (const ops of [simd, js]) {
      for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) ops.mem[i * n + j] = 0; // Hessenberg
      ops.mem.set([0.3, -0.2, 1.1, 0.5], n * n); // sums
      ops.mem.set([0.4, 0.5, 0.3, 0.2], n * n + 4); // products
      ops.chainSweep(0, n, 3, n - 2, n * n, n * n + 4, 4);
    }
    expect(Array.from(simd.mem)).toEqual(Array.from(js.mem));
  });
});

describe('blocked Hessenberg reduction', () => {
  it('is an orthogonal similarity to Hessenberg form with the unblocked reduction\'s eigenvalues, the same bits in WASM and JS', () => {
    const n = 300;
    const a = randomMatrix(n, 12);
    const runs = [true, false].map((simd) => {
      const ops = denseWorkspace(n * n + hessenbergScratch(n), { simd });
      ops.mem.set(a.data);
      for (const f of hessenbergBlocked(ops, n)) expect(f).toBeLessThanOrEqual(1);
      return ops.mem.slice(0, n * n);
    });
    expect(Array.from(runs[0])).toEqual(Array.from(runs[1]));
    const h = runs[0];
    let fa = 0, fh = 0, ta = 0, th = 0;
    for (let k = 0; k < n * n; k++) {
      fa += a.data[k] ** 2;
      fh += h[k] ** 2;
    }
    for (let i = 0; i < n; i++) {
      ta += a.data[i * n + i];
      th += h[i * n + i];
      for (let j = 0; j < i - 1; j++) expect(h[i * n + j]).toBe(0);
    }
    expect(Math.abs(Math.sqrt(fh) - Math.sqrt(fa))).toBeLessThan(1e-13 * Math.sqrt(fa));
    expect(Math.abs(th - ta)).toBeLessThan(1e-11);
    const unblocked = { rows: n, cols: n, data: Float64Array.from(a.data) };
    hessenbergInPlace(unblocked);
    const ref = hessenbergEigenvaluesInPlace(unblocked);
    const got = hessenbergEigenvaluesInPlace({ rows: n, cols: n, data: h });
    expect(matchError(got, Array.from(ref.re, (re, i) => [re, ref.im[i]] as [number, number]))).toBeLessThan(1e-11);
  });
});
