/**
 * Reduction of a square matrix to upper Hessenberg form H = Qᵀ·A·Q by Householder reflectors,
 * unblocked (small matrices, the last columns) and blocked (the bulk of a large matrix).
 */
import type { DenseOps } from './dense-ops.ts';
import { householderColumn } from './householder.ts';
import type { DenseMatrix } from './types.ts';

/**
 * Unblocked reduction of columns from..n−3 of the row-major n×n matrix `a` (Golub & Van Loan,
 * "Matrix Computations", 4th ed., Algorithm 7.4.2). `v` and `w` are scratch vectors of length n.
 */
export function hessenbergUnblocked(a: Float64Array, n: number, from: number, v: Float64Array, w: Float64Array): void {
  for (let k = from; k < n - 2; k++) {
    // x = A[k+1 .. n-1, k]; P = I − β v vᵀ maps x to −σ e1
    const reflector = householderColumn(a, n, k, v);
    if (!reflector) continue;
    const { beta, sigmaScaled } = reflector;

    // Left: A[k+1:, k+1:] -= β v (vᵀ A[k+1:, k+1:]); column k becomes (-σ·scale, 0, …, 0).
    w.fill(0, k + 1, n);
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      const row = i * n;
      for (let j = k + 1; j < n; j++) w[j] += vi * a[row + j];
    }
    for (let i = k + 1; i < n; i++) {
      const f = beta * v[i];
      const row = i * n;
      for (let j = k + 1; j < n; j++) a[row + j] -= f * w[j];
    }
    a[(k + 1) * n + k] = -sigmaScaled;
    for (let i = k + 2; i < n; i++) a[i * n + k] = 0;

    // Right: A[:, k+1:] -= β (A[:, k+1:] v) vᵀ.
    for (let i = 0; i < n; i++) {
      const row = i * n;
      let s = 0;
      for (let j = k + 1; j < n; j++) s += a[row + j] * v[j];
      s *= beta;
      for (let j = k + 1; j < n; j++) a[row + j] -= s * v[j];
    }
  }
}

/**
 * Reduce a square matrix to upper Hessenberg form in place (unblocked; entries below the first
 * subdiagonal become exactly zero; Q is not accumulated). Cost ≈ 10n³/3 flops.
 */
export function hessenbergInPlace(m: DenseMatrix): void {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`hessenberg: matrix must be square, got ${m.rows}x${m.cols}`);
  hessenbergUnblocked(m.data, n, 0, new Float64Array(n), new Float64Array(n));
}

/** Columns per panel of the blocked reduction (LAPACK dgehrd's default block size). */
export const HESSENBERG_BLOCK = 32;
/** Below this many remaining columns the unblocked reduction finishes (LAPACK's crossover, 128). */
export const HESSENBERG_CROSSOVER = 128;

/** Doubles of workspace the blocked reduction needs after the n×n matrix. */
export function hessenbergScratch(n: number): number {
  const nb = HESSENBERG_BLOCK;
  return 3 * n * nb + 3 * nb * n + 3 * n + 2 * nb * nb + 2 * nb;
}

/**
 * Blocked Householder reduction to Hessenberg form of the n×n matrix at offset 0 of `ops.mem`
 * (scratch after it, see {@link hessenbergScratch}): LAPACK's dgehrd/dlahr2 scheme (Quintana-Ortí
 * & van de Geijn 2006, "Improving the performance of reduction to Hessenberg form", ACM TOMS 32).
 * For each panel of nb columns the reflectors H_i = I − τ_i v_i v_iᵀ are formed one column at a
 * time, with Q = H_0⋯H_{nb−1} = I − V·T·Vᵀ and Y = A·V·T built alongside (one matrix–vector
 * product per column); the rest of the matrix is then updated by matrix products:
 *   A ← A − Y·Vᵀ  (right),   A ← (I − V·Tᵀ·Vᵀ)·A  (left, rows below the panel).
 * Every product runs in the workspace's kernels (dense-ops.ts). Yields the fraction done after
 * each panel, so a caller can report progress or stop between panels.
 */
export function* hessenbergBlocked(ops: DenseOps, n: number): Generator<number, void, void> {
  const mem = ops.mem;
  const nb = HESSENBERG_BLOCK;
  // Workspace: Y, V (n×nb, row-major), VT = V·T (n×nb), Vt = Vᵀ, W, Z (nb×n), column b, x = v,
  // A·v (n), T and Tᵀ (nb×nb), t and w (nb).
  const offY = n * n;
  const offV = offY + n * nb;
  const offVT = offV + n * nb;
  const offVt = offVT + n * nb;
  const offW = offVt + nb * n;
  const offZ = offW + nb * n;
  const offB = offZ + nb * n;
  const offX = offB + n;
  const offMv = offX + n;
  const offT = offMv + n;
  const offTt = offT + nb * nb;
  const offt = offTt + nb * nb;
  const offw = offt + nb;
  const vScratch = new Float64Array(n);
  const vScratch2 = new Float64Array(n);
  const a = mem; // the matrix: a[r * n + c]
  const T = (p: number, q: number) => mem[offT + p * nb + q];

  let k0 = 0;
  for (; k0 + HESSENBERG_CROSSOVER < n - 1; k0 += nb) {
    const ib = Math.min(nb, n - 2 - k0);
    const below = n - k0 - 1; // rows k0+1..n−1
    // Zero V (rows k0+1..n-1), Vt (columns k0..n-1) and T for this panel.
    mem.fill(0, offV + (k0 + 1) * nb, offV + n * nb);
    for (let q = 0; q < ib; q++) mem.fill(0, offVt + q * n + k0, offVt + q * n + n);
    mem.fill(0, offT, offT + nb * nb);
    for (let i = 0; i < ib; i++) {
      const j = k0 + i;
      if (i > 0) {
        // Column j below row k0, as b: the right update by the panel's first i reflectors,
        // b −= Y[:, 0:i]·V[j, 0:i]ᵀ (rows up to k0 follow after the panel), then the left update
        // by Q_iᵀ = I − V·Tᵀ·Vᵀ: w = Vᵀb, w ← Tᵀw, b −= V·w.
        for (let r = k0 + 1; r < n; r++) mem[offB + r] = a[r * n + j];
        ops.gemmRows(offB + k0 + 1, 1, offY + (k0 + 1) * nb, nb, offV + j * nb, 1, below, 1, i);
        ops.matvec(offVt + k0 + 1, n, i, below, offB + k0 + 1, offw);
        for (let q = i - 1; q >= 0; q--) {
          let s = 0;
          for (let p = 0; p <= q; p++) s += T(p, q) * mem[offw + p];
          mem[offw + q] = s;
        }
        ops.gemmRows(offB + k0 + 1, 1, offV + (k0 + 1) * nb, nb, offw, 1, below, 1, i);
        for (let r = k0 + 1; r < n; r++) a[r * n + j] = mem[offB + r];
      }
      // The reflector for column j.
      const refl = householderColumn(a, n, j, vScratch);
      let tau = 0;
      if (refl) {
        tau = refl.beta;
        a[(j + 1) * n + j] = -refl.sigmaScaled;
        for (let r = j + 2; r < n; r++) a[r * n + j] = 0;
        for (let r = j + 1; r < n; r++) {
          mem[offV + r * nb + i] = vScratch[r];
          mem[offVt + i * n + r] = vScratch[r];
          mem[offX + r] = vScratch[r];
        }
      }
      // Y[:, i] = τ·(A·v − Y[:, 0:i]·t), t = V[:, 0:i]ᵀ·v; T[0:i, i] = −τ·T[0:i, 0:i]·t, T[i, i] = τ.
      if (tau === 0) {
        for (let r = k0 + 1; r < n; r++) mem[offY + r * nb + i] = 0;
        continue;
      }
      ops.matvec((k0 + 1) * n + j + 1, n, below, n - j - 1, offX + j + 1, offMv + k0 + 1);
      ops.matvec(offVt + j + 1, n, i, n - j - 1, offX + j + 1, offt);
      for (let r = k0 + 1; r < n; r++) mem[offY + r * nb + i] = mem[offMv + r];
      ops.gemmRows(offY + (k0 + 1) * nb + i, nb, offY + (k0 + 1) * nb, nb, offt, 1, below, 1, i);
      for (let r = k0 + 1; r < n; r++) mem[offY + r * nb + i] *= tau;
      for (let p = 0; p < i; p++) {
        let s = 0;
        for (let q = p; q < i; q++) s += T(p, q) * mem[offt + q];
        mem[offT + p * nb + i] = -tau * s;
      }
      mem[offT + i * nb + i] = tau;
    }
    // Rows 0..k0 of Y = A[0:k0+1, k0+1:]·V·T: with VT = 0 − V·T, Y_top = 0 − A_top·VT (rounding
    // is symmetric in sign, so the two negations cost no accuracy).
    for (let p = 0; p < ib; p++) for (let q = 0; q < ib; q++) mem[offTt + q * nb + p] = T(p, q);
    mem.fill(0, offVT + (k0 + 1) * nb, offVT + n * nb);
    ops.gemmRows(offVT + (k0 + 1) * nb, nb, offV + (k0 + 1) * nb, nb, offT, nb, below, ib, ib);
    for (let r = 0; r <= k0; r++) mem.fill(0, offY + r * nb, offY + r * nb + ib);
    ops.gemmRows(offY, nb, k0 + 1, n, offVT + (k0 + 1) * nb, nb, k0 + 1, ib, below);
    // Rows 0..k0 of the panel's columns: A[r, k0+jj] −= Y[r, 0:jj]·V[k0+jj, 0:jj]ᵀ (V's zeros do the rest).
    ops.gemmRows(k0, n, offY, nb, offVt + k0, n, k0 + 1, ib, ib);
    const c0 = k0 + ib; // first trailing column
    const cols = n - c0;
    // Right: A[:, c0:] −= Y·V[c0:, :]ᵀ.
    ops.gemmRows(c0, n, offY, nb, offVt + c0, n, n, cols, ib);
    // Left, rows k0+1..n−1: W = −Vᵀ·A, Z = 0 − Tᵀ·W = Tᵀ·Vᵀ·A, A −= V·Z.
    mem.fill(0, offW, offW + ib * n);
    ops.gemmPanel(offW, n, offVt + k0 + 1, n, (k0 + 1) * n + c0, n, ib, cols, below);
    mem.fill(0, offZ, offZ + ib * n);
    ops.gemmRows(offZ, n, offTt, nb, offW, n, ib, cols, ib);
    ops.gemmRows((k0 + 1) * n + c0, n, offV + (k0 + 1) * nb, nb, offZ, n, below, cols, ib);
    const left = (n - c0) / n;
    yield 1 - left * left;
  }
  hessenbergUnblocked(a, n, k0, vScratch, vScratch2);
}
