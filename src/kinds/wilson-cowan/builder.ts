import type { WilsonCowanParams } from './schema.ts';
import { integratorText, OdeSystem, type OdeRuntime } from '../../engine/integrate.ts';
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
 * τ in ms; forward Euler (default) or RK4 over dt (engine/integrate.ts): alone, with the edge inputs
 * [in_E, in_I] held over the step; coupled by delay-0 edges to other ODE nodes, as one system whose
 * couplings are evaluated in every stage.
 * Output [r_E, r_I].
 */
export const wilsonCowanBuilder: NodeBuilder<WilsonCowanParams> = {
  build(node, ctx) {
    const p = node.params;
    const r = new Float64Array(2);
    const input = new Float64Array(2);
    const ode: OdeRuntime = {
      state: r,
      method: p.integrator,
      derivative(s, inp, ds) {
        const e = s[0];
        const i = s[1];
        ds[0] = (-e + wcGain(p.w_EE * e - p.w_EI * i + p.I_ext_E + inp[0], p.a_E, p.theta_E)) / p.tau_E;
        ds[1] = (-i + wcGain(p.w_IE * e - p.w_II * i + p.I_ext_I + inp[1], p.a_I, p.theta_I)) / p.tau_I;
      },
      // The output is the state [r_E, r_I] itself.
      output(s, o) {
        if (o !== s) o.set(s);
      },
    };
    // The output buffer is the state array r itself.
    const alone = new OdeSystem([{ ode, output: r, input }], [], p.integrator);
    return {
      id: node.id,
      size: 2,
      output: r,
      input,
      vars: { output: r, E: r.subarray(0, 1), I: r.subarray(1, 2) },
      equation: `τ_E dE/dt = −E + F(${p.w_EE}E − ${p.w_EI}I + ${p.I_ext_E} + in_E; ${p.a_E}, ${p.theta_E}), τ_I dI/dt = −I + F(${p.w_IE}E − ${p.w_II}I + ${p.I_ext_I} + in_I; ${p.a_I}, ${p.theta_I}) (${integratorText(p.integrator)}; Wilson & Cowan 1972)`,
      odeEquation: (inputText) =>
        `τ_E dE/dt = −E + F(${p.w_EE}E − ${p.w_EI}I + ${p.I_ext_E} + [${inputText}]_E), τ_I dI/dt = −I + F(${p.w_IE}E − ${p.w_II}I + ${p.I_ext_I} + [${inputText}]_I)`,
      reads: [`${node.id}.E[t−1]`, `${node.id}.I[t−1]`],
      ode,
      reset() {
        r[0] = p.init_E;
        r[1] = p.init_I;
      },
      update() {
        alone.step(ctx.dt);
      },
    };
  },
};
