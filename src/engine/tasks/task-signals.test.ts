import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { Recorder, parseProbe } from '../probes.ts';
import { trainReadouts } from '../readout-training.ts';
import { nrmse } from './metrics.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { validateDocument, formatIssue } from '../../model/index.ts';

/** Runs an input node with `signal` for `steps` steps and returns its output channels, target and (when present) mask. */
function series(signal: Record<string, unknown>, steps: number, size = 1) {
  const doc = valid(rawDoc([node('u', 'input', { size, signal })]));
  const sim = Simulator.fromDocument(doc);
  const probes = ['u', 'u.target', ...(signal.type === 'adding' ? ['u.mask'] : [])].map((p) => new Recorder(sim, parseProbe(p), steps));
  sim.run(steps, () => probes.forEach((p) => p.record()));
  const [u, target, mask] = probes.map((p) => p.rows());
  return { u, target: target.map((r) => r[0]), mask: mask?.map((r) => r[0]) };
}

describe('task signals for gradient training', () => {
  it('xor-memory: fair seeded bits u(t) ∈ {0, 1}, target u(t) XOR u(t − k) (u before the start counts as 0)', () => {
    const { u, target } = series({ type: 'xor-memory', lag: 3 }, 4000);
    const bits = u.map((r) => r[0]);
    expect(new Set(bits)).toEqual(new Set([0, 1]));
    const ones = bits.reduce((a, b) => a + b, 0) / bits.length;
    expect(Math.abs(ones - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / bits.length));
    target.forEach((d, t) => expect(d).toBe(bits[t] ^ (t >= 3 ? bits[t - 3] : 0)));
    // a seed reproduces the stream; successive pairs look independent
    expect(series({ type: 'xor-memory', lag: 3 }, 4000).u).toEqual(u);
    const pairs = bits.slice(1).filter((b, t) => b === bits[t]).length / (bits.length - 1);
    expect(Math.abs(pairs - 0.5)).toBeLessThan(0.04);
  });

  it('delayed-copy: target u(t − k), 0 before the start', () => {
    const { u, target } = series({ type: 'delayed-copy', lag: 5 }, 200);
    target.forEach((d, t) => expect(d).toBe(t >= 5 ? u[t - 5][0] : 0));
  });

  it('adding (Hochreiter & Schmidhuber 1997): two channels, two markers per sequence (one per half), the sum of the marked values at each sequence end, masked', () => {
    const T = 10;
    const { u, target, mask } = series({ type: 'adding', length: T }, 20 * T, 2);
    for (let s = 0; s < 20; s++) {
      const seq = u.slice(s * T, (s + 1) * T);
      const marked = seq.flatMap((r, k) => (r[1] === 1 ? [k] : []));
      expect(marked).toHaveLength(2);
      expect(marked[0]).toBeLessThan(T / 2);
      expect(marked[1]).toBeGreaterThanOrEqual(T / 2);
      seq.forEach((r) => expect(r[0] >= 0 && r[0] < 1).toBe(true));
      for (let k = 0; k < T; k++) {
        const t = s * T + k;
        expect(mask![t]).toBe(k === T - 1 ? 1 : 0);
        expect(target[t]).toBe(k === T - 1 ? seq[marked[0]][0] + seq[marked[1]][0] : 0);
      }
    }
  });

  it('the adding problem needs an input of size 2 (values and markers)', () => {
    const r = validateDocument(rawDoc([node('u', 'input', { size: 1, signal: { type: 'adding', length: 8 } })]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.errors[0])).toBe('nodes[0].params.size: the adding task drives 2 channels (values and markers): set size to 2');
  });

  it('a readout of the adding task is fitted and scored on the masked steps only', () => {
    const doc = valid(
      rawDoc(
        [
          node('u', 'input', { size: 2, signal: { type: 'adding', length: 6 } }),
          node('h', 'rate', { size: 30, activation: 'tanh' }),
          node('out', 'readout', { target: 'u.target', training: { method: 'ridge', lambda: 1e-6 }, washout: 12, train: 1200, test: 600 }),
        ],
        [edge('in', 'u', 'h', { type: 'uniform', low: -0.5, high: 0.5 }), edge('rec', 'h', 'h', { type: 'normal' }, 1, { spectralRadius: 0.8 }), { id: 'ro', source: 'h', target: 'out' }],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const report = trainReadouts(sim).out;
    // run the trained network again and score the test window by hand, on the sequence ends only
    sim.reset();
    const y: number[] = [];
    const d: number[] = [];
    const all: number[][] = [[], []];
    sim.run(12 + 1200 + 600, () => {
      if (sim.t <= 12 + 1200) return;
      const out = sim.node('out');
      all[0].push(out.output[0]);
      all[1].push(out.vars.target[0]);
      if (sim.node('u').vars.mask[0] === 0) return;
      y.push(out.output[0]);
      d.push(out.vars.target[0]);
    });
    expect(y).toHaveLength(100);
    expect(report.nrmse_test).toBeCloseTo(nrmse(y, d), 12);
    expect(Math.abs(nrmse(all[0], all[1]) - report.nrmse_test!)).toBeGreaterThan(0.1);
    expect(report.accuracy_test).toBeUndefined();
  });
});
