/**
 * The digamma function ψ(x) = d/dx ln Γ(x), used by the KSG (Kraskov 2004) and
 * Kozachenko–Leonenko estimators. Only differences of ψ values enter those estimators, and the
 * Euler–Mascheroni constant γ cancels in every local value, so any accurate ψ reproduces JIDT.
 */

/** Euler–Mascheroni constant γ = −ψ(1). */
export const EULER_GAMMA = 0.5772156649015329;

/**
 * ψ(x) for real x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x moves x to ≥ 12, then the asymptotic
 * series ψ(x) ≈ ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶) + 1/(240x⁸) − 1/(132x¹⁰)
 * (Abramowitz & Stegun 6.3.18) gives ~1e-16 relative accuracy. Dimensionless.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let r = 0;
  while (x < 12) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const series = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
  return r + Math.log(x) - 0.5 / x - series;
}

/**
 * Table t with t[n] = ψ(n) for integers n = 1 … maxN (t[0] = NaN), for O(1) look-ups in the
 * KSG inner loops. ψ(1) = −γ, ψ(n + 1) = ψ(n) + 1/n for small n, {@link digamma} beyond.
 */
export function digammaTable(maxN: number): Float64Array {
  const t = new Float64Array(maxN + 1);
  t[0] = Number.NaN;
  if (maxN >= 1) t[1] = -EULER_GAMMA;
  for (let n = 2; n <= maxN; n++) t[n] = n < 16 ? t[n - 1] + 1 / (n - 1) : digamma(n);
  return t;
}
