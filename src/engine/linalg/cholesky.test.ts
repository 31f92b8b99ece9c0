import { describe, expect, it } from 'vitest';
import { denseMatrix, fromRows, matMul, transpose } from './csr.ts';
import { cholesky, solveSymmetricPositiveDefinite } from './cholesky.ts';
import type { DenseMatrix } from './types.ts';
import { mulberry32 } from '../../measures/random.ts';

function randomSpd(n: number, seed: number): DenseMatrix {
  const rnd = mulberry32(seed);
  const M = denseMatrix(n, n);
  for (let k = 0; k < n * n; k++) M.data[k] = rnd() - 0.5;
  const A = matMul(M, transpose(M));
  for (let i = 0; i < n; i++) A.data[i * n + i] += 0.1;
  return A;
}

describe('Cholesky', () => {
  it('factors a known matrix exactly', () => {
    // [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L·Lᵀ with L = [[2,0,0],[6,1,0],[−8,5,3]].
    const L = cholesky(fromRows([[4, 12, -16], [12, 37, -43], [-16, -43, 98]]));
    expect(Array.from(L.data)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('solves A·X = B for random SPD systems with several right-hand sides', () => {
    const n = 80;
    const A = randomSpd(n, 1);
    const rnd = mulberry32(2);
    const Xtrue = denseMatrix(n, 3);
    for (let k = 0; k < Xtrue.data.length; k++) Xtrue.data[k] = rnd() * 2 - 1;
    const B = matMul(A, Xtrue);
    const X = solveSymmetricPositiveDefinite(A, B);
    const R = matMul(A, X);
    for (let k = 0; k < B.data.length; k++) expect(Math.abs(R.data[k] - B.data[k])).toBeLessThan(1e-11);
    for (let k = 0; k < X.data.length; k++) expect(Math.abs(X.data[k] - Xtrue.data[k])).toBeLessThan(1e-7);
    // L·Lᵀ reproduces A
    const L = cholesky(A);
    const LLt = matMul(L, transpose(L));
    for (let k = 0; k < A.data.length; k++) expect(LLt.data[k]).toBeCloseTo(A.data[k], 12);
  });

  it('leaves B untouched', () => {
    const A = fromRows([[2, 1], [1, 2]]);
    const B = fromRows([[3], [3]]);
    const X = solveSymmetricPositiveDefinite(A, B);
    expect(X.data[0]).toBeCloseTo(1, 14);
    expect(X.data[1]).toBeCloseTo(1, 14);
    expect(Array.from(B.data)).toEqual([3, 3]);
  });

  it('throws a clear error when the matrix is not positive definite', () => {
    expect(() => cholesky(fromRows([[1, 2], [2, 1]]))).toThrow(/not positive definite \(pivot 1 of 2/);
    expect(() => cholesky(fromRows([[0, 0], [0, 1]]))).toThrow(/not positive definite/);
    expect(() => cholesky(fromRows([[-1]]))).toThrow(/not positive definite/);
    expect(() => solveSymmetricPositiveDefinite(fromRows([[1, 0], [0, 1]]), denseMatrix(3, 1))).toThrow(/rows/);
  });
});
