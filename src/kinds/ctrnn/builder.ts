import type { CtrnnParams } from './schema.ts';
import { integratorText, OdeSystem, type OdeRuntime } from '../../engine/integrate.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { activationFns } from '../../engine/activations.ts';

/**
 * Continuous-time recurrent neural network (Beer 1995, Adaptive Behavior 3:469, eq. 1):
 *   τ_i dy_i/dt = −y_i + Σ_j w_ij σ(g_j(y_j + θ_j)) + I_i,   σ(z) = 1/(1 + e^(−z))
 * τ in ms, y dimensionless. Incoming edges deliver w·(source output), i.e. the sum Σ w σ(…) + I.
 * Forward Euler (default) or RK4 over dt (engine/integrate.ts): alone, with the delivered input
 * held over the step; coupled by delay-0 edges (a self-loop included) to other ODE nodes, as one
 * system whose couplings are evaluated in every stage (the compiler's integrate operation).
 * Output f(g(y + θ)), f = σ unless `activation` names another (engine/activations.ts).
 */
export const ctrnnBuilder: NodeBuilder<CtrnnParams> = {
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const tau = expandPerUnit(p.tau, n);
    const theta = expandPerUnit(p.bias, n);
    const g = expandPerUnit(p.gain, n);
    const f = activationFns[p.activation];
    const fName = p.activation === 'sigmoid' ? 'σ' : p.activation;
    const y = new Float64Array(n);
    const out = new Float64Array(n);
    const input = new Float64Array(n);
    const ode: OdeRuntime = {
      state: y,
      method: p.integrator,
      derivative(s, inp, ds) {
        for (let i = 0; i < n; i++) ds[i] = (inp[i] - s[i]) / tau[i];
      },
      output(s, o) {
        for (let i = 0; i < n; i++) o[i] = f(g[i] * (s[i] + theta[i]));
      },
    };
    const alone = new OdeSystem([{ ode, output: out, input }], [], p.integrator);
    return {
      id: node.id,
      size: n,
      output: out,
      input,
      vars: { output: out, y },
      equation: `τ dy/dt = −y + ${node.id}.in (${integratorText(p.integrator)}, dt = ${ctx.dt} ms); ${node.id}.y[t] = ${fName}(g·(y + θ))  (Beer 1995)`,
      odeEquation: (inputText) => `τ dy/dt = −y + ${inputText}, output ${fName}(g·(y + θ))`,
      reads: [`${node.id}.state[t−1]`],
      ode,
      reset(rng) {
        fillInit(p.init, y, rng);
        ode.output(y, out);
      },
      update() {
        alone.step(ctx.dt);
      },
    };
  },
};
