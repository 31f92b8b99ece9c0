/**
 * The phase plane of discrete rate units: two units (a plane of the map), or one unit with a
 * self-weight (a return map).
 */
import type { Interval, PhasePlaneModel, PlaneSystem, Point, ReturnMap, SeparableNullcline } from '../../model/index.ts';
import { ALL, identity, logistic, logit, noPlane, unitValue } from '../shared/plane.ts';
import type { RateParams } from './schema.ts';

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

const INVERTIBLE = new Set<string>(['tanh', 'sigmoid', 'linear']);

/** Units with intrinsic plasticity move their own nullclines, and only invertible activations have them. */
export const ratePhasePlane: PhasePlaneModel<RateParams> = {
  build({ units, single, w, c, order }) {
    for (const u of units) {
      if (u.params.plasticity) return noPlane(`${u.node} adapts its gain and bias (intrinsic plasticity)`);
      if (!INVERTIBLE.has(u.params.activation)) return noPlane(`${u.params.activation} units have no inverse (tanh, sigmoid and linear only)`);
    }
    const act = (k: number) => units[k].params.activation as InvertibleActivation;
    const drive = (k: number) => c[k] + unitValue(units[k].params.bias, units[k].index);
    const leak = (k: number) => units[k].params.leak;
    if (single) return { kind: 'return-map', map: rateReturnMap({ activation: act(0), leak: leak(0), w: w[0][0], drive: drive(0) }, units[0].node) };
    const system = ratePlane({ activation: [act(0), act(1)], leak: [leak(0), leak(1)], w, drive: [drive(0), drive(1)], order }, [units[0].name, units[1].name]);
    return { kind: 'plane', system };
  },
};
