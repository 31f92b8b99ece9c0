/** Two-dimensional views of a population's trajectory for the phase portrait (pure, no DOM). */
import { pca, pcaProject, type PcaResult } from '../../engine/linalg/index.ts';
import type { ProbeSamples } from '../../store/probeWindow.ts';

/** Most units the PCA uses (the covariance is units², its eigendecomposition units³). */
export const PCA_MAX_UNITS = 200;

export interface Projection {
  x: Float64Array;
  y: Float64Array;
  /** Share of the variance along each axis (PCA only). */
  explained?: [number, number];
}

/** The first `PCA_MAX_UNITS` units' samples as a dense matrix (steps × units). */
function asMatrix(s: ProbeSamples) {
  const cols = Math.min(s.width, PCA_MAX_UNITS);
  const data = new Float64Array(s.count * cols);
  for (let t = 0; t < s.count; t++) for (let j = 0; j < cols; j++) data[t * cols + j] = s.data[t * s.width + j];
  return { rows: s.count, cols, data };
}

/** Fits the first two principal axes of the samples (null when there are too few samples or units). */
export function fitPca(s: ProbeSamples): PcaResult | null {
  if (s.count < 3 || s.width < 2) return null;
  return pca(asMatrix(s), 2);
}

/** Projects samples onto a PCA fit: (PC1, PC2) per step. */
export function projectPca(s: ProbeSamples, fit: PcaResult): Projection {
  const p = pcaProject(asMatrix(s), fit);
  const x = new Float64Array(s.count);
  const y = new Float64Array(s.count);
  for (let t = 0; t < s.count; t++) {
    x[t] = p.data[t * 2];
    y[t] = p.data[t * 2 + 1];
  }
  return { x, y, explained: [fit.explainedVarianceRatio[0], fit.explainedVarianceRatio[1]] };
}
