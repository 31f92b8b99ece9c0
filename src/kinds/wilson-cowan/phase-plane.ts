/**
 * The phase plane of a Wilson–Cowan node: its E and I populations are the whole state, so the
 * plane (x = r_E, y = r_I, or swapped) is exact.
 */
import type { Interval, PhasePlaneModel, PlaneSystem } from '../../model/index.ts';
import { identity, logistic, logit, swapAxes } from '../shared/plane.ts';
import type { WilsonCowanParams } from './schema.ts';

/** F(x; a, θ) = 1/(1 + e^(−a(x − θ))) − 1/(1 + e^(aθ)) (Neuromatch W2D4: F(0) = 0). */
export function wcF(x: number, a: number, theta: number): number {
  return logistic(a * (x - theta)) - logistic(-a * theta);
}

/** F⁻¹(y; a, θ) = θ − ln(1/(y + c) − 1)/a, c = 1/(1 + e^(aθ)); NaN outside F's range (−c, 1 − c). */
export function wcFInverse(y: number, a: number, theta: number): number {
  return theta + logit(y + logistic(-a * theta)) / a;
}

/** The open range of F(·; a, θ): (−c, 1 − c). */
function wcRange(a: number, theta: number): Interval {
  const c = logistic(-a * theta);
  return [-c, 1 - c];
}

export interface WilsonCowanPlane {
  tau_E: number;
  a_E: number;
  theta_E: number;
  tau_I: number;
  a_I: number;
  theta_I: number;
  w_EE: number;
  w_EI: number;
  w_IE: number;
  w_II: number;
  /** Constant drive of E and of I (I_ext plus constant inputs). */
  I_E: number;
  I_I: number;
}

/**
 * Wilson–Cowan (x = r_E, y = r_I):
 *   τ_E dE/dt = −E + F_E(w_EE E − w_EI I + I_E),  τ_I dI/dt = −I + F_I(w_IE E − w_II I + I_I).
 * E-nullcline: I = (w_EE E + I_E − F_E⁻¹(E)) / w_EI;  I-nullcline: E = (F_I⁻¹(I) + w_II I − I_I) / w_IE.
 */
export function wilsonCowanPlane(p: WilsonCowanPlane, names: [string, string] = ['E', 'I']): PlaneSystem {
  const rangeE = wcRange(p.a_E, p.theta_E);
  const rangeI = wcRange(p.a_I, p.theta_I);
  return {
    time: 'continuous',
    step: (e, i) => [(-e + wcF(p.w_EE * e - p.w_EI * i + p.I_E, p.a_E, p.theta_E)) / p.tau_E, (-i + wcF(p.w_IE * e - p.w_II * i + p.I_I, p.a_I, p.theta_I)) / p.tau_I],
    nullclines: [
      { name: `${names[0]}-nullcline (d${names[0]}/dt = 0)`, own: (e) => p.w_EE * e + p.I_E - wcFInverse(e, p.a_E, p.theta_E), coupling: p.w_EI, inverse: identity, defined: rangeE },
      { name: `${names[1]}-nullcline (d${names[1]}/dt = 0)`, own: (i) => wcFInverse(i, p.a_I, p.theta_I) + p.w_II * i - p.I_I, coupling: p.w_IE, inverse: identity, defined: rangeI },
    ],
    bounds: { x: rangeE, y: rangeI },
  };
}

/**
 * A self-edge adds to the node's couplings (in_E = W[0]·[E, I], in_I = W[1]·[E, I]) and
 * constant inputs to I_ext; the axes are swapped when the first one is I.
 */
export const wilsonCowanPhasePlane: PhasePlaneModel<WilsonCowanParams> = {
  build({ units, nodeW: m, nodeC }) {
    const p = units[0].params;
    const system = wilsonCowanPlane({
      tau_E: p.tau_E,
      a_E: p.a_E,
      theta_E: p.theta_E,
      tau_I: p.tau_I,
      a_I: p.a_I,
      theta_I: p.theta_I,
      w_EE: p.w_EE + m[0][0],
      w_EI: p.w_EI - m[0][1],
      w_IE: p.w_IE + m[1][0],
      w_II: p.w_II - m[1][1],
      I_E: p.I_ext_E + nodeC[0],
      I_I: p.I_ext_I + nodeC[1],
    });
    return { kind: 'plane', system: units[0].index === 1 ? swapAxes(system) : system };
  },
};
