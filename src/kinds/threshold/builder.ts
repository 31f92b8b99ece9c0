import type { ThresholdParams } from './schema.ts';
import { thresholdIp } from '../../engine/plasticity/intrinsic.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';

/**
 * Binary threshold units (McCulloch & Pitts 1943; SORN's units, Lazar et al. 2009, eqs. 1–2):
 *   x_i[t] = 1 if Σ_edges W·y_src ≥ T_i, else 0
 * with a threshold T_i per unit (fixed, per-unit, or drawn from U(low, high) at reset). Outputs are
 * 0/1 events, so outgoing edges deliver event-driven. Threshold IP: see plasticity/intrinsic.ts.
 */
export const thresholdBuilder: NodeBuilder<ThresholdParams> = {
  build(node) {
    const p = node.params;
    const n = p.size;
    const x = new Float64Array(n);
    const input = new Float64Array(n);
    const net = new Float64Array(n);
    const threshold = new Float64Array(n);
    const plasticity = p.plasticity ? [thresholdIp(node.id, p.plasticity, x, threshold)] : undefined;
    return {
      id: node.id,
      size: n,
      output: x,
      input,
      vars: { output: x, net, threshold },
      equation: `${node.id}.x_i[t] = [${node.id}.in_i ≥ T_i]  (McCulloch & Pitts 1943)`,
      reads: [`${node.id}.threshold`],
      ...(plasticity ? { plasticity } : {}),
      reset(rng) {
        const t = p.threshold;
        if (typeof t === 'number') threshold.fill(t);
        else if (Array.isArray(t)) threshold.set(t);
        else for (let i = 0; i < n; i++) threshold[i] = rng.between(t.low, t.high);
        const init = p.init;
        if (typeof init === 'number') x.fill(init);
        else if (Array.isArray(init)) x.set(init);
        else for (let i = 0; i < n; i++) x[i] = rng.uniform() < init.p ? 1 : 0;
        net.fill(0);
      },
      update() {
        for (let i = 0; i < n; i++) {
          net[i] = input[i];
          x[i] = input[i] >= threshold[i] ? 1 : 0;
        }
      },
    };
  },
};
