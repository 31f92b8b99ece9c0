import type { PoissonParams } from './schema.ts';
import { Rng } from '../../engine/rng.ts';
import type { NodeBuilder } from '../../engine/compile/types.ts';
import { expandPerUnit } from '../shared/init-state.ts';

/**
 * Poisson spike trains (Dayan & Abbott 2001, §1.4, "generating spike trains"): in each step of dt
 * ms, unit i spikes with probability p_i = min(1, rate_i·dt/1000) (rate in Hz), independently,
 * from the node's seeded stream (one uniform draw per unit per step, in unit order).
 */
export const poissonBuilder: NodeBuilder<PoissonParams> = {
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const prob = expandPerUnit(p.rate, n).map((r) => Math.min(1, (r * ctx.dt) / 1000));
    const spikes = new Float64Array(n);
    let rng = new Rng(0, 'unset');
    return {
      id: node.id,
      size: n,
      output: spikes,
      input: new Float64Array(0),
      vars: { output: spikes },
      equation: `${node.id}.y_i[t] = 1 with probability rate_i·dt/1000, else 0 (seeded)`,
      reads: ['rng'],
      reset(r) {
        rng = r;
        spikes.fill(0);
      },
      update() {
        for (let i = 0; i < n; i++) spikes[i] = rng.uniform() < prob[i] ? 1 : 0;
      },
    };
  },
};
