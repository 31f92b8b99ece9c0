import { describe, expect, it } from 'vitest';
import { balanceInPlace } from './balance.ts';
import { denseMatrix, fromRows, matMul } from './csr.ts';
import { eigenvalues, hessenbergInPlace } from './hessenberg-qr.ts';
import { logAbsDeterminant } from './lu.ts';
import { mulberry32 } from '../../measures/random.ts';
import { companion, matchError, randomMatrix, trace } from './eigen-test-helpers.ts';

describe('eigenvalues (Hessenberg + Francis double-shift QR)', () => {
  it('handles 0×0, 1×1 and the zero matrix', () => {
    expect(eigenvalues(denseMatrix(0, 0)).re.length).toBe(0);
    const one = eigenvalues(fromRows([[-3.5]]));
    expect(Array.from(one.re)).toEqual([-3.5]);
    expect(Array.from(one.im)).toEqual([0]);
    const z = eigenvalues(denseMatrix(7, 7));
    expect(Array.from(z.re)).toEqual(new Array(7).fill(0));
    expect(Array.from(z.im)).toEqual(new Array(7).fill(0));
  });

  it('solves 2×2 blocks: real pair, complex pair, repeated', () => {
    const s33 = Math.sqrt(33);
    expect(matchError(eigenvalues(fromRows([[1, 2], [3, 4]])), [[(5 + s33) / 2, 0], [(5 - s33) / 2, 0]])).toBeLessThan(1e-14);
    const rot = eigenvalues(fromRows([[0, -1], [1, 0]]));
    expect(matchError(rot, [[0, 1], [0, -1]])).toBeLessThan(1e-15);
    expect(rot.im[0]).toBeGreaterThan(0); // positive imaginary part first
    expect(matchError(eigenvalues(fromRows([[2, 1], [0, 2]])), [[2, 0], [2, 0]])).toBe(0);
  });

  it('finds the complex pair of a 3-D rotation and its real axis eigenvalue', () => {
    const th = 0.7;
    const c = Math.cos(th);
    const s = Math.sin(th);
    const R = fromRows([[c, -s, 0], [s, c, 0], [0, 0, 1]]);
    expect(matchError(eigenvalues(R), [[c, s], [c, -s], [1, 0]])).toBeLessThan(1e-14);
  });

  it('finds the roots of companion matrices of known polynomials', () => {
    // (x−1)(x−2)…(x−8)
    const r8 = Array.from({ length: 8 }, (_, i) => [i + 1, 0] as [number, number]);
    expect(matchError(eigenvalues(companion(r8)), r8)).toBeLessThan(1e-8);
    // x^12 − 1: the 12th roots of unity
    const unity = Array.from({ length: 12 }, (_, k) => [Math.cos((2 * Math.PI * k) / 12), Math.sin((2 * Math.PI * k) / 12)] as [number, number]);
    expect(matchError(eigenvalues(companion(unity)), unity)).toBeLessThan(1e-12);
    // (x² + 1)(x² − 2x + 5)(x − 3)(x + 0.5): ±i, 1 ± 2i, 3, −0.5
    const mixed: Array<[number, number]> = [[0, 1], [0, -1], [1, 2], [1, -2], [3, 0], [-0.5, 0]];
    expect(matchError(eigenvalues(companion(mixed)), mixed)).toBeLessThan(1e-12);
  });

  it('returns the diagonal of a triangular matrix', () => {
    const n = 60;
    const rnd = mulberry32(11);
    const T = denseMatrix(n, n);
    const diag: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) T.data[i * n + j] = rnd() * 2 - 1;
      diag.push([T.data[i * n + i], 0]);
    }
    expect(matchError(eigenvalues(T), diag)).toBeLessThan(1e-12);
  });

  it('handles defective and repeated eigenvalues to the accuracy theory allows', () => {
    // A 4×4 Jordan block J₄(2) hidden by a similarity: error ≈ ε^(1/4) ≈ 1e-4 at worst.
    const J = fromRows([[2, 1, 0, 0], [0, 2, 1, 0], [0, 0, 2, 1], [0, 0, 0, 2]]);
    const S = fromRows([[1, 2, 0, 1], [0, 1, 3, 0], [1, 0, 1, 1], [2, 1, 0, 3]]);
    // S⁻¹ for this S, by solving with Gauss–Jordan inline.
    const n = 4;
    const aug = Array.from({ length: n }, (_, i) => [...Array.from(S.data.slice(i * n, i * n + n)), ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
    for (let k = 0; k < n; k++) {
      let p = k;
      for (let i = k + 1; i < n; i++) if (Math.abs(aug[i][k]) > Math.abs(aug[p][k])) p = i;
      [aug[k], aug[p]] = [aug[p], aug[k]];
      const piv = aug[k][k];
      for (let j = 0; j < 2 * n; j++) aug[k][j] /= piv;
      for (let i = 0; i < n; i++) {
        if (i === k) continue;
        const f = aug[i][k];
        for (let j = 0; j < 2 * n; j++) aug[i][j] -= f * aug[k][j];
      }
    }
    const Sinv = fromRows(aug.map((r) => r.slice(n)));
    const A = matMul(matMul(S, J), Sinv);
    const e = eigenvalues(A);
    expect(matchError(e, [[2, 0], [2, 0], [2, 0], [2, 0]])).toBeLessThan(1e-3);
    let sum = 0;
    for (let i = 0; i < 4; i++) sum += e.re[i];
    expect(sum).toBeCloseTo(8, 10); // the mean of a perturbed Jordan cluster stays accurate

    // Semisimple repeated eigenvalues under an orthogonal similarity (a Householder reflector).
    const u = [1, -2, 0.5, 3, 1];
    const uu = u.reduce((s, x) => s + x * x, 0);
    const Q = denseMatrix(5, 5);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) Q.data[i * 5 + j] = (i === j ? 1 : 0) - (2 * u[i] * u[j]) / uu;
    const D = denseMatrix(5, 5);
    [1, 1, 1, -2, -2].forEach((d, i) => (D.data[i * 5 + i] = d));
    expect(matchError(eigenvalues(matMul(matMul(Q, D), Q)), [[1, 0], [1, 0], [1, 0], [-2, 0], [-2, 0]])).toBeLessThan(1e-13);
  });

  it('finds cyclic-permutation eigenvalues (roots of unity, all of equal modulus)', () => {
    const n = 9;
    const P = denseMatrix(n, n);
    for (let i = 0; i < n; i++) P.data[i * n + ((i + 1) % n)] = 0.5;
    const expected = Array.from({ length: n }, (_, k) => [0.5 * Math.cos((2 * Math.PI * k) / n), 0.5 * Math.sin((2 * Math.PI * k) / n)] as [number, number]);
    expect(matchError(eigenvalues(P), expected)).toBeLessThan(1e-14);
  });

  it('satisfies trace, trace(A²) and determinant identities on random matrices', () => {
    for (const [n, seed] of [[5, 1], [40, 2], [200, 3]] as const) {
      const A = randomMatrix(n, seed);
      const e = eigenvalues(A);
      let sre = 0;
      let sim = 0;
      let s2 = 0; // Σ λ² (real part; imaginary parts cancel in pairs)
      let logAbs = 0;
      let negatives = 0;
      for (let i = 0; i < n; i++) {
        sre += e.re[i];
        sim += e.im[i];
        s2 += e.re[i] * e.re[i] - e.im[i] * e.im[i];
        logAbs += 0.5 * Math.log(e.re[i] * e.re[i] + e.im[i] * e.im[i]);
        if (e.im[i] === 0 && e.re[i] < 0) negatives++;
        if (e.im[i] !== 0) {
          // conjugate pairs are adjacent, positive imaginary part first
          const partner = e.im[i] > 0 ? i + 1 : i - 1;
          expect(e.re[partner]).toBe(e.re[i]);
          expect(e.im[partner]).toBe(-e.im[i]);
        }
      }
      const tol = 1e-11 * n * Math.sqrt(n);
      expect(Math.abs(sre - trace(A))).toBeLessThan(tol);
      expect(Math.abs(sim)).toBeLessThan(tol);
      expect(Math.abs(s2 - trace(matMul(A, A)))).toBeLessThan(tol * Math.sqrt(n));
      const det = logAbsDeterminant(A);
      expect(Math.abs(logAbs - det.logAbs)).toBeLessThan(1e-9 * n);
      expect(negatives % 2 === 0 ? 1 : -1).toBe(det.sign);
    }
  });

  it('reduces to Hessenberg form by an orthogonal similarity', () => {
    const n = 30;
    const A = randomMatrix(n, 9);
    const H = { rows: n, cols: n, data: Float64Array.from(A.data) };
    hessenbergInPlace(H);
    let fa = 0;
    let fh = 0;
    for (let k = 0; k < n * n; k++) {
      fa += A.data[k] ** 2;
      fh += H.data[k] ** 2;
    }
    for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) expect(H.data[i * n + j]).toBe(0);
    expect(Math.abs(Math.sqrt(fh) - Math.sqrt(fa))).toBeLessThan(1e-12 * Math.sqrt(fa)); // Frobenius norm kept
    expect(trace(H)).toBeCloseTo(trace(A), 11);
  });

  it('is unaffected by bad scaling thanks to balancing', () => {
    const A = randomMatrix(12, 4);
    const ref = eigenvalues(A);
    const B = { rows: 12, cols: 12, data: Float64Array.from(A.data) };
    const d = Array.from({ length: 12 }, (_, i) => 10 ** (i - 6));
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) B.data[i * 12 + j] *= d[i] / d[j];
    const expected = Array.from(ref.re, (re, i) => [re, ref.im[i]] as [number, number]);
    expect(matchError(eigenvalues(B), expected)).toBeLessThan(1e-10);
    // balancing returns power-of-two factors and preserves the trace
    const C = { rows: 12, cols: 12, data: Float64Array.from(B.data) };
    const f = balanceInPlace(C);
    for (const x of f) expect(Math.log2(x)).toBe(Math.round(Math.log2(x)));
    expect(trace(C)).toBeCloseTo(trace(B), 10);
  });

  it('handles n = 500 (trace identity, conjugate symmetry) without modifying the input', () => {
    const n = 500;
    const A = randomMatrix(n, 500);
    const copy = Float64Array.from(A.data);
    const e = eigenvalues(A);
    let s = 0;
    for (let i = 0; i < n; i++) s += e.re[i];
    expect(Math.abs(s - trace(A))).toBeLessThan(1e-9 * n);
    expect(A.data).toEqual(copy);
  }, 120_000);

  it('rejects non-square and non-finite input', () => {
    expect(() => eigenvalues(denseMatrix(2, 3))).toThrow(/square/);
    expect(() => eigenvalues(fromRows([[1, NaN], [0, 1]]))).toThrow(/NaN/);
  });
});
