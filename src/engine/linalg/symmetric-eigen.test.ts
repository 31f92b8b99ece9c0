import { describe, expect, it } from 'vitest';
import { denseMatrix, fromRows, identity, matMul, transpose } from './csr.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import type { DenseMatrix } from './types.ts';
import { mulberry32 } from '../../measures/random.ts';

function randomSymmetric(n: number, seed: number): DenseMatrix {
  const rnd = mulberry32(seed);
  const A = denseMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = rnd() * 2 - 1;
      A.data[i * n + j] = v;
      A.data[j * n + i] = v;
    }
  }
  return A;
}
function checkDecomposition(A: DenseMatrix, tol: number) {
  const n = A.rows;
  const { values, vectors } = symmetricEigen(A);
  for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  const AV = matMul(A, vectors);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) expect(Math.abs(AV.data[i * n + j] - vectors.data[i * n + j] * values[j])).toBeLessThan(tol);
  }
  const VtV = matMul(transpose(vectors), vectors);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Math.abs(VtV.data[i * n + j] - (i === j ? 1 : 0))).toBeLessThan(tol);
  return { values, vectors };
}

describe('symmetricEigen', () => {
  it('solves a 2×2 with known eigenpairs', () => {
    const { values, vectors } = symmetricEigen(fromRows([[2, 1], [1, 2]]));
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    const r = Math.SQRT1_2;
    expect(vectors.data[0]).toBeCloseTo(r, 14); // column 0 = (1, 1)/√2
    expect(vectors.data[2]).toBeCloseTo(r, 14);
    expect(Math.abs(vectors.data[1])).toBeCloseTo(r, 14); // column 1 = ±(1, −1)/√2
    expect(vectors.data[3]).toBeCloseTo(-vectors.data[1], 14);
  });

  it('handles diagonal, identity, 1×1 and zero matrices', () => {
    const D = denseMatrix(4, 4);
    [3, -1, 7, 0].forEach((d, i) => (D.data[i * 4 + i] = d));
    expect(Array.from(symmetricEigen(D).values)).toEqual([7, 3, 0, -1]);
    expect(Array.from(symmetricEigen(identity(5)).values)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(symmetricEigen(fromRows([[-2]])).values)).toEqual([-2]);
    const z = symmetricEigen(denseMatrix(3, 3));
    expect(Array.from(z.values)).toEqual([0, 0, 0]);
    expect(Array.from(z.vectors.data)).toEqual(Array.from(identity(3).data));
  });

  it('decomposes random symmetric matrices (A·V = V·Λ, VᵀV = I, Σλ = trace)', () => {
    for (const [n, seed] of [[3, 1], [17, 2], [120, 3]] as const) {
      const A = randomSymmetric(n, seed);
      const { values } = checkDecomposition(A, 1e-11 * n);
      let tr = 0;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        tr += A.data[i * n + i];
        sum += values[i];
      }
      expect(sum).toBeCloseTo(tr, 11);
    }
  });

  it('resolves repeated eigenvalues with an orthonormal basis', () => {
    // Q·diag(5, 5, 5, 1, 1, −2)·Qᵀ with Q a Householder reflector
    const u = [1, 2, -1, 0.5, 3, -2];
    const n = u.length;
    const uu = u.reduce((s, x) => s + x * x, 0);
    const Q = denseMatrix(n, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Q.data[i * n + j] = (i === j ? 1 : 0) - (2 * u[i] * u[j]) / uu;
    const D = denseMatrix(n, n);
    [5, 5, 5, 1, 1, -2].forEach((d, i) => (D.data[i * n + i] = d));
    const A = matMul(matMul(Q, D), Q);
    const { values } = checkDecomposition(A, 1e-13 * 10);
    const expected = [5, 5, 5, 1, 1, -2];
    for (let i = 0; i < n; i++) expect(values[i]).toBeCloseTo(expected[i], 13);
  });

  it('rejects non-square input', () => {
    expect(() => symmetricEigen(denseMatrix(2, 3))).toThrow(/square/);
  });
});
