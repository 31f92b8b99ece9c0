import { describe, expect, it } from 'vitest';
import { arnoldiLargest, leadingEigenvalues } from './arnoldi.ts';
import { eigenvalues } from './hessenberg-qr.ts';
import { randomMatrix, reservoirs400 } from './eigen-test-helpers.ts';

describe('arnoldiLargest (implicitly restarted Arnoldi)', () => {
  it('finds the largest eigenvalues of a diagonal operator', () => {
    const n = 1000;
    const d = Float64Array.from({ length: n }, (_, i) => ((i * 379) % n) / n - 0.3); // a permutation of k/n − 0.3
    const res = arnoldiLargest((x, y) => {
      for (let i = 0; i < n; i++) y[i] = d[i] * x[i];
    }, n, { nev: 3 });
    expect(res.converged).toBe(true);
    expect(res.re[0]).toBeCloseTo(0.699, 12);
    expect(res.re[1]).toBeCloseTo(0.698, 12);
    expect(res.re[2]).toBeCloseTo(0.697, 12);
    expect(Array.from(res.im)).toEqual([0, 0, 0]);
  });

  it('finds complex pairs of a block-rotation operator', () => {
    // 2×2 blocks s_b·R(θ_b): eigenvalues s_b·e^{±iθ_b}; largest s = 1.1 at θ = 0.4.
    const nb = 300;
    const n = 2 * nb;
    const s = Float64Array.from({ length: nb }, (_, b) => (b === 123 ? 1.1 : 0.2 + (0.7 * b) / nb));
    const t = Float64Array.from({ length: nb }, (_, b) => (b === 123 ? 0.4 : 0.01 * b));
    const res = arnoldiLargest((x, y) => {
      for (let b = 0; b < nb; b++) {
        const c = s[b] * Math.cos(t[b]);
        const sn = s[b] * Math.sin(t[b]);
        y[2 * b] = c * x[2 * b] - sn * x[2 * b + 1];
        y[2 * b + 1] = sn * x[2 * b] + c * x[2 * b + 1];
      }
    }, n, { nev: 2 });
    expect(res.converged).toBe(true);
    expect(res.re[0]).toBeCloseTo(1.1 * Math.cos(0.4), 12);
    expect(Math.abs(res.im[0])).toBeCloseTo(1.1 * Math.sin(0.4), 12);
    expect(res.im[1]).toBe(-res.im[0]);
    expect(res.residuals[0]).toBeLessThan(1e-9);
  });

  it('survives an Arnoldi breakdown (rank-one operator u·vᵀ has eigenvalue vᵀu)', () => {
    const n = 500;
    const u = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const v = Float64Array.from({ length: n }, (_, i) => Math.cos(0.5 * i));
    let vu = 0;
    for (let i = 0; i < n; i++) vu += v[i] * u[i];
    const res = arnoldiLargest((x, y) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i] * x[i];
      for (let i = 0; i < n; i++) y[i] = u[i] * s;
    }, n, { nev: 1 });
    expect(res.converged).toBe(true);
    expect(res.re[0]).toBeCloseTo(vu, 10);
  });

  it('rejects tiny problems', () => {
    expect(() => arnoldiLargest(() => {}, 2)).toThrow(/n ≥ 3/);
  });

  it('gives the k leading eigenvalues of dense and sparse reservoirs, as all eigenvalues do, with residuals', () => {
    const { dense, sparse, sparseCsr } = reservoirs400();
    for (const [m, a] of [[dense, dense], [sparseCsr, sparse]] as const) {
      const all = eigenvalues(a);
      const moduli = Array.from(all.re, (re, i) => Math.hypot(re, all.im[i])).sort((x, y) => y - x);
      const res = leadingEigenvalues(m, 6);
      expect(res.converged).toBe(true);
      expect(res.re.length).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < res.re.length; i++) {
        const mod = Math.hypot(res.re[i], res.im[i]);
        expect(mod).toBeCloseTo(moduli[i], 9);
        expect(res.residuals[i]).toBeLessThanOrEqual(1e-10 * mod);
        // each Ritz value is one of the eigenvalues
        const nearest = Math.min(...Array.from(all.re, (re, j) => Math.hypot(re - res.re[i], all.im[j] - res.im[i])));
        expect(nearest).toBeLessThan(1e-9);
      }
    }
  });

  it('reports progress up to 1 and stops when its signal is aborted', () => {
    const n = 500;
    const a = randomMatrix(n, 5);
    const seen: number[] = [];
    leadingEigenvalues(a, 8, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    const stop = { aborted: true };
    expect(() => leadingEigenvalues(a, 8, { signal: stop })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});
