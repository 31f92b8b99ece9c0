import { describe, expect, it } from 'vitest';
import { nonzeros, Recorder, Simulator, parseProbe } from './index.ts';
import { spectralRadius } from './linalg/spectral-radius.ts';
import { eigenvalues } from './linalg/hessenberg-qr.ts';
import { edge, node, rawDoc, valid } from '../test-support/docs.ts';

function linearNetwork(n: number, radius: number, connectivity = 1) {
  return valid(
    rawDoc(
      [node('r', 'rate', { size: n, activation: 'linear', init: { type: 'normal', mean: 0, std: 1 } })],
      [edge('rec', 'r', 'r', { type: 'normal', mean: 0, std: 1 }, 1, { connectivity, spectralRadius: radius })],
      { seed: 5 },
    ),
  );
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

describe('weight sampling', () => {
  it('rescales a recurrent matrix to the requested spectral radius', () => {
    for (const [n, p] of [[60, 1], [200, 0.1]] as const) {
      const sim = Simulator.fromDocument(linearNetwork(n, 0.9, p));
      const w = sim.program.edges[0].weights;
      expect(w.format).toBe(p === 1 ? 'dense' : 'csr');
      expect(spectralRadius(w)).toBeCloseTo(0.9, 9);
    }
  });

  it('the spectral radius sets the decay rate of a linear network: ‖x[t]‖ ~ ρ^t', () => {
    for (const rho of [0.8, 1.05]) {
      const sim = Simulator.fromDocument(linearNetwork(40, rho));
      const rec = new Recorder(sim, parseProbe('r'), 800);
      sim.run(800, () => rec.record());
      const rows = rec.rows();
      const rate = (norm(rows[799]) / norm(rows[399])) ** (1 / 400);
      expect(rate).toBeGreaterThan(rho - 0.01);
      expect(rate).toBeLessThan(rho + 0.01);
    }
  });

  it('connectivity p keeps about p of the synapses (binomial, 5 sd)', () => {
    const n = 300;
    const p = 0.05;
    const sim = Simulator.fromDocument(linearNetwork(n, 0.9, p));
    const count = nonzeros(sim.program.edges[0].weights);
    const mean = n * n * p;
    const sd = Math.sqrt(n * n * p * (1 - p));
    expect(Math.abs(count - mean)).toBeLessThan(5 * sd);
  });

  it('uniform weights lie in [low, high) and their mean is near the middle', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 100, signal: { type: 'constant', value: 0 } }), node('r', 'rate', { size: 100 })],
        [edge('in', 'u', 'r', { type: 'uniform', low: 2, high: 3 })],
      ),
    );
    const w = Simulator.fromDocument(doc).program.edges[0].weights;
    if (w.format !== 'dense') throw new Error('expected dense');
    let sum = 0;
    for (const v of w.data) {
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThan(3);
      sum += v;
    }
    // mean of 10,000 U[2,3) draws: sd 0.2887/100
    expect(Math.abs(sum / w.data.length - 2.5)).toBeLessThan(0.015);
  });

  it('identity and matrix weights are stored exactly; scale multiplies last', () => {
    const doc = valid(
      rawDoc(
        [node('a', 'rate', { size: 3 }), node('b', 'rate', { size: 3 }), node('c', 'rate', { size: 2 })],
        [
          edge('id', 'a', 'b', { type: 'identity', value: 2 }, 0, { scale: 1.5 }),
          edge('m', 'b', 'c', { type: 'matrix', values: [[1, 0, -1], [0.5, 0.25, 0]] }),
        ],
      ),
    );
    const [id, m] = Simulator.fromDocument(doc).program.edges.map((e) => e.weights);
    expect(id.format).toBe('dense'); // 3 of 9 synapses: density 1/3 > 0.2
    if (id.format === 'dense') expect(Array.from(id.data)).toEqual([3, 0, 0, 0, 3, 0, 0, 0, 3]);
    if (m.format === 'dense') expect(Array.from(m.data)).toEqual([1, 0, -1, 0.5, 0.25, 0]);
    const eig = eigenvalues({ rows: 3, cols: 3, data: id.format === 'dense' ? id.data : new Float64Array(9) });
    expect(Array.from(eig.re)).toEqual([3, 3, 3]);
  });
});
