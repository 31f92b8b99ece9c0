import { describe, expect, it } from 'vitest';
import { fromRows, identity } from './csr.ts';
import { determinant, logAbsDeterminant, luDecompose } from './lu.ts';

describe('LU with partial pivoting', () => {
  it('computes known determinants, including the permutation sign', () => {
    expect(determinant(identity(5))).toBe(1);
    expect(determinant(fromRows([[0, 1], [1, 0]]))).toBe(-1);
    expect(determinant(fromRows([[2, 0, 1], [1, 3, 2], [1, 1, 2]]))).toBeCloseTo(6, 13); // 2(6-2) - 0 + 1(1-3)
    expect(determinant(fromRows([[6, 1, 1], [4, -2, 5], [2, 8, 7]]))).toBeCloseTo(-306, 11);
    expect(determinant(fromRows([[1, 2], [2, 4]]))).toBe(0);
  });

  it('reconstructs P·A = L·U', () => {
    const A = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
    const { lu, perm } = luDecompose(A);
    const n = 3;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k <= Math.min(i, j); k++) s += (k === i ? 1 : lu.data[i * n + k]) * lu.data[k * n + j];
        expect(s).toBeCloseTo(A.data[perm[i] * n + j], 13);
      }
    }
  });

  it('gives log|det| without overflow', () => {
    const n = 400;
    const A = identity(n);
    for (let i = 0; i < n; i++) A.data[i * n + i] = i % 2 === 0 ? 1e3 : -1e3;
    const r = logAbsDeterminant(A);
    expect(r.logAbs).toBeCloseTo(n * Math.log(1e3), 9);
    expect(r.sign).toBe(1); // 200 negative factors
    expect(logAbsDeterminant(fromRows([[1, 1], [1, 1]])).sign).toBe(0);
  });
});
