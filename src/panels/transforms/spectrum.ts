/** Facts about an eigenvalue spectrum for the spectrum panel (pure, no DOM). */

export interface SpectrumSummary {
  /** max |λ|. */
  radius: number;
  /** Eigenvalues strictly inside, on (within 1e-9) and outside the unit circle. */
  inside: number;
  onCircle: number;
  outside: number;
}

export function summarizeSpectrum(re: ArrayLike<number>, im: ArrayLike<number>): SpectrumSummary {
  let radius = 0;
  let inside = 0;
  let onCircle = 0;
  let outside = 0;
  for (let k = 0; k < re.length; k++) {
    const m = Math.hypot(re[k], im[k]);
    radius = Math.max(radius, m);
    if (Math.abs(m - 1) <= 1e-9) onCircle++;
    else if (m < 1) inside++;
    else outside++;
  }
  return { radius, inside, onCircle, outside };
}

/** Index of the eigenvalue nearest to (x, y), or −1 for an empty spectrum. */
export function nearestEigenvalue(re: ArrayLike<number>, im: ArrayLike<number>, x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < re.length; k++) {
    const d = (re[k] - x) ** 2 + (im[k] - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
