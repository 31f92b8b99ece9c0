import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { BpttTrainer } from './trainer.ts';
import { trainReadouts } from '../readout-training.ts';
import { isReadout } from '../compile/readout.ts';
import { Adam } from './optimizers.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';

/** A small leaky tanh network learning to repeat the bit of the previous step. */
function small(training: Record<string, unknown>, extra: { washout?: number; train?: number } = {}) {
  return rawDoc(
    [
      node('u', 'input', { size: 1, signal: { type: 'delayed-copy', lag: 1 } }),
      node('h', 'rate', { size: 4, activation: 'tanh', leak: 0.5, bias: 0.1 }),
      node('out', 'readout', { target: 'u.target', washout: extra.washout ?? 4, train: extra.train ?? 30, test: 10, training: { method: 'bptt', ...training } }),
    ],
    [
      edge('in', 'u', 'h', { type: 'uniform', low: -1, high: 1 }),
      edge('rec', 'h', 'h', { type: 'normal', std: 0.6 }, 1),
      { id: 'ro', source: 'h', target: 'out' },
    ],
    { seed: 4 },
  );
}

/**
 * An independent truncated BPTT of the same small network, written out by hand with plain loops
 * and Math.tanh: x[t] = (1 − a)x[t−1] + a·tanh(W x[t−1] + w_in u[t] + b), y = W_out·[x; 1],
 * mse; segments of T steps, the state carried across them, an update after each.
 */
function referenceTraining(sim: Simulator, optimizer: 'sgd' | 'adam', lr: number, epochs: number, T: number, washout: number, train: number) {
  const n = 4;
  const a = 0.5;
  const dense = (id: string) => {
    const w = sim.program.edges.find((e) => e.id === id)!.weights;
    if (w.format !== 'dense') throw new Error('dense expected');
    return Float64Array.from(w.data);
  };
  const W = dense('rec');
  const wIn = dense('in');
  const b = Float64Array.from(sim.program.nodeById.get('h')!.adjoint!.params[0].values);
  const readout = sim.program.nodes.find(isReadout)!;
  const wOut = Float64Array.from(readout.readout.weights);
  const u: number[] = [];
  const d: number[] = [];
  sim.run(washout + train, () => {
    u.push(sim.node('u').output[0]);
    d.push(readout.readout.target[0]);
  });
  const params = [W, wIn, b, wOut];
  const adam = new Adam(lr);
  const curve: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let x = new Float64Array(n);
    const advance = (t: number) => {
      const next = new Float64Array(n);
      const act = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let net = wIn[i] * u[t] + b[i];
        for (let j = 0; j < n; j++) net += W[i * n + j] * x[j];
        act[i] = Math.tanh(net);
        next[i] = (1 - a) * x[i] + a * act[i];
      }
      return { next, act };
    };
    for (let t = 0; t < washout; t++) x = advance(t).next;
    let sum = 0;
    for (let start = washout; start < washout + train; start += T) {
      const end = Math.min(start + T, washout + train);
      const xs = [x];
      const acts: Float64Array[] = [];
      const ys: number[] = [];
      for (let t = start; t < end; t++) {
        const { next, act } = advance(t);
        x = next;
        xs.push(next);
        acts.push(act);
        let y = wOut[n];
        for (let j = 0; j < n; j++) y += wOut[j] * next[j];
        ys.push(y);
        sum += (y - d[t]) ** 2;
      }
      const grads = params.map((p) => new Float64Array(p.length));
      let carry = new Float64Array(n);
      const N = end - start;
      for (let k = N - 1; k >= 0; k--) {
        const t = start + k;
        const dy = (2 * (ys[k] - d[t])) / N;
        for (let j = 0; j < n; j++) grads[3][j] += dy * xs[k + 1][j];
        grads[3][n] += dy;
        const dx = new Float64Array(n);
        for (let i = 0; i < n; i++) dx[i] = wOut[i] * dy + carry[i];
        const next = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const dnet = dx[i] * a * (1 - acts[k][i] ** 2);
          grads[2][i] += dnet;
          grads[1][i] += dnet * u[t];
          for (let j = 0; j < n; j++) {
            grads[0][i * n + j] += dnet * xs[k][j];
            next[j] += W[i * n + j] * dnet;
          }
        }
        for (let i = 0; i < n; i++) next[i] += (1 - a) * dx[i];
        carry = next;
      }
      if (optimizer === 'adam') adam.step(params, grads);
      else params.forEach((p, q) => p.forEach((_, i) => (p[i] -= lr * grads[q][i])));
    }
    curve.push(sum / train);
  }
  return { curve, W, wOut };
}

describe('truncated BPTT training', () => {
  it.each(['sgd', 'adam'] as const)('%s: the loss curve and the weights match an independent hand-written BPTT (state carried across segments)', (optimizer) => {
    const lr = optimizer === 'sgd' ? 0.05 : 0.02;
    const doc = valid(small({ optimizer, learning_rate: lr, epochs: 4, truncation: 7, loss: 'mse' }));
    const reference = referenceTraining(Simulator.fromDocument(doc), optimizer, lr, 4, 7, 4, 30);
    const sim = Simulator.fromDocument(doc);
    const trainer = new BpttTrainer(sim, { evaluate: false });
    trainer.runToEnd();
    const curve = trainer.lossCurve();
    expect(curve).toHaveLength(4);
    curve.forEach((v, e) => expect(Math.abs(v - reference.curve[e])).toBeLessThan(1e-12 * Math.max(1, reference.curve[e])));
    const w = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    if (w.format !== 'dense') throw new Error('dense expected');
    w.data.forEach((v, i) => expect(v).toBeCloseTo(reference.W[i], 11));
    expect(reference.curve[3]).toBeLessThan(reference.curve[0]);
  });

  it('is deterministic: two runs give the same loss curves, flows and weights, bit for bit', () => {
    const doc = valid(small({ epochs: 3, truncation: 5, loss: 'bce', clip: 0.5 }));
    const run = () => {
      const sim = Simulator.fromDocument(doc);
      const trainer = new BpttTrainer(sim);
      const results = [...trainer.run()].flatMap((p) => (p.result ? [p.result] : []));
      return { results, weights: trainer.trainedParameters() };
    };
    const a = run();
    const b = run();
    expect(b.results).toEqual(a.results);
    expect(b.weights).toEqual(a.weights);
    expect(a.results.map((r) => r.epoch)).toEqual([0, 1, 2, 3]);
    expect(a.results[3].flow!.length).toBe(34);
  });

  it('makes one update per truncation segment: ⌈train / truncation⌉ per epoch', () => {
    const sim = Simulator.fromDocument(valid(small({ epochs: 2, truncation: 7 }, { train: 30 })));
    const trainer = new BpttTrainer(sim, { evaluate: false });
    trainer.runToEnd();
    expect((trainer as unknown as { optimizer: Adam }).optimizer.steps).toBe(2 * 5);
  });

  it('"trainable": false freezes an edge, a bias or W_out; gradients still flow through them', () => {
    const raw = small({ epochs: 2, truncation: 10 });
    (raw.edges[1].params as Record<string, unknown>).trainable = false;
    (raw.nodes[1].params as Record<string, unknown>).trainable = false;
    const sim = Simulator.fromDocument(valid(raw));
    const rec0 = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    const recBefore = rec0.format === 'dense' ? Float64Array.from(rec0.data) : null;
    const inBefore = sim.program.edges.find((e) => e.id === 'in')!.weights;
    const inCopy = inBefore.format === 'dense' ? Float64Array.from(inBefore.data) : null;
    const trainer = new BpttTrainer(sim, { evaluate: false });
    trainer.runToEnd();
    const trained = trainer.trainedParameters();
    expect(trained.edges.map((e) => e.id)).toEqual(['in']);
    expect(trained.nodes.map((n) => `${n.id}.${n.name}`)).toEqual(['out.W_out']);
    const rec = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    expect(rec.format === 'dense' && Array.from(rec.data)).toEqual(Array.from(recBefore!));
    expect(Array.from(sim.program.nodeById.get('h')!.adjoint!.params[0].values)).toEqual([0.1, 0.1, 0.1, 0.1]);
    const inAfter = sim.program.edges.find((e) => e.id === 'in')!.weights;
    expect(inAfter.format === 'dense' && Array.from(inAfter.data)).not.toEqual(Array.from(inCopy!));

    const frozenOut = small({ epochs: 1 });
    (frozenOut.nodes[2].params as Record<string, unknown>).trainable = false;
    const names = new BpttTrainer(Simulator.fromDocument(valid(frozenOut)), { evaluate: false }).trainedParameters();
    expect(names.nodes.map((n) => `${n.id}.${n.name}`)).toEqual(['h.bias']);
  });

  it('a sparse edge trains only its existing synapses', () => {
    const raw = rawDoc(
      [
        node('u', 'input', { size: 1, signal: { type: 'xor-memory', lag: 1 } }),
        node('h', 'rate', { size: 30, activation: 'tanh' }),
        node('out', 'readout', { target: 'u.target', washout: 5, train: 100, test: 0, training: { method: 'bptt', epochs: 2, truncation: 10, loss: 'bce' } }),
      ],
      [edge('in', 'u', 'h', { type: 'uniform', low: -1, high: 1 }), edge('rec', 'h', 'h', { type: 'normal' }, 1, { connectivity: 0.1 }), { id: 'ro', source: 'h', target: 'out' }],
    );
    const sim = Simulator.fromDocument(valid(raw));
    const before = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    if (before.format !== 'csr') throw new Error('csr expected');
    const pattern = [Array.from(before.rowPtr), Array.from(before.colIdx)];
    const values = Float64Array.from(before.values);
    const trainer = new BpttTrainer(sim, { evaluate: false });
    trainer.runToEnd();
    trainer.commit();
    sim.reset();
    const after = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    if (after.format !== 'csr') throw new Error('csr expected');
    expect([Array.from(after.rowPtr), Array.from(after.colIdx)]).toEqual(pattern);
    expect(Array.from(after.values)).not.toEqual(Array.from(values));
  });

  it('refuses nodes it cannot differentiate on the trained path, naming them', () => {
    const withHidden = (hidden: Record<string, unknown>, extraEdge: Record<string, unknown> = {}) =>
      rawDoc(
        [
          node('u', 'input', { size: 1, signal: { type: 'xor-memory', lag: 1 } }),
          node('hidden', hidden.kind as string, hidden.params as Record<string, unknown>),
          node('out', 'readout', { target: 'u.target', train: 50, washout: 0, training: { method: 'bptt', epochs: 1 } }),
        ],
        [{ id: 'in', source: 'u', target: 'hidden', params: { weight: { type: 'constant', value: 1 }, ...extraEdge } }, { id: 'ro', source: 'hidden', target: 'out' }],
      );
    const refuse = (raw: ReturnType<typeof withHidden>) => () => new BpttTrainer(Simulator.fromDocument(valid(raw)));
    expect(refuse(withHidden({ kind: 'rate', params: { size: 3, activation: 'step' } }))).toThrow(/node "hidden" .*activation "step" has no derivative/);
    expect(refuse(withHidden({ kind: 'lif', params: { size: 3 } }))).toThrow(/node "hidden" \(lif\) is not differentiable.*spiking and continuous-time kinds/);
    expect(refuse(withHidden({ kind: 'threshold', params: { size: 3 } }))).toThrow(/node "hidden" \(threshold\) is not differentiable.*binary units have no derivative/);
    expect(refuse(withHidden({ kind: 'rate', params: { size: 3, plasticity: { rule: 'ip-schrauwen' } } }))).toThrow(/node "hidden" .*intrinsic plasticity/);
    expect(refuse(withHidden({ kind: 'rate', params: { size: 3, activation: 'sigmoid' } }, { plasticity: { rule: 'oja', eta: 0.01 } }))).toThrow(/edge "in" has a learning rule/);
  });

  it('solves xor-memory with lag 2 on 12 tanh units (≥ 95 % test accuracy) where a ridge readout of the same untrained network stays near chance', () => {
    const network = (training: Record<string, unknown>) =>
      rawDoc(
        [
          node('u', 'input', { size: 1, signal: { type: 'xor-memory', lag: 2 } }),
          node('h', 'rate', { size: 12, activation: 'tanh' }),
          node('out', 'readout', { target: 'u.target', washout: 20, train: 2000, test: 1000, training }),
        ],
        [edge('in', 'u', 'h', { type: 'uniform', low: -0.05, high: 0.05 }), edge('rec', 'h', 'h', { type: 'normal' }, 1, { spectralRadius: 0.9 }), { id: 'ro', source: 'h', target: 'out' }],
        { seed: 5 },
      );
    const bptt = trainReadouts(Simulator.fromDocument(valid(network({ method: 'bptt', learning_rate: 0.05, epochs: 20, truncation: 20, loss: 'bce' })))).out;
    expect(bptt.accuracy_test).toBeGreaterThanOrEqual(0.95);
    expect(bptt.loss_curve!.at(-1)!).toBeLessThan(0.2 * bptt.loss_curve![0]);
    expect(bptt.test_loss_curve).toHaveLength(20);
    const ridge = trainReadouts(Simulator.fromDocument(valid(network({ method: 'ridge', lambda: 1e-6 })))).out;
    expect(ridge.accuracy_test).toBeGreaterThan(0.4);
    expect(ridge.accuracy_test).toBeLessThan(0.6);
  });
});
