import { describe, expect, it } from 'vitest';
import { memoryCapacity, Recorder, Simulator, parseProbe, trainReadouts, isReadout } from './index.ts';
import { validateDocument, formatIssue } from '../model/index.ts';
import { edge, node, rawDoc, valid } from '../test-support/docs.ts';

/** A 3-channel noise input u, a linear node lin = 0.5·u0 − u1 + 2·u2 + 0.3, and a readout of u learning lin. */
function knownLinearSystem(training: Record<string, unknown>, train = 400) {
  return valid(
    rawDoc(
      [
        node('u', 'input', { size: 3, signal: { type: 'gaussian', mean: 0, std: 1 } }),
        node('lin', 'rate', { size: 1, activation: 'linear', bias: 0.3 }),
        node('out', 'readout', { target: 'lin', training, washout: 10, train, test: 200 }),
      ],
      [edge('w', 'u', 'lin', { type: 'matrix', values: [[0.5, -1, 2]] }), { id: 'r', source: 'u', target: 'out' }],
    ),
  );
}

function readoutWeights(sim: Simulator): number[] {
  const r = sim.program.nodes.find(isReadout)!;
  return Array.from(r.readout.weights);
}

describe('readout training', () => {
  it('ridge regression recovers the weights and bias of a known linear system', () => {
    const sim = Simulator.fromDocument(knownLinearSystem({ method: 'ridge', lambda: 1e-10 }));
    const report = trainReadouts(sim).out;
    readoutWeights(sim).forEach((w, i) => expect(w).toBeCloseTo([0.5, -1, 2, 0.3][i], 7));
    expect(report.nrmse_train).toBeLessThan(1e-7);
    expect(report.nrmse_test).toBeLessThan(1e-7);
    expect(report.weights_norm).toBeCloseTo(Math.hypot(0.5, 1, 2, 0.3), 7);
    // The trained weights stay: a fresh run reproduces the target.
    sim.reset();
    const y = new Recorder(sim, parseProbe('out'), 50);
    const d = new Recorder(sim, parseProbe('lin'), 50);
    sim.run(50, () => {
      y.record();
      d.record();
    });
    y.rows().forEach(([v], t) => expect(v).toBeCloseTo(d.rows()[t][0], 7));
  });

  it('a large λ shrinks the weights towards 0', () => {
    const small = trainReadouts(Simulator.fromDocument(knownLinearSystem({ method: 'ridge', lambda: 1e-8 }))).out;
    const large = trainReadouts(Simulator.fromDocument(knownLinearSystem({ method: 'ridge', lambda: 1e4 }))).out;
    expect(large.weights_norm).toBeLessThan(0.2 * small.weights_norm);
    expect(large.nrmse_test!).toBeGreaterThan(0.5);
  });

  it('online LMS and RLS converge to the same weights', () => {
    const lms = Simulator.fromDocument(knownLinearSystem({ method: 'lms', eta: 0.02 }, 3000));
    trainReadouts(lms);
    readoutWeights(lms).forEach((w, i) => expect(w).toBeCloseTo([0.5, -1, 2, 0.3][i], 4));
    const rls = Simulator.fromDocument(knownLinearSystem({ method: 'rls', forgetting: 1, delta: 1e-6 }, 200));
    const report = trainReadouts(rls).out;
    readoutWeights(rls).forEach((w, i) => expect(w).toBeCloseTo([0.5, -1, 2, 0.3][i], 6));
    expect(report.nrmse_test).toBeLessThan(1e-6);
  });

  it('an echo state network of 100 units solves NARMA-10 (test NRMSE ≤ 0.4) and Mackey–Glass one step ahead (≤ 0.05)', () => {
    const esn = (signal: Record<string, unknown>, leak: number, radius: number, inputScale: number) =>
      valid(
        rawDoc(
          [
            node('u', 'input', { signal }),
            node('res', 'rate', { size: 100, activation: 'tanh', leak }),
            node('out', 'readout', { target: 'u.target', training: { method: 'ridge', lambda: 1e-8 }, washout: 200, train: 2000, test: 1000 }),
          ],
          [
            edge('in', 'u', 'res', { type: 'uniform', low: -inputScale, high: inputScale }),
            edge('rec', 'res', 'res', { type: 'normal' }, 1, { connectivity: 0.1, spectralRadius: radius }),
            { id: 'ro', source: 'res', target: 'out' },
            { id: 'ru', source: 'u', target: 'out' },
          ],
          { seed: 3 },
        ),
      );
    const narma = trainReadouts(Simulator.fromDocument(esn({ type: 'narma', order: 10 }, 1, 0.9, 0.5))).out;
    expect(narma.nrmse_test).toBeLessThanOrEqual(0.4);
    const mg = trainReadouts(Simulator.fromDocument(esn({ type: 'mackey-glass', tau: 17, horizon: 1 }, 0.3, 1.25, 1))).out;
    expect(mg.nrmse_test).toBeLessThanOrEqual(0.05);
  });
});

describe('memory capacity', () => {
  const reservoir = (n: number) =>
    valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'memory-capacity', max_delay: 60 } }), node('res', 'rate', { size: n, activation: 'tanh' })],
        [edge('in', 'u', 'res', { type: 'uniform', low: -0.1, high: 0.1 }), edge('rec', 'res', 'res', { type: 'normal' }, 1, { spectralRadius: 0.95 })],
        { seed: 5 },
      ),
    );
  const mc = (n: number) =>
    memoryCapacity(Simulator.fromDocument(reservoir(n)), { node: 'res', input: 'u', maxDelay: 60, washout: 200, train: 3000, test: 1500, lambda: 1e-8 });

  it('is at most N and grows with N; r²(k) falls from ≈ 1 at k = 1', () => {
    const small = mc(8);
    const large = mc(30);
    expect(small.mc).toBeLessThanOrEqual(8);
    expect(large.mc).toBeLessThanOrEqual(30);
    expect(large.mc).toBeGreaterThan(small.mc + 5);
    expect(small.curve[0]).toBeGreaterThan(0.95);
    expect(small.curve[59]).toBeLessThan(0.05);
  });
});

describe('task signals', () => {
  function record(signal: Record<string, unknown>, steps: number) {
    const sim = Simulator.fromDocument(valid(rawDoc([node('u', 'input', { signal })])));
    const u = new Recorder(sim, parseProbe('u'), steps);
    const d = new Recorder(sim, parseProbe('u.target'), steps);
    sim.run(steps, () => {
      u.record();
      d.record();
    });
    return { u: u.rows().map((r) => r[0]), d: d.rows() };
  }

  it('NARMA-10 follows its recurrence with u in [0, 0.5)', () => {
    const { u, d } = record({ type: 'narma', order: 10 }, 300);
    const y = [0];
    for (let t = 0; t < 300; t++) {
      expect(u[t]).toBeGreaterThanOrEqual(0);
      expect(u[t]).toBeLessThan(0.5);
      let sum = 0;
      for (let i = 0; i < 10; i++) sum += t - i >= 0 ? y[t - i] : 0;
      y.push(0.3 * y[t] + 0.05 * y[t] * sum + 1.5 * (t - 9 >= 0 ? u[t - 9] : 0) * u[t] + 0.1);
      expect(d[t][0]).toBeCloseTo(y[t + 1], 12);
    }
  });

  it('memory-capacity targets are the delayed inputs', () => {
    const { u, d } = record({ type: 'memory-capacity', max_delay: 4 }, 50);
    for (let t = 0; t < 50; t++) for (let k = 1; k <= 4; k++) expect(d[t][k - 1]).toBe(t - k >= 0 ? u[t - k] : 0);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(-0.8);
    expect(Math.max(...u)).toBeLessThan(0.8);
  });

  it('Mackey–Glass starts at x0, stays in its attractor band and its target is the next value', () => {
    const { u, d } = record({ type: 'mackey-glass', tau: 17, horizon: 3 }, 3000);
    expect(u[0]).toBe(1.2);
    for (let t = 0; t + 3 < 3000; t++) expect(d[t][0]).toBe(u[t + 3]);
    const late = u.slice(500);
    expect(Math.min(...late)).toBeGreaterThan(0.2);
    expect(Math.max(...late)).toBeLessThan(1.45);
  });
});

describe('readout validation', () => {
  it('names bad targets and weighted edges into a readout', () => {
    const raw = rawDoc(
      [node('u', 'input', { signal: { type: 'constant', value: 1 } }), node('out', 'readout', { target: 'ghost.v' }), node('o2', 'readout', { target: 'u.v' })],
      [edge('r', 'u', 'out', { type: 'constant', value: 2 })],
    );
    const r = validateDocument(raw);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([
      'edges[0].params.weight: an edge into a readout carries its source\'s output unchanged: omit weight (the readout learns its own)',
      'nodes[1].params.target: no node with id "ghost"',
      'nodes[2].params.target: node "u" has no variable "v" (it has output)',
    ]);
  });
});
