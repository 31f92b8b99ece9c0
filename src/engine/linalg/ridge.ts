/**
 * Ridge (Tikhonov-regularised least-squares) regression, the standard readout training of
 * echo-state networks.
 */
import { solveSymmetricPositiveDefinite } from './cholesky.ts';
import type { DenseMatrix } from './types.ts';

/** Samples of X between two reports of ridgeRegression's `onRows`. */
export const RIDGE_REPORT_ROWS = 64;

/**
 * Ridge regression readout weights W (outputs × features) minimising
 * ‖X·Wᵀ − Y‖²_F + λ‖W‖²_F, i.e. Wᵀ = (XᵀX + λI)⁻¹·XᵀY, solved through the normal equations
 * with a Cholesky factorisation (Hoerl & Kennard 1970; Lukoševičius 2012, "A practical guide
 * to applying echo state networks", §4.1; Golub & Van Loan, 4th ed., §4.2 and §6.1).
 *
 * `X` is samples × features (one state vector per row; append a column of ones yourself for a
 * bias — note that it is then regularised too), `Y` is samples × outputs. λ ≥ 0; with λ = 0
 * XᵀX must have full rank. Cost O(samples·features² + features³). The normal equations square
 * the condition number, which λ > 0 bounds by (σ_max² + λ)/λ.
 *
 * `onRows` is told every RIDGE_REPORT_ROWS samples of X taken into the normal equations (their
 * cost, samples·features²/2, is most of the whole for a few thousand samples); it may throw to stop.
 *
 * @throws Error if the shapes disagree, λ is negative or not finite, or XᵀX + λI is not
 *   positive definite (rank-deficient X with λ = 0).
 */
export function ridgeRegression(X: DenseMatrix, Y: DenseMatrix, lambda: number, onRows?: (rows: number, total: number) => void): DenseMatrix {
  if (X.rows !== Y.rows) throw new Error(`ridgeRegression: X has ${X.rows} samples, Y has ${Y.rows}`);
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new Error(`ridgeRegression: lambda must be a finite number ≥ 0, got ${lambda}`);
  const s = X.rows;
  const f = X.cols;
  const o = Y.cols;
  const x = X.data;
  const y = Y.data;
  // G = XᵀX + λI (f×f), accumulated row by row of X (outer products, upper triangle then mirrored).
  const G = new Float64Array(f * f);
  const R = new Float64Array(f * o); // XᵀY
  for (let t = 0; t < s; t++) {
    const xo = t * f;
    const yo = t * o;
    for (let i = 0; i < f; i++) {
      const xi = x[xo + i];
      if (xi === 0) continue;
      const gi = i * f;
      for (let j = i; j < f; j++) G[gi + j] += xi * x[xo + j];
      const ri = i * o;
      for (let c = 0; c < o; c++) R[ri + c] += xi * y[yo + c];
    }
    if (onRows && ((t + 1) % RIDGE_REPORT_ROWS === 0 || t + 1 === s)) onRows(t + 1, s);
  }
  for (let i = 0; i < f; i++) {
    G[i * f + i] += lambda;
    for (let j = 0; j < i; j++) G[i * f + j] = G[j * f + i];
  }
  const Wt = solveSymmetricPositiveDefinite({ rows: f, cols: f, data: G }, { rows: f, cols: o, data: R });
  // Return W = (Wᵀ)ᵀ: outputs × features.
  const W = new Float64Array(o * f);
  for (let i = 0; i < f; i++) for (let c = 0; c < o; c++) W[c * f + i] = Wt.data[i * o + c];
  return { rows: o, cols: f, data: W };
}
