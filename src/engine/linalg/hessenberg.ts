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
  return 3 * n * HESSENBERG_BLOCK + 2 * HESSENBERG_BLOCK * n + 2 * n;
}

/**
 * Blocked Householder reduction to Hessenberg form of the n×n matrix at offset 0 of `ops.mem`
 * (scratch after it, see {@link hessenbergScratch}): LAPACK's dgehrd/dlahr2 scheme (Quintana-Ortí
 * & van de Geijn 2006, "Improving the performance of reduction to Hessenberg form", ACM TOMS 32).
 * For each panel of nb columns the reflectors H_i = I − τ_i v_i v_iᵀ are formed one column at a
 * time, with Q = H_0⋯H_{nb−1} = I − V·T·Vᵀ and Y = A·V·T built alongside (one matrix–vector
 * product per column); the rest of the matrix is then updated by matrix products:
 *   A ← A − Y·Vᵀ  (right),   A ← (I − V·Tᵀ·Vᵀ)·A  (left, rows below the panel).
 * About 80 % of the 10n³/3 flops are in the product kernels. Yields the fraction done after
 * each panel, so a caller can report progress or stop between panels.
 */
export function* hessenbergBlocked(ops: DenseOps, n: number): Generator<number, void, void> {
  const mem = ops.mem;
  const nb = HESSENBERG_BLOCK;
  const offY = n * n;
  const offV = offY + n * nb;
  const offVt = offV + n * nb;
  const offW = offVt + nb * n;
  const offX = offW + nb * n;
  const offMv = offX + n;
  const offVT = offMv + n;
  const T = new Float64Array(nb * nb);
  const t = new Float64Array(nb);
  const w = new Float64Array(nb);
  const vScratch = new Float64Array(n);
  const vScratch2 = new Float64Array(n);
  const a = mem; // the matrix: a[r * n + c]

  let k0 = 0;
  for (; k0 + HESSENBERG_CROSSOVER < n - 1; k0 += nb) {
    const ib = Math.min(nb, n - 2 - k0);
    // Zero V (rows k0+1..n-1) and Vt (columns k0+1..n-1) for this panel.
    mem.fill(0, offV + (k0 + 1) * nb, offV + n * nb);
    for (let q = 0; q < ib; q++) mem.fill(0, offVt + q * n + k0 + 1, offVt + q * n + n);
    T.fill(0);
    for (let i = 0; i < ib; i++) {
      const j = k0 + i;
      if (i > 0) {
        // Column j, rows below k0: right update by the panel's first i reflectors,
        // A[r, j] −= Y[r, 0:i]·V[j, 0:i]ᵀ (rows up to k0 follow after the panel).
        const vj = offV + j * nb;
        for (let r = k0 + 1; r < n; r++) {
          const yr = offY + r * nb;
          let s = 0;
          for (let q = 0; q < i; q++) s += mem[yr + q] * mem[vj + q];
          a[r * n + j] -= s;
        }
        // Left update of rows k0+1..n-1 by Q_iᵀ = I − V·Tᵀ·Vᵀ: w = Vᵀb, w = Tᵀw, b −= V·w.
        for (let q = 0; q < i; q++) {
          const vq = offVt + q * n;
          let s = 0;
          for (let r = k0 + 1 + q; r < n; r++) s += mem[vq + r] * a[r * n + j];
          w[q] = s;
        }
        for (let q = i - 1; q >= 0; q--) {
          let s = 0;
          for (let p = 0; p <= q; p++) s += T[p * nb + q] * w[p];
          w[q] = s;
        }
        for (let r = k0 + 1; r < n; r++) {
          const vr = offV + r * nb;
          let s = 0;
          for (let q = 0; q < i; q++) s += mem[vr + q] * w[q];
          a[r * n + j] -= s;
        }
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
      } else {
        for (let r = j + 1; r < n; r++) mem[offX + r] = 0;
      }
      // Y[:, i] = τ·(A·v − Y[:, 0:i]·t), t = V[:, 0:i]ᵀ·v; T[0:i, i] = −τ·T[0:i, 0:i]·t, T[i, i] = τ.
      if (tau === 0) {
        for (let r = k0 + 1; r < n; r++) mem[offY + r * nb + i] = 0;
        continue;
      }
      ops.matvec((k0 + 1) * n + j + 1, n, n - k0 - 1, n - j - 1, offX + j + 1, offMv + k0 + 1);
      for (let q = 0; q < i; q++) {
        const vq = offVt + q * n;
        let s = 0;
        for (let r = j + 1; r < n; r++) s += mem[vq + r] * mem[offX + r];
        t[q] = s;
      }
      for (let r = k0 + 1; r < n; r++) {
        const yr = offY + r * nb;
        let s = mem[offMv + r];
        for (let q = 0; q < i; q++) s -= mem[yr + q] * t[q];
        mem[yr + i] = tau * s;
      }
      for (let p = 0; p < i; p++) {
        let s = 0;
        for (let q = p; q < i; q++) s += T[p * nb + q] * t[q];
        T[p * nb + i] = -tau * s;
      }
      T[i * nb + i] = tau;
    }
    // Rows 0..k0 of Y: Y = A[0:k0+1, k0+1:]·(V·T), as 0 − A·(V·T) negated.
    for (let r = k0 + 1; r < n; r++) {
      const vr = offV + r * nb;
      const dst = offVT + r * nb;
      for (let q = 0; q < ib; q++) {
        let s = 0;
        for (let p = 0; p <= q; p++) s += mem[vr + p] * T[p * nb + q];
        mem[dst + q] = s;
      }
    }
    for (let r = 0; r <= k0; r++) mem.fill(0, offY + r * nb, offY + r * nb + ib);
    ops.gemmRows(offY, nb, k0 + 1, n, offVT + (k0 + 1) * nb, nb, k0 + 1, ib, n - k0 - 1);
    for (let r = 0; r <= k0; r++) for (let q = 0; q < ib; q++) mem[offY + r * nb + q] = -mem[offY + r * nb + q];
    // Rows 0..k0 of the panel's columns: A[r, j] −= Y[r, 0:i]·V[j, 0:i]ᵀ.
    for (let i = 1; i < ib; i++) {
      const j = k0 + i;
      const vj = offV + j * nb;
      for (let r = 0; r <= k0; r++) {
        const yr = offY + r * nb;
        let s = 0;
        for (let q = 0; q < i; q++) s += mem[yr + q] * mem[vj + q];
        a[r * n + j] -= s;
      }
    }
    const c0 = k0 + ib; // first trailing column
    const cols = n - c0;
    // Right: A[:, c0:] −= Y·V[c0:, :]ᵀ.
    ops.gemmRows(c0, n, offY, nb, offVt + c0, n, n, cols, ib);
    // Left, rows k0+1..n−1: W = −Vᵀ·A, W ← −Tᵀ·W (= Tᵀ·Vᵀ·A), A −= V·W.
    mem.fill(0, offW, offW + ib * n);
    ops.gemmPanel(offW, n, offVt + k0 + 1, n, (k0 + 1) * n + c0, n, ib, cols, n - k0 - 1);
    for (let q = ib - 1; q >= 0; q--) {
      const wq = offW + q * n;
      for (let c = 0; c < cols; c++) {
        let s = 0;
        for (let p = 0; p <= q; p++) s += T[p * nb + q] * mem[offW + p * n + c];
        mem[wq + c] = -s;
      }
    }
    ops.gemmRows((k0 + 1) * n + c0, n, offV + (k0 + 1) * nb, nb, offW, n, n - k0 - 1, cols, ib);
    const left = (n - c0) / n;
    yield 1 - left * left;
  }
  hessenbergUnblocked(a, n, k0, vScratch, vScratch2);
}
