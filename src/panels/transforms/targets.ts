/**
 * Target densities drawn over an activation histogram, e.g. the output distribution intrinsic
 * plasticity drives a unit towards: Gaussian N(μ, σ²) for tanh units (Schrauwen et al. 2008),
 * exponential with mean μ for logistic units (Triesch 2005).
 */

export type TargetDensity = { type: 'gaussian'; mean: number; sd: number } | { type: 'exponential'; mean: number };

/** The density p(x). */
export function targetPdf(target: TargetDensity, x: number): number {
  if (target.type === 'gaussian') {
    const z = (x - target.mean) / target.sd;
    return Math.exp(-0.5 * z * z) / (target.sd * Math.sqrt(2 * Math.PI));
  }
  return x < 0 ? 0 : Math.exp(-x / target.mean) / target.mean;
}

/** (x, p(x)) at `n` evenly spaced points of [lo, hi]. */
export function targetCurve(target: TargetDensity, lo: number, hi: number, n = 100): [number, number][] {
  return Array.from({ length: n }, (_, k) => {
    const x = lo + ((hi - lo) * k) / (n - 1);
    return [x, targetPdf(target, x)];
  });
}

/** The target a node's intrinsic-plasticity rule aims at, if it has one. */
export function targetOfParams(params: Record<string, unknown>): TargetDensity | null {
  const ip = params.plasticity as { rule?: string; mu?: number; sigma?: number; mean?: number; sd?: number } | undefined;
  if (!ip?.rule) return null;
  const mean = ip.mu ?? ip.mean;
  if (ip.rule === 'ip-schrauwen' && mean !== undefined) return { type: 'gaussian', mean, sd: ip.sigma ?? ip.sd ?? 0.2 };
  if (ip.rule === 'ip-triesch' && mean !== undefined) return { type: 'exponential', mean };
  return null;
}
