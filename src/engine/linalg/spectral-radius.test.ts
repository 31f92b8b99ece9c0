import { describe, expect, it } from 'vitest';
import { csrFromTriplets, denseMatrix, denseToCsr, fromRows } from './csr.ts';
import { eigenvalues } from './hessenberg-qr.ts';
import { spectralRadius, spectralRadiusReport } from './spectral-radius.ts';
import type { DenseMatrix } from './types.ts';
import { blockTriangular, reservoir, rotationBlocks, sparseReservoir } from './eigen-test-helpers.ts';
import { mulberry32 } from '../../measures/random.ts';

function denseRadius(m: DenseMatrix): number {
  const e = eigenvalues(m);
  let r = 0;
  for (let i = 0; i < e.re.length; i++) r = Math.max(r, Math.hypot(e.re[i], e.im[i]));
  return r;
}

describe('spectralRadius', () => {
  it.each([
    [400, 1, 'normal', 1],
    [500, 1, 'uniform', 2],
    [600, 0.05, 'normal', 3],
    [450, 0.1, 'uniform', 4],
    [550, 0.02, 'normal', 5],
  ] as const)('matches dense QR on a random %i-node reservoir (density %s, %s, seed %i)', (n, density, dist, seed) => {
    const W = reservoir(n, density, dist, seed);
    const ref = denseRadius(W);
    const input = density < 1 ? denseToCsr(W) : W;
    const rep = spectralRadiusReport(input);
    expect(rep.method).toBe('arnoldi');
    expect(rep.converged).toBe(true);
    expect(Math.abs(rep.radius - ref) / ref).toBeLessThan(1e-9);
  }, 120_000);

  // References: max |numpy.linalg.eigvals| (LAPACK dgeev) of the same matrices, exported as
  // binary and computed once offline. A single Arnoldi run with a smaller basis (4 wanted,
  // 40 vectors) converged to the 10.1803 pair of the first matrix and missed its real
  // eigenvalue 10.2414; the two-start-vector policy must not.
  it.each([
    [2000, 0.05, 3, 10.24144983259224],
    [4000, 0.01, 4000, 6.419504469979166],
  ] as const)('matches a LAPACK reference at n = %i (density %s, seed %i)', (n, density, seed, expected) => {
    const rep = spectralRadiusReport(sparseReservoir(n, density, seed));
    expect(rep.converged).toBe(true);
    expect(Math.abs(rep.radius - expected) / expected).toBeLessThan(1e-10);
  }, 180_000); // seconds on an idle machine; generous for shared CI

  it('uses dense QR for small dense matrices and agrees with the CSR path', () => {
    const W = reservoir(120, 0.2, 'normal', 7);
    const rep = spectralRadiusReport(W);
    expect(rep.method).toBe('dense');
    expect(rep.radius).toBe(denseRadius(W));
    expect(Math.abs(spectralRadius(denseToCsr(W)) - rep.radius)).toBeLessThan(1e-12 * rep.radius);
  });

  it('gives 1 for rotation matrices (complex pairs on the unit circle)', () => {
    const th = 0.3;
    const R = fromRows([[Math.cos(th), -Math.sin(th)], [Math.sin(th), Math.cos(th)]]);
    expect(spectralRadius(R)).toBeCloseTo(1, 15);
    // 1000×1000 block-diagonal rotations with scales 0.5 … 1.2 (largest block in the middle).
    expect(spectralRadius(rotationBlocks(1000))).toBeCloseTo(1.2, 13);
  });

  it('gives max |diagonal| for triangular matrices', () => {
    const n = 500;
    const rnd = mulberry32(21);
    const T = denseMatrix(n, n);
    let maxDiag = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) T.data[i * n + j] = 2 * rnd() - 1;
      maxDiag = Math.max(maxDiag, Math.abs(T.data[i * n + i]));
    }
    const rep = spectralRadiusReport(T);
    expect(rep.radius).toBe(maxDiag);
    expect(rep.blocks).toBe(n);
    // small triangular matrix through the dense path
    expect(spectralRadius(fromRows([[0.5, 3, 4], [0, -2, 7], [0, 0, 1]]))).toBe(2);
  });

  it('gives the scale of a scaled permutation matrix', () => {
    // A permutation of 1000 with several cycles, times 0.9: every eigenvalue has modulus 0.9.
    const n = 1000;
    const perm = Array.from({ length: n }, (_, i) => i);
    const rnd = mulberry32(5);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [perm[i], perm[j]] = [perm[j], perm[i]];
    }
    const P = csrFromTriplets(n, n, perm.map((_, i) => i), perm, new Array(n).fill(0.9));
    expect(spectralRadius(P)).toBeCloseTo(0.9, 14);
    // small dense cyclic permutation (dense QR path)
    const m = 40;
    const C = denseMatrix(m, m);
    for (let i = 0; i < m; i++) C.data[i * m + ((i + 3) % m)] = -0.9; // gcd(3, 40) = 1: one cycle
    expect(spectralRadius(C)).toBeCloseTo(0.9, 13);
    // weighted single cycle: ρ = |∏ w|^(1/k)
    const k = 500;
    const w = Array.from({ length: k }, (_, i) => (i % 2 === 0 ? 2 : 0.5) * (i === 0 ? 3 : 1));
    const cyc = csrFromTriplets(k, k, w.map((_, i) => i), w.map((_, i) => (i + 1) % k), w);
    expect(spectralRadius(cyc)).toBeCloseTo(3 ** (1 / k), 13);
  });

  it('returns 0 for nilpotent matrices, dense and sparse', () => {
    const m = 10;
    const U = denseMatrix(m, m);
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) U.data[i * m + j] = i + j + 1;
    expect(spectralRadius(U)).toBe(0);
    const n = 3000;
    const shift = csrFromTriplets(n, n, Array.from({ length: n - 1 }, (_, i) => i), Array.from({ length: n - 1 }, (_, i) => i + 1), new Array(n - 1).fill(1));
    expect(spectralRadius(shift)).toBe(0);
    // a random strictly lower-triangular (feed-forward) sparse network
    const F = reservoir(800, 0.05, 'normal', 8);
    for (let i = 0; i < 800; i++) for (let j = i; j < 800; j++) F.data[i * 800 + j] = 0;
    expect(spectralRadius(denseToCsr(F))).toBe(0);
    expect(spectralRadius(F)).toBe(0);
  });

  it('returns 0 for zero and empty matrices', () => {
    expect(spectralRadius(denseMatrix(0, 0))).toBe(0);
    expect(spectralRadius(denseMatrix(5, 5))).toBe(0);
    expect(spectralRadius(denseMatrix(700, 700))).toBe(0);
    expect(spectralRadius(denseToCsr(denseMatrix(2000, 2000)))).toBe(0);
  });

  it('takes the largest diagonal block of a block-triangular (feed-forward + recurrent) matrix', () => {
    // Two recurrent populations of 350 (the second scaled ×2), plus feed-forward 1 → 2 weights.
    const { A, B, M } = blockTriangular();
    const expected = Math.max(denseRadius(A), 2 * denseRadius(B));
    const rep = spectralRadiusReport(denseToCsr(M));
    expect(rep.blocks).toBe(2);
    expect(Math.abs(rep.radius - expected) / expected).toBeLessThan(1e-9);
  }, 120_000);

  it('is deterministic', () => {
    const W = denseToCsr(reservoir(900, 0.03, 'normal', 77));
    const a = spectralRadius(W);
    const b = spectralRadius(W);
    expect(b).toBe(a);
  }, 120_000);

  it('honours a looser tolerance with a close answer', () => {
    const W = reservoir(500, 0.1, 'normal', 12);
    const ref = denseRadius(W);
    const loose = spectralRadiusReport(denseToCsr(W), { tol: 1e-4 });
    const tight = spectralRadiusReport(denseToCsr(W));
    expect(Math.abs(loose.radius - ref) / ref).toBeLessThan(1e-3);
    expect(loose.matVecs).toBeLessThanOrEqual(tight.matVecs);
  }, 120_000);

  it('rejects non-square and non-finite matrices', () => {
    expect(() => spectralRadius(denseMatrix(3, 4))).toThrow(/square/);
    expect(() => spectralRadius(fromRows([[1, Infinity], [0, 1]]))).toThrow(/NaN or Infinity/);
  });
});
