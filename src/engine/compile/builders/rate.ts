import type { RateParams } from '../../../model/index.ts';
import { activationFns, activationFormulas } from '../../activations.ts';
import type { NodeBuilder, NodeRuntime } from '../types.ts';
import { expandPerUnit, fillInit } from './init-state.ts';

/**
 * Leaky rate population (leaky-integrator echo state network: Jaeger 2001, Jaeger et al. 2007,
 * "Optimization and applications of echo state networks with leaky-integrator neurons"):
 *   net[t] = Σ_edges W·y_src + b
 *   x[t]   = (1 − a)·x[t−1] + a·f(net[t])
 * with leak rate a ∈ (0, 1] (dimensionless; a = 1 is the memoryless unit x[t] = f(net[t])).
 * The output is y[t] = x[t].
 */
export const rateBuilder: NodeBuilder = {
  kind: 'rate',
  build(node): NodeRuntime {
    const p = node.params as unknown as RateParams;
    const n = p.size;
    const x = new Float64Array(n);
    const input = new Float64Array(n);
    const net = new Float64Array(n);
    const bias = expandPerUnit(p.bias, n);
    const f = activationFns[p.activation];
    const a = p.leak;
    return {
      id: node.id,
      kind: 'rate',
      size: n,
      output: x,
      input,
      vars: { output: x, net },
      equation: `${node.id}.y[t] = ${a === 1 ? '' : `(1−${a})·${node.id}.y[t−1] + ${a}·`}f(${node.id}.in + b), ${activationFormulas[p.activation]}`,
      reads: a === 1 ? [] : [`${node.id}.y[t−1]`],
      reset(rng) {
        fillInit(p.init, x, rng);
        net.fill(0);
      },
      update() {
        for (let i = 0; i < n; i++) {
          const h = input[i] + bias[i];
          net[i] = h;
          x[i] = (1 - a) * x[i] + a * f(h);
        }
      },
    };
  },
};
