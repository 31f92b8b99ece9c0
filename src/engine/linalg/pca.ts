/**
 * Principal component analysis of a population's activity (e.g. for 2-D phase portraits).
 */
import { symmetricEigen } from './symmetric-eigen.ts';
import type { DenseMatrix } from './types.ts';

export interface PcaResult {
  /** Per-feature mean that was subtracted (length = features). */
  mean: Float64Array;
  /** components × features; row c is the unit principal axis c (largest variance first). */
  components: DenseMatrix;
  /** Variance along each component (sample covariance eigenvalue, divisor samples − 1). */
  explainedVariance: Float64Array;
  /** explainedVariance / total variance (sum of all feature variances). */
  explainedVarianceRatio: Float64Array;
}

/**
 * PCA by the eigendecomposition of the sample covariance C = X̃ᵀX̃/(N−1) of the mean-centred
 * samples X̃ (Jolliffe 2002, "Principal Component Analysis", §1.1; Golub & Van Loan, 4th ed.,
 * §8.3 for {@link symmetricEigen}). `samples` is N samples × F features (e.g. time steps ×
 * neurons). Each axis's sign is fixed so its largest-magnitude entry is positive, which keeps
 * the output deterministic. Cost O(N·F² + F³): fine for F up to a few hundred neurons.
 *
 * @throws Error if there are fewer than 2 samples or `components` is not in 1…F.
 */
export function pca(samples: DenseMatrix, components: number): PcaResult {
  const N = samples.rows;
  const F = samples.cols;
  if (N < 2) throw new Error(`pca: need at least 2 samples, got ${N}`);
  if (!Number.isInteger(components) || components < 1 || components > F) {
    throw new Error(`pca: components must be an integer in 1…${F}, got ${components}`);
  }
  const x = samples.data;
  const mean = new Float64Array(F);
  for (let t = 0; t < N; t++) for (let j = 0; j < F; j++) mean[j] += x[t * F + j];
  for (let j = 0; j < F; j++) mean[j] /= N;
  const cov = new Float64Array(F * F);
  const row = new Float64Array(F);
  for (let t = 0; t < N; t++) {
    for (let j = 0; j < F; j++) row[j] = x[t * F + j] - mean[j];
    for (let i = 0; i < F; i++) {
      const ri = row[i];
      if (ri === 0) continue;
      const o = i * F;
      for (let j = 0; j <= i; j++) cov[o + j] += ri * row[j];
    }
  }
  let total = 0;
  for (let i = 0; i < F; i++) {
    for (let j = 0; j <= i; j++) {
      cov[i * F + j] /= N - 1;
      cov[j * F + i] = cov[i * F + j];
    }
    total += cov[i * F + i];
  }
  const { values, vectors } = symmetricEigen({ rows: F, cols: F, data: cov });
  const comp = new Float64Array(components * F);
  const ev = new Float64Array(components);
  const ratio = new Float64Array(components);
  for (let c = 0; c < components; c++) {
    ev[c] = Math.max(0, values[c]);
    ratio[c] = total > 0 ? ev[c] / total : 0;
    for (let j = 0; j < F; j++) comp[c * F + j] = vectors.data[j * F + c];
  }
  return { mean, components: { rows: components, cols: F, data: comp }, explainedVariance: ev, explainedVarianceRatio: ratio };
}

/** Project samples (N × F) onto fitted principal axes: (x − mean)·componentsᵀ, N × components. */
export function pcaProject(samples: DenseMatrix, fit: PcaResult): DenseMatrix {
  const F = fit.mean.length;
  if (samples.cols !== F) throw new Error(`pcaProject: samples have ${samples.cols} features, the fit has ${F}`);
  const k = fit.components.rows;
  const out = new Float64Array(samples.rows * k);
  for (let t = 0; t < samples.rows; t++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < F; j++) s += (samples.data[t * F + j] - fit.mean[j]) * fit.components.data[c * F + j];
      out[t * k + c] = s;
    }
  }
  return { rows: samples.rows, cols: k, data: out };
}
