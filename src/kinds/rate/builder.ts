import type { RateParams } from './schema.ts';
import { activationFns, activationFormulas } from '../../engine/activations.ts';
import type { Kernels } from '../../engine/kernels/kernels.ts';
import { rateIp } from '../../engine/plasticity/intrinsic.ts';
import type { BuiltNode, NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit, fillInit } from '../shared/init-state.ts';
import { rateAdjoint } from './adjoint.ts';

/**
 * Leaky rate population (leaky-integrator echo state network: Jaeger 2001, Jaeger et al. 2007,
 * "Optimization and applications of echo state networks with leaky-integrator neurons"):
 *   net[t] = Σ_edges W·y_src + b
 *   x[t]   = (1 − a)·x[t−1] + a·f(net[t])
 * with leak rate a ∈ (0, 1] (dimensionless; a = 1 is the memoryless unit x[t] = f(net[t])).
 * The output is y[t] = x[t].
 *
 * With intrinsic plasticity (params.plasticity), each unit has a gain g and bias b adapted online
 * (plasticity/intrinsic.ts): net[t] = g·Σ_edges W·y_src + b, b starting at the `bias` param, g at 1.
 */
export const rateBuilder: NodeBuilder<RateParams> = {
  // From a few hundred units the fused WASM update and the copy-free products pay.
  kernelState: { from: 256, step: 'rateUpdate' },
  build(node, ctx) {
    let p = node.params;
    const n = p.size;
    // In the kernels' workspace when the program has one for state (large populations, see
    // kernelState below): the WASM kernels then update it and multiply it in place. Not with
    // intrinsic plasticity, whose update is a JS loop: JS reads views of WASM memory more slowly.
    const alloc = p.plasticity ? undefined : ctx.alloc;
    const f64 = (k: number) => (alloc ? alloc.f64(k) : new Float64Array(k));
    const x = f64(n);
    const input = f64(n);
    const net = f64(n);
    const act = f64(n);
    const bias = f64(n);
    bias.set(expandPerUnit(p.bias, n));
    // Mutable so that setParams can change them between steps (live parameter changes).
    let f = activationFns[p.activation];
    let batch = batchActivation(ctx.kernels, p.activation);
    let a = p.leak;
    const leakText = a === 1 ? '' : `(1−${a})·${node.id}.y[t−1] + ${a}·`;
    const runtime: BuiltNode<RateParams> = {
      id: node.id,
      size: n,
      output: x,
      input,
      vars: { output: x, net },
      equation: `${node.id}.y[t] = ${leakText}f(${node.id}.in + b), ${activationFormulas[p.activation]}`,
      reads: a === 1 ? [] : [`${node.id}.y[t−1]`],
      reset(rng) {
        fillInit(p.init, x, rng);
        net.fill(0);
      },
      update() {
        if (batch) {
          // whole population at once: the vectorised tanh / σ of the kernels (WASM SIMD or its
          // bit-identical JS port, vector-math.ts), fused with the leaky update where the state
          // is in the kernels' memory
          const activation = p.activation as 'tanh' | 'sigmoid';
          if (alloc && ctx.kernels.rateUpdate?.(activation, n, input, bias, x, net, act, 1 - a, a)) return;
          for (let i = 0; i < n; i++) {
            const h = input[i] + bias[i];
            net[i] = h;
            act[i] = h;
          }
          batch(act, n);
          for (let i = 0; i < n; i++) x[i] = (1 - a) * x[i] + a * act[i];
          return;
        }
        for (let i = 0; i < n; i++) {
          const h = input[i] + bias[i];
          net[i] = h;
          const v = f(h);
          act[i] = v;
          x[i] = (1 - a) * x[i] + a * v;
        }
      },
      setParams(next) {
        if (next.size !== n || JSON.stringify(next.plasticity) !== JSON.stringify(p.plasticity)) return false;
        p = next;
        a = next.leak;
        f = activationFns[next.activation];
        batch = batchActivation(ctx.kernels, next.activation);
        bias.set(expandPerUnit(next.bias, n));
        return true;
      },
      adjoint: rateAdjoint({
        size: n,
        act,
        bias,
        leak: () => a,
        activation: () => p.activation,
        adaptive: p.plasticity !== undefined,
        trainable: p.trainable !== false,
      }),
    };
    if (!p.plasticity) return runtime;

    const gain = new Float64Array(n);
    const ipBias = new Float64Array(n);
    return {
      ...runtime,
      vars: { output: x, net, gain, bias: ipBias },
      equation: `${node.id}.y[t] = ${leakText}f(gain·${node.id}.in + bias), ${activationFormulas[p.activation]}, gain and bias per unit (intrinsic plasticity)`,
      reads: [...runtime.reads!, `${node.id}.gain`, `${node.id}.bias`],
      plasticity: [rateIp(node.id, p.plasticity, { x: input, y: act, gain, bias: ipBias })],
      reset(rng) {
        runtime.reset(rng);
        gain.fill(1);
        ipBias.set(bias); // the `bias` param is the learnt bias's initial value
        act.fill(0);
      },
      update() {
        for (let i = 0; i < n; i++) {
          const h = gain[i] * input[i] + ipBias[i];
          net[i] = h;
          const y = f(h);
          act[i] = y;
          x[i] = (1 - a) * x[i] + a * y;
        }
      },
    };
  },
};

/**
 * The population-wide tanh or σ of the kernels (≤ 1e-15 relative error against Math.tanh and
 * 1/(1 + e^(−x)), see kernels/vector-math.ts), or null for the other activations (applied per unit).
 */
function batchActivation(k: Kernels, activation: RateParams['activation']): ((values: Float64Array, n: number) => void) | null {
  if (activation === 'tanh') return (v, n) => k.tanhApprox(v, n);
  if (activation === 'sigmoid') return (v, n) => k.sigmoidApprox(v, n);
  return null;
}
