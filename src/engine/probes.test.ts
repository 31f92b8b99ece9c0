import { describe, expect, it } from 'vitest';
import { MAX_WEIGHT_PROBE_ENTRIES, ProbeError, Recorder, Simulator, parseProbe } from './index.ts';
import { edge, node, rawDoc, valid } from '../test-support/docs.ts';

describe('EDGE.w probes: an edge’s weights, row-major, absent synapses 0', () => {
  it('records a Hebbian edge after each step as W0 + (t+1)·η·y·xᵀ (linear units, constant input)', () => {
    const W0 = [
      [0.1, 0.2, 0.3],
      [0, 0.5, -0.5],
    ];
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 3, signal: { type: 'constant', value: [1, 2, 3] } }), node('y', 'rate', { size: 2, activation: 'linear' })],
        [edge('w', 'u', 'y', { type: 'matrix', values: W0 }, 0, { plasticity: { rule: 'hebbian', eta: 0.01 } })],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const rec = new Recorder(sim, parseProbe('w.w'), 3);
    const one = new Recorder(sim, parseProbe('w.w[4]'), 3);
    expect(rec.width).toBe(6);
    expect(one.width).toBe(1);
    const W = W0.map((r) => [...r]);
    for (let t = 0; t < 3; t++) {
      sim.step();
      rec.record();
      one.record();
      const y = W.map((r) => r[0] * 1 + r[1] * 2 + r[2] * 3); // y uses this step's weights, before the change
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) W[i][j] += 0.01 * y[i] * (j + 1);
      const row = rec.rows()[t];
      W.flat().forEach((v, k) => expect(row[k]).toBeCloseTo(v, 14));
      expect(one.rows()[t][0]).toBe(row[4]);
    }
  });

  it('a sparse edge (fixed in-degree) gives zeros where it has no synapse and its weights where it has', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 20, signal: { type: 'constant', value: 1 } }), node('y', 'rate', { size: 10, activation: 'linear' })],
        [edge('e', 'u', 'y', { type: 'uniform', low: 1, high: 2 }, 0, { connectivity: { rule: 'fixed-indegree', k: 3 } })],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const rec = new Recorder(sim, parseProbe('e.w'), 1);
    sim.step();
    rec.record();
    const w = rec.rows()[0];
    expect(w).toHaveLength(200);
    for (let i = 0; i < 10; i++) {
      const row = w.slice(i * 20, i * 20 + 20);
      expect(row.filter((v) => v !== 0)).toHaveLength(3);
      for (const v of row) if (v !== 0) expect(v >= 1 && v <= 2).toBe(true);
      // y_i = Σ_j W_ij · 1: the recorded row is the row the engine used
      expect(sim.node('y').output[i]).toBeCloseTo(row.reduce((a, b) => a + b, 0), 12);
    }
  });

  it(`refuses other variables of an edge, matrices above ${MAX_WEIGHT_PROBE_ENTRIES} entries and entries out of range, naming the edge`, () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 200, signal: { type: 'constant', value: 1 } }), node('y', 'rate', { size: 51, activation: 'linear' })],
        [edge('big', 'u', 'y', { type: 'constant', value: 0.1 }, 0)],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    expect(() => new Recorder(sim, parseProbe('big.w'), 1)).toThrow(ProbeError);
    expect(() => new Recorder(sim, parseProbe('big.w'), 1)).toThrow(/edge "big" has 51 × 200 = 10200 entries, more than the 10000/);
    expect(() => new Recorder(sim, parseProbe('big.v'), 1)).toThrow(/"big" is an edge; probe its weights as big\.w/);
    expect(() => new Recorder(sim, parseProbe('big.w[10200]'), 1)).toThrow(/entry 10200 is out of range/);
    expect(() => new Recorder(sim, parseProbe('nothing.w'), 1)).toThrow(/no node or edge with id "nothing"/);
    const last = new Recorder(sim, parseProbe('big.w[10199]'), 1);
    sim.step();
    last.record();
    expect(last.rows()[0][0]).toBeCloseTo(0.1, 15);
  });
});
