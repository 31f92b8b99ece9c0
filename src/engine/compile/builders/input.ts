import type { InputParams } from '../../../model/index.ts';
import { makeSignal } from '../../signals.ts';
import { Rng } from '../../rng.ts';
import type { NodeBuilder, NodeRuntime } from '../types.ts';

/** An input node: y[t] = signal(t), one value per channel. */
export const inputBuilder: NodeBuilder = {
  kind: 'input',
  build(node): NodeRuntime {
    const p = node.params as unknown as InputParams;
    const output = new Float64Array(p.size);
    let noise = new Rng(0, 'unset');
    let signal = makeSignal(p.signal);
    return {
      id: node.id,
      kind: 'input',
      size: p.size,
      output,
      input: new Float64Array(0),
      vars: { output },
      equation: `${node.id}.y[t] = ${p.signal.type}(t)`,
      reads: ['t'],
      reset(rng) {
        noise = rng;
        output.fill(0);
      },
      update(t) {
        signal(t, output, noise);
      },
      /** A new signal (amplitude, period, …) takes over at the next step; the noise stream goes on. */
      setParams(raw) {
        const next = raw as unknown as InputParams;
        if (next.size !== p.size) return false;
        signal = makeSignal(next.signal);
        return true;
      },
    };
  },
};
