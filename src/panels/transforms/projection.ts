/**
 * Projecting a population's samples onto PCA axes for the phase portrait (pure, no DOM). The
 * axes are fitted on the analysis worker (engine/worker/analysis-session.ts, `pcaFit`); here the
 * steps run since the fit are laid onto them: x = (s − mean)·axis, two dot products per step.
 */
import type { PcaFit } from '../../engine/worker/analysis-protocol.ts';
import type { ProbeSamples } from '../../store/probeWindow.ts';

export interface Projection {
  x: Float64Array;
  y: Float64Array;
}

/** The samples' coordinates along a fit's PC1 and PC2 (the fit's first `units` units of each step). */
export function projectOn(s: ProbeSamples, fit: Pick<PcaFit, 'units' | 'mean' | 'axes'>): Projection {
  const { units, mean, axes } = fit;
  const x = new Float64Array(s.count);
  const y = new Float64Array(s.count);
  if (s.width < units) return { x: x.fill(NaN), y: y.fill(NaN) };
  for (let t = 0; t < s.count; t++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < units; j++) {
      const v = s.data[t * s.width + j] - mean[j];
      a += v * axes[j];
      b += v * axes[units + j];
    }
    x[t] = a;
    y[t] = b;
  }
  return { x, y };
}
