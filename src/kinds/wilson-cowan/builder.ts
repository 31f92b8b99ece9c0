import type { WilsonCowanParams } from './schema.ts';
import { integratorText, OdeStepper } from '../../engine/integrate.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { sigmoid } from '../../engine/math/detmath.ts';

/** F(x; a, θ) = 1/(1 + e^(−a(x − θ))) − 1/(1 + e^(aθ)): the shifted logistic, F(0) = 0. */
export function wcGain(x: number, a: number, theta: number): number {
  return sigmoid(a * (x - theta)) - sigmoid(-a * theta);
}

/**
 * Wilson–Cowan E/I populations (Wilson & Cowan 1972, Biophys. J. 12:1; the form and default
 * parameters of Neuromatch Academy's tutorial W2D4 T2, without the refractory factor):
 *   τ_E dr_E/dt = −r_E + F(w_EE r_E − w_EI r_I + I_ext_E + in_E; a_E, θ_E)
 *   τ_I dr_I/dt = −r_I + F(w_IE r_E − w_II r_I + I_ext_I + in_I; a_I, θ_I)
 * τ in ms; forward Euler (default) or RK4 over dt with the edge inputs [in_E, in_I] held constant.
 * Output [r_E, r_I].
 */
export const wilsonCowanBuilder: NodeBuilder<WilsonCowanParams> = {
  build(node, ctx) {
    const p = node.params;
    const r = new Float64Array(2);
    const input = new Float64Array(2);
    const stepper = new OdeStepper(2, p.integrator);
    const derivative = (s: Float64Array, ds: Float64Array) => {
      const e = s[0];
      const i = s[1];
      ds[0] = (-e + wcGain(p.w_EE * e - p.w_EI * i + p.I_ext_E + input[0], p.a_E, p.theta_E)) / p.tau_E;
      ds[1] = (-i + wcGain(p.w_IE * e - p.w_II * i + p.I_ext_I + input[1], p.a_I, p.theta_I)) / p.tau_I;
    };
    return {
      id: node.id,
      size: 2,
      output: r,
      input,
      vars: { output: r, E: r.subarray(0, 1), I: r.subarray(1, 2) },
      equation: `τ_E dE/dt = −E + F(${p.w_EE}E − ${p.w_EI}I + ${p.I_ext_E} + in_E; ${p.a_E}, ${p.theta_E}), τ_I dI/dt = −I + F(${p.w_IE}E − ${p.w_II}I + ${p.I_ext_I} + in_I; ${p.a_I}, ${p.theta_I}) (${integratorText(p.integrator)}; Wilson & Cowan 1972)`,
      reads: [`${node.id}.E[t−1]`, `${node.id}.I[t−1]`],
      reset() {
        r[0] = p.init_E;
        r[1] = p.init_I;
      },
      update() {
        stepper.step(r, ctx.dt, derivative);
      },
    };
  },
};
