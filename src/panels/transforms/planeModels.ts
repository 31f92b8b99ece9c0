/**
 * The two-dimensional rate systems whose nullclines can be written down, as PlaneSystems
 * (nullclines.ts), from plain numbers (no document, no engine): Wilson–Cowan E/I populations,
 * a 2-unit CTRNN, and a 2-unit discrete rate map; plus the 1-unit rate map as a return map.
 */
import type { Interval, PlaneSystem, Point, ReturnMap, SeparableNullcline } from './nullclines.ts';

const ALL: Interval = [-Infinity, Infinity];
const identity = (u: number) => u;
const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (p: number) => (p > 0 && p < 1 ? Math.log(p / (1 - p)) : NaN);

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

export interface CtrnnPlane {
  tau: [number, number];
  /** Biases θ_j and gains g_j: unit j delivers σ(g_j (y_j + θ_j)). */
  bias: [number, number];
  gain: [number, number];
  /** w[i][j]: from unit j to unit i. */
  w: [[number, number], [number, number]];
  /** Constant external input I_i. */
  input: [number, number];
}

/**
 * A 2-unit CTRNN (Beer 1995): τ_i dy_i/dt = −y_i + Σ_j w_ij σ(g_j(y_j + θ_j)) + I_i.
 * ẏ_1 = 0:  w_12 σ_2(y_2) = y_1 − w_11 σ_1(y_1) − I_1  ⇒  y_2 = σ⁻¹(…/w_12)/g_2 − θ_2 (and symmetrically).
 */
export function ctrnnPlane(p: CtrnnPlane, names: [string, string]): PlaneSystem {
  const s = (j: number, v: number) => logistic(p.gain[j] * (v + p.bias[j]));
  // σ_j⁻¹(u) = logit(u)/g_j − θ_j; a unit with gain 0 delivers ½ whatever its state.
  const nullcline = (i: number): SeparableNullcline => {
    const j = 1 - i;
    const flat = p.gain[j] === 0;
    return {
      name: `${names[i]}-nullcline (d${names[i]}/dt = 0)`,
      own: (v) => v - p.w[i][i] * s(i, v) - p.input[i] - (flat ? p.w[i][j] / 2 : 0),
      coupling: flat ? 0 : p.w[i][j],
      inverse: (u) => logit(u) / p.gain[j] - p.bias[j],
      defined: ALL,
    };
  };
  // Every fixed point has y_i = Σ_j w_ij σ_j + I_i with σ_j ∈ (0, 1).
  const box = (i: number): Interval => {
    let lo = p.input[i];
    let hi = p.input[i];
    for (const w of p.w[i]) {
      lo += Math.min(0, w);
      hi += Math.max(0, w);
    }
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  };
  return {
    time: 'continuous',
    step: (y1, y2) => {
      const a = s(0, y1);
      const b = s(1, y2);
      return [(-y1 + p.w[0][0] * a + p.w[0][1] * b + p.input[0]) / p.tau[0], (-y2 + p.w[1][0] * a + p.w[1][1] * b + p.input[1]) / p.tau[1]];
    },
    nullclines: [nullcline(0), nullcline(1)],
    bounds: { x: box(0), y: box(1) },
  };
}

/** Activations with an inverse on their open range. */
export type InvertibleActivation = 'tanh' | 'sigmoid' | 'linear';

interface Activation {
  f(a: number): number;
  inverse(y: number): number;
  range: Interval;
}

export const ACTIVATIONS: Record<InvertibleActivation, Activation> = {
  tanh: { f: Math.tanh, inverse: (y) => (y > -1 && y < 1 ? Math.atanh(y) : NaN), range: [-1, 1] },
  sigmoid: { f: logistic, inverse: logit, range: [0, 1] },
  linear: { f: identity, inverse: identity, range: ALL },
};

export interface RatePlane {
  activation: [InvertibleActivation, InvertibleActivation];
  /** Leak rates a_i ∈ (0, 1]. */
  leak: [number, number];
  /** w[i][j]: from unit j to unit i. */
  w: [[number, number], [number, number]];
  /** Bias plus constant input of each unit. */
  drive: [number, number];
  /**
   * 'together': both units read the previous step (delay-1 edges); 'x-first' / 'y-first': that
   * unit updates first and the other reads its new value (a delay-0 edge between them).
   */
  order: 'together' | 'x-first' | 'y-first';
}

/**
 * Two discrete rate units: x_i[t+1] = (1 − a_i) x_i[t] + a_i f_i(Σ_j w_ij x_j + b_i).
 * x_1[t+1] = x_1[t]  ⇔  w_12 x_2 = f_1⁻¹(x_1) − w_11 x_1 − b_1 (leak does not move the nullclines).
 */
export function ratePlane(p: RatePlane, names: [string, string]): PlaneSystem {
  const act = p.activation.map((a) => ACTIVATIONS[a]);
  const unit = (i: number, x: number, y: number) => (1 - p.leak[i]) * (i === 0 ? x : y) + p.leak[i] * act[i].f(p.w[i][0] * x + p.w[i][1] * y + p.drive[i]);
  const nullcline = (i: number): SeparableNullcline => ({
    name: `${names[i]}-nullcline (${names[i]}[t+1] = ${names[i]}[t])`,
    own: (v) => act[i].inverse(v) - p.w[i][i] * v - p.drive[i],
    coupling: p.w[i][1 - i],
    inverse: identity,
    defined: act[i].range,
  });
  return {
    time: 'discrete',
    step(x, y): Point {
      if (p.order === 'x-first') {
        const x1 = unit(0, x, y);
        return [x1, unit(1, x1, y)];
      }
      if (p.order === 'y-first') {
        const y1 = unit(1, x, y);
        return [unit(0, x, y1), y1];
      }
      return [unit(0, x, y), unit(1, x, y)];
    },
    nullclines: [nullcline(0), nullcline(1)],
    bounds: { x: act[0].range, y: act[1].range },
  };
}

/** One discrete rate unit with a self-weight: x[t+1] = (1 − a) x[t] + a f(w x[t] + b). */
export function rateReturnMap(p: { activation: InvertibleActivation; leak: number; w: number; drive: number }, name: string): ReturnMap {
  const { f, range } = ACTIVATIONS[p.activation];
  const fmt = (v: number) => String(+v.toPrecision(4));
  const leak = p.leak === 1 ? '' : `${fmt(1 - p.leak)}·${name} + ${fmt(p.leak)}·`;
  const drive = p.drive === 0 ? '' : ` ${p.drive < 0 ? '−' : '+'} ${fmt(Math.abs(p.drive))}`;
  return {
    name: `${name}[t+1] = ${leak}${p.activation}(${fmt(p.w)}·${name}${drive})`,
    diagonal: `${name}[t+1] = ${name}[t]`,
    map: (x) => (1 - p.leak) * x + p.leak * f(p.w * x + p.drive),
    bounds: range,
  };
}

/** The same system with its axes exchanged (x ↔ y). */
export function swapAxes(s: PlaneSystem): PlaneSystem {
  return {
    time: s.time,
    step: (x, y) => {
      const [fy, fx] = s.step(y, x);
      return [fx, fy];
    },
    nullclines: [s.nullclines[1], s.nullclines[0]],
    bounds: { x: s.bounds.y, y: s.bounds.x },
  };
}
