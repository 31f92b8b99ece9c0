/**
 * Projecting a population's samples onto PCA axes for the phase portrait (pure, no DOM). The
 * axes are fitted on the analysis worker (engine/worker/analysis-session.ts, `pcaFit`); here the
 * steps run since the fit are laid onto them: x = (s − mean)·axis, two dot products per step.
 */
import type { PcaFit } from '../../engine/worker/analysis-protocol.ts';

/**
 * One step's coordinates along PC1 and PC2 into out[0] and out[1]: Σ_j (x_j − mean_j)·axis_j over
 * the fit's first `units` units of the `width` values of `data` from `base` (NaN when the step
 * has fewer units). Allocates nothing: the live phase portrait projects each new step.
 */
export function projectRow(data: ArrayLike<number>, base: number, width: number, fit: Pick<PcaFit, 'units' | 'mean' | 'axes'>, out: Float64Array): void {
  const { units, mean, axes } = fit;
  if (width < units) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  let a = 0;
  let b = 0;
  for (let j = 0; j < units; j++) {
    const v = data[base + j] - mean[j];
    a += v * axes[j];
    b += v * axes[units + j];
  }
  out[0] = a;
  out[1] = b;
}
