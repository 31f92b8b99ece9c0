/**
 * Brunel's mean-field theory of a sparse network of LIF neurons with delta synapses (Brunel 2000,
 * J. Comput. Neurosci. 8:183, "model A": identical E and I neurons; eqs. 4–6 and 21).
 *
 * Each neuron receives C_E excitatory synapses of efficacy J, C_I = γC_E inhibitory ones of −gJ
 * (mV), and C_E external excitatory ones of J from Poisson trains at ν_ext. In the diffusion
 * approximation its input has mean and variance (mV, ms; rates in 1/ms)
 *   μ  = C_E·J·τ·(ν_ext + ν·(1 − gγ))
 *   σ² = J²·C_E·τ·(ν_ext + ν·(1 + g²γ))
 * and the stationary rate solves the self-consistency of Siegert's first-passage formula
 *   1/ν = τ_rp + τ·√π·∫_{(V_r − μ)/σ}^{(θ − μ)/σ} e^{u²}(1 + erf u) du          (Brunel 2000, eq. 21)
 * with θ and V_r measured from rest. e^{u²}(1 + erf u) = erfcx(−u) keeps the integrand finite.
 * The integral is adaptive Simpson (Lyness 1969); the fixed point is bracketed and bisected.
 */
import { erfcx } from '../math/erfcx.ts';

export interface BrunelParams {
  /** Membrane time constant τ (ms). */
  tau: number;
  /** Threshold θ above rest (mV). */
  theta: number;
  /** Reset V_r above rest (mV). */
  vReset: number;
  /** Refractory period τ_rp (ms). */
  tRef: number;
  /** Synaptic efficacy J (mV). */
  J: number;
  /** Excitatory in-degree C_E (also the number of external synapses). */
  CE: number;
  /** Relative strength of inhibition g. */
  g: number;
  /** C_I / C_E. */
  gamma: number;
  /** Rate of each external Poisson train (Hz). */
  nuExt: number;
}

/** ν_thr = θ/(J·C_E·τ): the external rate (Hz) that brings the mean input to threshold without recurrence. */
export function thresholdRate(p: Pick<BrunelParams, 'theta' | 'J' | 'CE' | 'tau'>): number {
  return (1000 * p.theta) / (p.J * p.CE * p.tau);
}

/** μ and σ (mV) of the input when the network fires at `rate` (Hz). */
export function inputMoments(p: BrunelParams, rate: number): { mu: number; sigma: number } {
  const nu = rate / 1000;
  const ext = p.nuExt / 1000;
  const mu = p.CE * p.J * p.tau * (ext + nu * (1 - p.g * p.gamma));
  const sigma = Math.sqrt(p.J * p.J * p.CE * p.tau * (ext + nu * (1 + p.g * p.g * p.gamma)));
  return { mu, sigma };
}

/** Siegert's stationary rate (Hz) of an LIF neuron driven by white noise of mean μ and s.d. σ (mV). */
export function siegertRate(p: Pick<BrunelParams, 'tau' | 'theta' | 'vReset' | 'tRef'>, mu: number, sigma: number): number {
  const lower = (p.vReset - mu) / sigma;
  const upper = (p.theta - mu) / sigma;
  // e^{u²} overflows beyond u ≈ 26.6: the mean first-passage time is then beyond 10^300 ms.
  if (upper > 26) return 0;
  const integral = adaptiveSimpson((u) => erfcx(-u), lower, upper, 1e-12);
  return 1000 / (p.tRef + p.tau * Math.sqrt(Math.PI) * integral);
}

/**
 * The self-consistent rate (Hz): the lowest ν with Siegert(μ(ν), σ(ν)) = ν, found by scanning
 * (0, 1/τ_rp) for a sign change of Siegert(ν) − ν and bisecting it to 1e-12 Hz.
 */
export function brunelRate(p: BrunelParams): { rate: number; mu: number; sigma: number } {
  const f = (rate: number) => {
    const { mu, sigma } = inputMoments(p, rate);
    return siegertRate(p, mu, sigma) - rate;
  };
  const max = 1000 / p.tRef;
  const steps = 2000;
  let lo = 0;
  let flo = f(lo);
  for (let k = 1; k <= steps; k++) {
    const hi = (max * k) / steps;
    const fhi = f(hi);
    if (flo === 0) break;
    if ((flo > 0) !== (fhi > 0)) {
      let a = lo;
      let b = hi;
      let fa = flo;
      while (b - a > 1e-12) {
        const m = 0.5 * (a + b);
        const fm = f(m);
        if ((fm > 0) === (fa > 0)) {
          a = m;
          fa = fm;
        } else b = m;
      }
      lo = 0.5 * (a + b);
      break;
    }
    lo = hi;
    flo = fhi;
  }
  return { rate: lo, ...inputMoments(p, lo) };
}

/** ∫_a^b f by adaptive Simpson's rule to absolute tolerance `tol` (Lyness 1969). */
function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tol: number): number {
  const fa = f(a);
  const fb = f(b);
  const m = 0.5 * (a + b);
  const fm = f(m);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  return refine(f, a, b, fa, fm, fb, whole, tol, 30);
}

function refine(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number {
  const m = 0.5 * (a + b);
  const lm = 0.5 * (a + m);
  const rm = 0.5 * (m + b);
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  const delta = left + right - whole;
  if (depth <= 0 || !(Math.abs(delta) > 15 * tol)) return left + right + delta / 15;
  return refine(f, a, m, fa, flm, fm, left, tol / 2, depth - 1) + refine(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
}
