import { describe, expect, it } from 'vitest';
import { denseMatrix } from './csr.ts';
import { ridgeRegression } from './ridge.ts';
import { mulberry32 } from '../../measures/random.ts';


/** X (samples × features) random; Y = X·Wᵀ for a known W (outputs × features). */
function linearSystem(samples: number, features: number, outputs: number, seed: number) {
  const rnd = mulberry32(seed);
  const X = denseMatrix(samples, features);
  for (let k = 0; k < X.data.length; k++) X.data[k] = rnd() * 2 - 1;
  const W = denseMatrix(outputs, features);
  for (let k = 0; k < W.data.length; k++) W.data[k] = Math.round((rnd() * 2 - 1) * 100) / 10;
  const Y = denseMatrix(samples, outputs);
  for (let t = 0; t < samples; t++) {
    for (let o = 0; o < outputs; o++) {
      let s = 0;
      for (let f = 0; f < features; f++) s += X.data[t * features + f] * W.data[o * features + f];
      Y.data[t * outputs + o] = s;
    }
  }
  return { X, Y, W };
}

function frob(a: Float64Array): number {
  return Math.sqrt(a.reduce((s, x) => s + x * x, 0));
}

describe('ridgeRegression', () => {
  it('recovers the exact weights of a noiseless linear system as λ → 0', () => {
    const { X, Y, W } = linearSystem(300, 20, 3, 1);
    for (const lambda of [0, 1e-12]) {
      const Wh = ridgeRegression(X, Y, lambda);
      expect([Wh.rows, Wh.cols]).toEqual([3, 20]);
      for (let k = 0; k < W.data.length; k++) expect(Math.abs(Wh.data[k] - W.data[k])).toBeLessThan(1e-9);
    }
  });

  it('reports the samples taken into the normal equations every 64, and the last; the weights are the same; a throw stops it', () => {
    const { X, Y } = linearSystem(150, 8, 2, 5);
    const reports: [number, number][] = [];
    const Wh = ridgeRegression(X, Y, 1e-3, (rows, total) => void reports.push([rows, total]));
    expect(reports).toEqual([
      [64, 150],
      [128, 150],
      [150, 150],
    ]);
    expect(Array.from(Wh.data)).toEqual(Array.from(ridgeRegression(X, Y, 1e-3).data));
    expect(() =>
      ridgeRegression(X, Y, 1e-3, () => {
        throw new Error('stopped');
      }),
    ).toThrow('stopped');
  });

  it('shrinks the weights toward 0 as λ grows, monotonically', () => {
    const { X, Y, W } = linearSystem(200, 10, 2, 2);
    let prev = frob(W.data) * (1 + 1e-9);
    for (const lambda of [1e-3, 1, 10, 100, 1e4, 1e8]) {
      const n = frob(ridgeRegression(X, Y, lambda).data);
      expect(n).toBeLessThan(prev);
      prev = n;
    }
    expect(prev).toBeLessThan(1e-4 * frob(W.data));
  });

  it('matches the closed form w = Σxy / (Σx² + λ) for one feature', () => {
    const X = denseMatrix(4, 1, [1, 2, 3, 4]);
    const Y = denseMatrix(4, 1, [2, 3, 7, 8]);
    const sxy = 2 + 6 + 21 + 32;
    const sxx = 1 + 4 + 9 + 16;
    expect(ridgeRegression(X, Y, 0).data[0]).toBeCloseTo(sxy / sxx, 14);
    expect(ridgeRegression(X, Y, 5).data[0]).toBeCloseTo(sxy / (sxx + 5), 14);
  });

  it('throws on rank deficiency with λ = 0, bad λ and mismatched shapes', () => {
    const X = denseMatrix(5, 2, [1, 2, 2, 4, 3, 6, 4, 8, 5, 10]); // column 2 = 2 × column 1
    const Y = denseMatrix(5, 1, [1, 2, 3, 4, 5]);
    expect(() => ridgeRegression(X, Y, 0)).toThrow(/not positive definite/);
    expect(() => ridgeRegression(X, Y, 1e-6)).not.toThrow();
    expect(() => ridgeRegression(X, Y, -1)).toThrow(/lambda/);
    expect(() => ridgeRegression(X, denseMatrix(4, 1), 1)).toThrow(/samples/);
  });
});
