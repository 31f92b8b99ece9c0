import { describe, expect, it } from 'vitest';
import { csrFromTriplets, csrToDense, denseMatrix, denseToCsr, fromRows, identity, matMul, matVec, transpose } from './csr.ts';
import { mulberry32 } from '../../measures/random.ts';


describe('dense and CSR helpers', () => {
  const A = fromRows([
    [1, 0, 2],
    [0, 0, 0],
    [-3, 4, 0],
    [0, 5, 6],
  ]);

  it('denseToCsr drops zeros by default and keeps them on request', () => {
    const c = denseToCsr(A);
    expect(Array.from(c.rowPtr)).toEqual([0, 2, 2, 4, 6]);
    expect(Array.from(c.colIdx)).toEqual([0, 2, 0, 1, 1, 2]);
    expect(Array.from(c.values)).toEqual([1, 2, -3, 4, 5, 6]);
    const full = denseToCsr(A, false);
    expect(full.values.length).toBe(12);
    expect(Array.from(full.rowPtr)).toEqual([0, 3, 6, 9, 12]);
  });

  it('csrToDense inverts denseToCsr', () => {
    expect(Array.from(csrToDense(denseToCsr(A)).data)).toEqual(Array.from(A.data));
    expect(Array.from(csrToDense(denseToCsr(A, false)).data)).toEqual(Array.from(A.data));
  });

  it('matVec gives the same product for dense and CSR', () => {
    const x = new Float64Array([1, 2, 3]);
    expect(Array.from(matVec(A, x, new Float64Array(4)))).toEqual([7, 0, 5, 28]);
    expect(Array.from(matVec(denseToCsr(A), x, new Float64Array(4)))).toEqual([7, 0, 5, 28]);
    expect(() => matVec(A, new Float64Array(2), new Float64Array(4))).toThrow(/columns/);
  });

  it('matVec agrees on a random sparse matrix', () => {
    const rnd = mulberry32(3);
    const n = 50;
    const M = denseMatrix(n, n);
    for (let k = 0; k < n * n; k++) if (rnd() < 0.1) M.data[k] = rnd() - 0.5;
    const x = Float64Array.from({ length: n }, () => rnd());
    const yd = matVec(M, x, new Float64Array(n));
    const ys = matVec(denseToCsr(M), x, new Float64Array(n));
    for (let i = 0; i < n; i++) expect(ys[i]).toBeCloseTo(yd[i], 14);
  });

  it('transposes dense and CSR matrices consistently', () => {
    const t = transpose(A);
    expect([t.rows, t.cols]).toEqual([3, 4]);
    expect(Array.from(t.data)).toEqual([1, 0, -3, 0, 0, 0, 4, 5, 2, 0, 0, 6]);
    const tc = transpose(denseToCsr(A));
    expect(Array.from(csrToDense(tc).data)).toEqual(Array.from(t.data));
    expect(Array.from(tc.colIdx)).toEqual([0, 2, 2, 3, 0, 3]); // ascending within rows
  });

  it('csrFromTriplets sorts columns and sums duplicates', () => {
    const c = csrFromTriplets(2, 3, [1, 0, 1, 0, 1], [2, 1, 0, 1, 2], [1, 2, 3, 4, 5]);
    expect(Array.from(c.rowPtr)).toEqual([0, 1, 3]);
    expect(Array.from(c.colIdx)).toEqual([1, 0, 2]);
    expect(Array.from(c.values)).toEqual([6, 3, 6]);
    expect(() => csrFromTriplets(2, 2, [2], [0], [1])).toThrow(/out of range/);
  });

  it('matMul with the identity is a no-op and agrees with a hand product', () => {
    expect(Array.from(matMul(A, identity(3)).data)).toEqual(Array.from(A.data));
    const B = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(matMul(B, B).data)).toEqual([7, 10, 15, 22]);
    expect(() => matMul(A, A)).toThrow(/do not agree/);
  });
});
