import { describe, expect, it } from 'vitest';
import { describeSchedule, Simulator, type WeightMatrix } from '../index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { symmetricEigen } from '../linalg/symmetric-eigen.ts';

function weightAt(w: WeightMatrix, i: number, j: number): number {
  if (w.format === 'dense') return w.data[i * w.cols + j];
  for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) if (w.colIdx[k] === j) return w.values[k];
  return 0;
}

function rowSums(w: WeightMatrix): number[] {
  return Array.from({ length: w.rows }, (_, i) => {
    let s = 0;
    for (let j = 0; j < w.cols; j++) s += weightAt(w, i, j);
    return s;
  });
}

describe('synaptic plasticity', () => {
  it("Oja's rule converges to the unit-norm first principal component of 2-D correlated input", () => {
    const M = [
      [1.0, 0.0],
      [0.8, 0.4],
    ];
    const doc = valid(
      rawDoc(
        [
          node('u', 'input', { size: 2, signal: { type: 'gaussian', mean: 0, std: 1 } }),
          node('x', 'rate', { size: 2, activation: 'linear' }),
          node('y', 'rate', { size: 1, activation: 'linear' }),
        ],
        [
          edge('mix', 'u', 'x', { type: 'matrix', values: M }),
          edge('w', 'x', 'y', { type: 'matrix', values: [[0.3, -0.2]] }, 0, { plasticity: { rule: 'oja', eta: 0.005 } }),
        ],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    sim.run(20_000);
    const w = sim.program.edges[1].weights;
    const v = [weightAt(w, 0, 0), weightAt(w, 0, 1)];
    // C = M Mᵀ; its leading eigenvector is the first principal component of x.
    const C = new Float64Array([M[0][0] ** 2 + M[0][1] ** 2, M[0][0] * M[1][0] + M[0][1] * M[1][1], 0, M[1][0] ** 2 + M[1][1] ** 2]);
    C[2] = C[1];
    const eig = symmetricEigen({ rows: 2, cols: 2, data: C });
    const pc = [eig.vectors.data[0], eig.vectors.data[2]]; // column 0: the largest eigenvalue's
    expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 1);
    expect(Math.abs(Math.hypot(v[0], v[1]) - 1)).toBeLessThan(0.03);
    expect(Math.abs(v[0] * pc[0] + v[1] * pc[1]) / Math.hypot(v[0], v[1])).toBeGreaterThan(0.999);
  });

  describe('STDP: one pair changes the weight by exactly η·a·e^(−|Δt|/τ)', () => {
    const pair = (preAt: number, postAt: number, extra: Record<string, unknown> = {}) =>
      valid(
        rawDoc(
          [
            node('pre', 'input', { signal: { type: 'pulse', at: preAt, width: 1, value: 1 } }),
            node('drive', 'input', { signal: { type: 'pulse', at: postAt, width: 1, value: 1 } }),
            node('post', 'threshold', { threshold: 1 }),
          ],
          [
            edge('d', 'drive', 'post', { type: 'constant', value: 2 }),
            edge('s', 'pre', 'post', { type: 'constant', value: 0.5 }, 0, {
              plasticity: { rule: 'stdp', a_plus: 0.01, a_minus: 0.012, tau_plus: 20, tau_minus: 15, w_min: 0, w_max: 1, ...extra },
            }),
          ],
          { dt: 0.5 },
        ),
      );
    const weightAfter = (doc: ReturnType<typeof pair>) => {
      const sim = Simulator.fromDocument(doc);
      sim.run(60);
      return weightAt(sim.program.edges[1].weights, 0, 0);
    };

    it.each([1, 5, 12, 30])('pre %i steps before post: potentiation a₊·e^(−Δt/τ₊)', (k) => {
      expect(weightAfter(pair(10, 10 + k)) - 0.5).toBeCloseTo(0.01 * Math.exp(-(k * 0.5) / 20), 14);
    });
    it.each([1, 5, 12, 30])('post %i steps before pre: depression a₋·e^(−|Δt|/τ₋)', (k) => {
      expect(weightAfter(pair(10 + k, 10)) - 0.5).toBeCloseTo(-0.012 * Math.exp(-(k * 0.5) / 15), 14);
    });
    it('η scales the change, bounds clip it, frozen stops it', () => {
      expect(weightAfter(pair(10, 14, { eta: 0.5 })) - 0.5).toBeCloseTo(0.005 * Math.exp(-2 / 20), 14);
      expect(weightAfter(pair(10, 11, { a_plus: 1, w_max: 0.7 }))).toBe(0.7);
      expect(weightAfter(pair(10, 11, { frozen: true }))).toBe(0.5);
    });
  });

  it('hebbian: Δw = η·y·x on every existing synapse; anti-hebbian the opposite sign', () => {
    for (const [rule, sign] of [['hebbian', 1], ['anti-hebbian', -1]] as const) {
      const doc = valid(
        rawDoc(
          [node('u', 'input', { size: 3, signal: { type: 'constant', value: [1, 2, 3] } }), node('y', 'rate', { size: 2, activation: 'linear' })],
          [edge('w', 'u', 'y', { type: 'matrix', values: [[0.1, 0.2, 0.3], [0, 0.5, -0.5]] }, 0, { plasticity: { rule, eta: 0.01 } })],
        ),
      );
      const sim = Simulator.fromDocument(doc);
      sim.step();
      const y = [0.1 + 0.4 + 0.9, 1 - 1.5];
      const w = sim.program.edges[0].weights;
      const W0 = [[0.1, 0.2, 0.3], [0, 0.5, -0.5]];
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expect(weightAt(w, i, j)).toBeCloseTo(W0[i][j] + sign * 0.01 * y[i] * (j + 1), 14);
    }
  });

  it("sorn-stdp (Lazar 2009): ΔW_ij = η(y_i(t)·x_j(t−1) − y_i(t−1)·x_j(t)) with x at emission, whatever the edge's delay; clipped", () => {
    // Sources x: three binary sequences; targets y: two threshold units driven by their own
    // sequences (weight 1 > T = 0.5), the plastic edge (delay 2, weights ≤ 0.1) too weak to change them.
    const xs = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 0, 0], [0, 1, 1], [1, 0, 1]];
    const ys = [[0, 0], [1, 0], [0, 1], [1, 0], [0, 1], [1, 1], [0, 0]];
    const W0 = [[0.05, 0.02, 0.0999], [0.03, 0.001, 0.04]];
    const eta = 0.01;
    const doc = valid(
      rawDoc(
        [
          node('x', 'input', { size: 3, signal: { type: 'sequence', values: xs, repeat: true } }),
          node('d', 'input', { size: 2, signal: { type: 'sequence', values: ys, repeat: true } }),
          node('y', 'threshold', { size: 2, threshold: 0.5 }),
        ],
        [
          edge('drive', 'd', 'y', { type: 'identity', value: 1 }),
          edge('w', 'x', 'y', { type: 'matrix', values: W0 }, 2, { plasticity: { rule: 'sorn-stdp', eta, w_min: 0, w_max: 0.1 } }),
        ],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const W = W0.map((r) => [...r]);
    const outX: number[][] = [];
    const outY: number[][] = [];
    for (let t = 0; t < 20; t++) {
      sim.step();
      outX.push(Array.from(sim.node('x').output));
      outY.push(Array.from(sim.node('y').output));
      expect(outY[t]).toEqual(ys[t % ys.length]); // the targets follow their drive
      if (t > 0) {
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 3; j++) {
            const d = eta * (outY[t][i] * outX[t - 1][j] - outY[t - 1][i] * outX[t][j]);
            if (d !== 0) W[i][j] = Math.min(0.1, Math.max(0, W[i][j] + d));
          }
        }
      }
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expect(weightAt(sim.program.edges[1].weights, i, j)).toBeCloseTo(W[i][j], 15);
      const w = (i: number, j: number) => weightAt(sim.program.edges[1].weights, i, j);
      if (t === 0) expect([w(0, 0), w(0, 1), w(0, 2), w(1, 0), w(1, 1), w(1, 2)]).toEqual(W0.flat()); // the first step only records
      if (t === 1) expect(w(0, 0)).toBeCloseTo(0.06, 15); // x_0 fired at step 0, y_0 at step 1: +η
      if (t === 2) {
        expect(w(0, 2)).toBeCloseTo(0.0899, 15); // y_0 fired at step 1, x_2 at step 2: −η
        expect(w(1, 1)).toBeCloseTo(0.011, 15); // x_1 at step 1, y_1 at step 2: +η
      }
    }
    expect(W.flat().some((v, k) => Math.abs(v - W0.flat()[k]) > 0.005)).toBe(true);
    expect(W.flat().some((v) => v === 0 || v === 0.1)).toBe(true); // clipping took part
  });

  it('bcm: Δw = η·x·y·(y − θ), θ a running average of y²', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'constant', value: 1 } }), node('y', 'rate', { activation: 'linear' })],
        [edge('w', 'u', 'y', { type: 'constant', value: 0.5 }, 0, { plasticity: { rule: 'bcm', eta: 0.1, tau_theta: 10, theta_init: 0.2 } })],
        { dt: 1 },
      ),
    );
    const sim = Simulator.fromDocument(doc);
    let w = 0.5;
    let theta = 0.2;
    for (let t = 0; t < 5; t++) {
      sim.step();
      const y = w; // y = w·1 with the weight before this step's change
      w += 0.1 * 1 * y * (y - theta);
      theta += 0.1 * (y * y - theta);
      expect(weightAt(sim.program.edges[0].weights, 0, 0)).toBeCloseTo(w, 14);
    }
  });

  it.each([
    ['dense', 1],
    ['csr', 0.1],
    ['dense with missing synapses', 0.5],
  ])('normalisation holds every unit’s incoming sum while Hebbian learning runs (%s)', (kind, connectivity) => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 30, signal: { type: 'uniform', low: 0, high: 1 } }), node('y', 'rate', { size: 30, activation: 'tanh' })],
        [
          edge('w', 'u', 'y', { type: 'uniform', low: 0.1, high: 1 }, 0, {
            connectivity,
            plasticity: [{ rule: 'hebbian', eta: 0.05 }, { rule: 'normalise', target: 1.5 }],
          }),
        ],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const w = sim.program.edges[0].weights;
    expect(w.format).toBe(kind === 'csr' ? 'csr' : 'dense');
    const zeros = w.format === 'dense' ? w.data.map((v) => (v === 0 ? 1 : 0)) : null;
    const nnz = w.format === 'csr' ? w.values.length : 0;
    const before = w.format === 'dense' ? Float64Array.from(w.data) : Float64Array.from(w.values);
    for (let t = 0; t < 20; t++) {
      sim.step();
      for (const s of rowSums(sim.program.edges[0].weights)) if (s !== 0) expect(s).toBeCloseTo(1.5, 12);
    }
    const after = w.format === 'dense' ? w.data : w.values;
    expect(after.some((v, k) => Math.abs(v - before[k]) > 1e-6)).toBe(true);
    if (w.format === 'csr') expect(w.values.length).toBe(nnz); // only existing synapses change
    if (zeros && w.format === 'dense' && connectivity < 1) zeros.forEach((z, k) => z && expect(w.data[k]).toBe(0)); // absent synapses stay absent
    expect(sim.program.edges[0].weights).toBe(w); // changed in place: the panels see them live
  });

  it('learning appears in the schedule after the updates and before the commits, with reads, writes and its equation', () => {
    const doc = valid(
      rawDoc(
        [node('p', 'poisson', { size: 5, rate: 50 }), node('n', 'lif', { size: 3 })],
        [
          edge('e', 'p', 'n', { type: 'uniform', low: 0, high: 1 }, 2, { synapse: { type: 'delta' }, plasticity: { rule: 'stdp' } }),
          edge('r', 'n', 'n', { type: 'constant', value: 0.1 }, 1, { plasticity: [{ rule: 'hebbian', eta: 0.01 }, { rule: 'normalise' }] }),
        ],
        { dt: 0.1 },
      ),
    );
    const ops = describeSchedule(Simulator.fromDocument(doc).program.schedule);
    const types = ops.map((o) => o.type);
    const learn = ops.filter((o) => o.type === 'learn');
    expect(learn.map((o) => o.rule)).toEqual(['stdp', 'hebbian', 'normalise']);
    expect(types.lastIndexOf('update')).toBeLessThan(types.indexOf('learn'));
    expect(types.lastIndexOf('learn')).toBeLessThan(types.indexOf('commit'));
    expect(learn[0]).toMatchObject({ node: 'n', edge: 'e', reads: ['p.y[t−2]', 'n.y[t]', 'W[e]'], writes: ['W[e]', 'traces[e]'] });
    expect(learn[0].equation).toMatch(/e\^\(−Δt\/20 ms\)/);
  });

  it('STDP on a delayed edge uses the spike as it arrives (Δt counted from arrival)', () => {
    const doc = valid(
      rawDoc(
        [
          node('pre', 'input', { signal: { type: 'pulse', at: 10, width: 1, value: 1 } }),
          node('drive', 'input', { signal: { type: 'pulse', at: 20, width: 1, value: 1 } }),
          node('post', 'threshold', { threshold: 1 }),
        ],
        [edge('d', 'drive', 'post', { type: 'constant', value: 2 }), edge('s', 'pre', 'post', { type: 'constant', value: 0.5 }, 4, { plasticity: { rule: 'stdp', tau_plus: 20 } })],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    sim.run(40);
    expect(weightAt(sim.program.edges[1].weights, 0, 0) - 0.5).toBeCloseTo(0.01 * Math.exp(-6 / 20), 14);
  });
});
