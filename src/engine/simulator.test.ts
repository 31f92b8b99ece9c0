import { describe, expect, it } from 'vitest';
import { DivergenceError, Recorder, Simulator, parseProbe } from './index.ts';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../test-support/docs.ts';

function trace(sim: Simulator, probe: string, steps: number): number[][] {
  const rec = new Recorder(sim, parseProbe(probe), steps);
  sim.run(steps, () => rec.record());
  return rec.rows();
}

describe('simulator: analytic results', () => {
  it('the issue example follows the geometric series x[t] = 2·(1 − 0.5^(t+1))', () => {
    const sim = Simulator.fromDocument(valid(leakyUnitDoc()));
    const xs = trace(sim, 'x', 40).map((r) => r[0]);
    expect(xs.slice(0, 4)).toEqual([1, 1.5, 1.75, 1.875]);
    xs.forEach((x, t) => expect(x).toBe(2 * (1 - 0.5 ** (t + 1))));
  });

  it('a delay-3 edge shows its effect exactly 3 steps later', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'pulse', at: 2, width: 1, value: 5 } }), node('x', 'rate', { activation: 'linear' })],
        [edge('d3', 'u', 'x', { type: 'constant', value: 1 }, 3)],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const rec = { u: new Recorder(sim, parseProbe('u'), 10), x: new Recorder(sim, parseProbe('x'), 10) };
    sim.run(10, () => {
      rec.u.record();
      rec.x.record();
    });
    expect(rec.u.rows().flat()).toEqual([0, 0, 5, 0, 0, 0, 0, 0, 0, 0]);
    expect(rec.x.rows().flat()).toEqual([0, 0, 0, 0, 0, 5, 0, 0, 0, 0]);
  });

  it('a feed-forward chain of delay-0 edges settles within one step', () => {
    const doc = valid(
      rawDoc(
        // Listed in reverse so document order disagrees with the data flow.
        [
          node('c', 'rate', { activation: 'linear' }),
          node('b', 'rate', { activation: 'linear' }),
          node('a', 'rate', { activation: 'linear' }),
          node('u', 'input', { signal: { type: 'constant', value: 1 } }),
        ],
        [
          edge('bc', 'b', 'c', { type: 'constant', value: 3 }),
          edge('ab', 'a', 'b', { type: 'constant', value: 2 }),
          edge('ua', 'u', 'a', { type: 'constant', value: 1 }),
        ],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    sim.step();
    expect(sim.node('c').output[0]).toBe(6);
    expect(sim.program.nodes.map((n) => n.id)).toEqual(['u', 'a', 'b', 'c']);
  });

  it('a 2-unit linear rotation keeps its period and its norm', () => {
    const theta = (2 * Math.PI) / 8;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const doc = valid(
      rawDoc(
        [node('r', 'rate', { size: 2, activation: 'linear', init: [1, 0] })],
        [edge('rot', 'r', 'r', { type: 'matrix', values: [[c, -s], [s, c]] }, 1)],
      ),
    );
    const rows = trace(Simulator.fromDocument(doc), 'r', 80);
    for (let t = 0; t < 80; t++) {
      expect(Math.hypot(rows[t][0], rows[t][1])).toBeCloseTo(1, 12);
      // After step t+1 the state is rotated by (t+1)·θ.
      expect(rows[t][0]).toBeCloseTo(Math.cos((t + 1) * theta), 12);
      expect(rows[t][1]).toBeCloseTo(Math.sin((t + 1) * theta), 12);
    }
    expect(rows[7][0]).toBeCloseTo(1, 12); // period 8
    expect(rows[15][1]).toBeCloseTo(0, 12);
  });

  it('leak a makes a unit integrate: x[t] = 1 − (1 − a)^(t+1) under constant drive', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'constant', value: 1 } }), node('x', 'rate', { activation: 'linear', leak: 0.25 })],
        [edge('in', 'u', 'x', { type: 'constant', value: 1 })],
      ),
    );
    trace(Simulator.fromDocument(doc), 'x', 30).forEach(([x], t) => expect(x).toBeCloseTo(1 - 0.75 ** (t + 1), 14));
  });

  it('a tanh unit with self-weight w < 1 decays to the fixed point 0; w > 1 settles at x* = tanh(w·x*)', () => {
    const run = (w: number) =>
      trace(
        Simulator.fromDocument(
          valid(rawDoc([node('x', 'rate', { activation: 'tanh', init: 0.5 })], [edge('s', 'x', 'x', { type: 'constant', value: w }, 1)])),
        ),
        'x',
        2000,
      ).at(-1)![0];
    expect(Math.abs(run(0.5))).toBeLessThan(1e-12);
    const x = run(2);
    expect(x).toBeGreaterThan(0.9);
    expect(Math.abs(x - Math.tanh(2 * x))).toBeLessThan(1e-12);
  });

  it('signals follow their definitions', () => {
    const doc = valid(
      rawDoc([
        node('sine', 'input', { signal: { type: 'sine', amplitude: 2, period: 4, phase: 0, offset: 1 } }),
        node('step', 'input', { signal: { type: 'step', at: 2, before: -1, after: 3 } }),
        node('seq', 'input', { size: 2, signal: { type: 'sequence', values: [[1, 2], [3, 4]], repeat: false } }),
        node('rep', 'input', { signal: { type: 'sequence', values: [7, 8, 9] } }),
      ]),
    );
    const sim = Simulator.fromDocument(doc);
    const recs = ['sine', 'step', 'seq', 'rep'].map((p) => new Recorder(sim, parseProbe(p), 5));
    sim.run(5, () => recs.forEach((r) => r.record()));
    const [sine, step, seq, rep] = recs.map((r) => r.rows());
    sine.forEach(([v], t) => expect(v).toBeCloseTo(1 + 2 * Math.sin((2 * Math.PI * t) / 4), 14));
    expect(step.flat()).toEqual([-1, -1, 3, 3, 3]);
    expect(seq).toEqual([[1, 2], [3, 4], [0, 0], [0, 0], [0, 0]]);
    expect(rep.flat()).toEqual([7, 8, 9, 7, 8]);
  });
});

describe('simulator: determinism and divergence', () => {
  const noisyReservoir = () =>
    valid(
      rawDoc(
        [
          node('u', 'input', { signal: { type: 'gaussian', mean: 0, std: 1 } }),
          node('res', 'rate', { size: 30, activation: 'tanh', leak: 0.5, init: { type: 'uniform', low: -1, high: 1 } }),
        ],
        [
          edge('in', 'u', 'res', { type: 'uniform', low: -1, high: 1 }),
          edge('rec', 'res', 'res', { type: 'normal' }, 1, { connectivity: 0.1, spectralRadius: 0.9 }),
        ],
      ),
    );

  it('the same seed gives bit-identical traces; another seed does not', () => {
    const a = trace(Simulator.fromDocument(noisyReservoir(), { seed: 11 }), 'res', 200);
    const b = trace(Simulator.fromDocument(noisyReservoir(), { seed: 11 }), 'res', 200);
    const c = trace(Simulator.fromDocument(noisyReservoir(), { seed: 12 }), 'res', 200);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('reset(seed) reproduces the first run exactly', () => {
    const sim = Simulator.fromDocument(noisyReservoir());
    const first = trace(sim, 'res', 100);
    sim.reset();
    expect(trace(sim, 'res', 100)).toEqual(first);
  });

  it('stops a diverging run naming the node and the step', () => {
    // x[t] = 1 + 2·x[t−1] = 2^t − 1 overflows to +Infinity at step 1024.
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'constant', value: 1 } }), node('x', 'rate', { activation: 'linear' })],
        [edge('in', 'u', 'x', { type: 'constant', value: 1 }), edge('self', 'x', 'x', { type: 'constant', value: 2 }, 1)],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    let error: unknown;
    try {
      sim.run(5000);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    expect(error).toMatchObject({ node: 'x', step: 1024, value: Infinity });
  });
});
