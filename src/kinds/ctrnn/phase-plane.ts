/** The phase plane of two CTRNN units (Beer 1995), drawn in the outputs the probes record. */
import type { Interval, PhasePlaneModel, PlaneSystem, SeparableNullcline } from '../../model/index.ts';
import { ALL, logistic, logit, noPlane, unitValue } from '../shared/plane.ts';
import type { CtrnnParams } from './schema.ts';

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

/** Two units of one or two CTRNN nodes; the probes record the outputs σ(g(y + θ)), not the states y. */
export const ctrnnPhasePlane: PhasePlaneModel<CtrnnParams> = {
  build({ units, single, w, c }) {
    if (single) return noPlane('one continuous unit: a phase line, not a plane');
    const other = units.find((u) => u.params.activation !== 'sigmoid');
    if (other) return noPlane(`${other.name} has a ${other.params.activation} output (nullclines for the logistic σ only)`);
    const pick = (key: 'tau' | 'bias' | 'gain'): [number, number] => [unitValue(units[0].params[key], units[0].index), unitValue(units[1].params[key], units[1].index)];
    const [bias, gain] = [pick('bias'), pick('gain')];
    if (gain.includes(0)) return noPlane('a unit with gain 0 has a constant output');
    const system = ctrnnPlane({ tau: pick('tau'), bias, gain, w, input: c }, [units[0].name, units[1].name]);
    const out = (i: number) => (y: number) => logistic(gain[i] * (y + bias[i]));
    const state = (i: number) => (o: number) => Math.log(o / (1 - o)) / gain[i] - bias[i];
    return { kind: 'plane', system, axes: { toShown: [out(0), out(1)], fromShown: [state(0), state(1)] } };
  },
};
