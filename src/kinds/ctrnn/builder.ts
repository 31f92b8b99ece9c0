import type { CtrnnParams } from './schema.ts';
import { integratorText, OdeStepper } from '../../engine/integrate.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { sigmoid } from '../../engine/math/detmath.ts';

/**
 * Continuous-time recurrent neural network (Beer 1995, Adaptive Behavior 3:469, eq. 1):
 *   τ_i dy_i/dt = −y_i + Σ_j w_ij σ(g_j(y_j + θ_j)) + I_i,   σ(z) = 1/(1 + e^(−z))
 * τ in ms, y dimensionless. Incoming edges deliver w·(source output), i.e. the sum Σ w σ(…) + I;
 * the node integrates with forward Euler (default) or RK4 over dt, holding that input constant.
 * Output σ(g(y + θ)).
 */
export const ctrnnBuilder: NodeBuilder<CtrnnParams> = {
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const tau = expandPerUnit(p.tau, n);
    const theta = expandPerUnit(p.bias, n);
    const g = expandPerUnit(p.gain, n);
    const y = new Float64Array(n);
    const out = new Float64Array(n);
    const input = new Float64Array(n);
    const stepper = new OdeStepper(n, p.integrator);
    const derivative = (s: Float64Array, ds: Float64Array) => {
      for (let i = 0; i < n; i++) ds[i] = (input[i] - s[i]) / tau[i];
    };
    const output = () => {
      for (let i = 0; i < n; i++) out[i] = sigmoid(g[i] * (y[i] + theta[i]));
    };
    return {
      id: node.id,
      size: n,
      output: out,
      input,
      vars: { output: out, y },
      equation: `τ dy/dt = −y + ${node.id}.in (${integratorText(p.integrator)}, dt = ${ctx.dt} ms); ${node.id}.y[t] = σ(g·(y + θ))  (Beer 1995)`,
      reads: [`${node.id}.state[t−1]`],
      reset(rng) {
        fillInit(p.init, y, rng);
        output();
      },
      update() {
        stepper.step(y, ctx.dt, derivative);
        output();
      },
    };
  },
};
