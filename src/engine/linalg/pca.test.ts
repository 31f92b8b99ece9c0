import { describe, expect, it } from 'vitest';
import { denseMatrix } from './csr.ts';
import { pca, pcaProject } from './pca.ts';
import { mulberry32, gaussianSample } from '../../measures/random.ts';


describe('pca', () => {
  it('recovers the axes and variances of a correlated 2-D Gaussian', () => {
    // x = μ + R(30°)·(3·g1, 0.5·g2): covariance axes (cos 30°, sin 30°) with variance 9 and
    // (−sin 30°, cos 30°) with variance 0.25.
    const N = 20000;
    const th = Math.PI / 6;
    const c = Math.cos(th);
    const s = Math.sin(th);
    const rnd = mulberry32(42);
    const X = denseMatrix(N, 2);
    for (let t = 0; t < N; t++) {
      const a = 3 * gaussianSample(rnd);
      const b = 0.5 * gaussianSample(rnd);
      X.data[2 * t] = 1 + c * a - s * b;
      X.data[2 * t + 1] = -2 + s * a + c * b;
    }
    const fit = pca(X, 2);
    expect(fit.mean[0]).toBeCloseTo(1, 1);
    expect(fit.mean[1]).toBeCloseTo(-2, 1);
    // Sampling error of a variance with N = 20000 is ≈ √(2/N) ≈ 1 %.
    expect(Math.abs(fit.explainedVariance[0] / 9 - 1)).toBeLessThan(0.04);
    expect(Math.abs(fit.explainedVariance[1] / 0.25 - 1)).toBeLessThan(0.04);
    // Axis angles within a degree; signs fixed (largest entry positive).
    const ax = fit.components.data;
    expect(Math.acos(Math.min(1, ax[0] * c + ax[1] * s))).toBeLessThan(Math.PI / 180);
    expect(Math.acos(Math.min(1, -ax[2] * s + ax[3] * c))).toBeLessThan(Math.PI / 180);
    expect(ax[0] * ax[2] + ax[1] * ax[3]).toBeCloseTo(0, 12);
    const ratio = fit.explainedVarianceRatio;
    expect(ratio[0] + ratio[1]).toBeCloseTo(1, 12);
    expect(ratio[0]).toBeGreaterThan(0.96);
  });

  it('projects samples: projected coordinates are uncorrelated with the fitted variances', () => {
    const N = 5000;
    const F = 5;
    const rnd = mulberry32(7);
    const X = denseMatrix(N, F);
    // 5 neurons driven by 2 latent signals plus a little noise: 2 components explain nearly all.
    for (let t = 0; t < N; t++) {
      const z1 = Math.sin(0.01 * t);
      const z2 = Math.cos(0.037 * t);
      for (let f = 0; f < F; f++) X.data[t * F + f] = (f + 1) * z1 + (f % 2 === 0 ? 1 : -1) * z2 + 0.01 * gaussianSample(rnd);
    }
    const fit = pca(X, 2);
    expect(fit.explainedVarianceRatio[0] + fit.explainedVarianceRatio[1]).toBeGreaterThan(0.999);
    const P = pcaProject(X, fit);
    expect([P.rows, P.cols]).toEqual([N, 2]);
    let m0 = 0;
    let m1 = 0;
    for (let t = 0; t < N; t++) {
      m0 += P.data[2 * t];
      m1 += P.data[2 * t + 1];
    }
    expect(Math.abs(m0 / N)).toBeLessThan(1e-10);
    expect(Math.abs(m1 / N)).toBeLessThan(1e-10);
    let v0 = 0;
    let v1 = 0;
    let c01 = 0;
    for (let t = 0; t < N; t++) {
      v0 += P.data[2 * t] ** 2;
      v1 += P.data[2 * t + 1] ** 2;
      c01 += P.data[2 * t] * P.data[2 * t + 1];
    }
    expect(v0 / (N - 1)).toBeCloseTo(fit.explainedVariance[0], 9);
    expect(v1 / (N - 1)).toBeCloseTo(fit.explainedVariance[1], 9);
    expect(Math.abs(c01 / (N - 1))).toBeLessThan(1e-9);
  });

  it('validates its arguments', () => {
    expect(() => pca(denseMatrix(1, 3), 1)).toThrow(/at least 2 samples/);
    expect(() => pca(denseMatrix(4, 3), 4)).toThrow(/components/);
    expect(() => pca(denseMatrix(4, 3), 0)).toThrow(/components/);
    expect(() => pcaProject(denseMatrix(4, 2), pca(denseMatrix(4, 3, new Float64Array(12).map((_, i) => i * i)), 1))).toThrow(/features/);
  });
});
