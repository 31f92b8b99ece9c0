import { describe, expect, it } from 'vitest';
import { Rng, Simulator } from '../index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, record } from '../../test-support/run.ts';

function patterns(count: number, n: number, seed = 3): number[][] {
  const rng = new Rng(seed, 'patterns');
  return Array.from({ length: count }, () => Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 1 : -1)));
}

function hopfieldDoc(ps: number[][], update: string, index = 0, flip = 0.2, connectivity?: number) {
  const n = ps[0].length;
  return valid(
    rawDoc(
      [node('h', 'hopfield', { size: n, update, init: { type: 'pattern', index, flip } })],
      [edge('w', 'h', 'h', { type: 'hebbian', patterns: ps }, 1, connectivity ? { connectivity } : {})],
    ),
  );
}

const overlap = (x: ArrayLike<number>, p: number[]) => p.reduce((s, v, i) => s + v * x[i], 0) / p.length;

describe('hopfield (Hopfield 1982)', () => {
  const ps = patterns(5, 100);

  it('stores W = (1/N) Σ p pᵀ with a zero diagonal', () => {
    const sim = Simulator.fromDocument(hopfieldDoc(ps, 'async'));
    const w = sim.program.edges[0].weights;
    expect(w.format).toBe('dense');
    if (w.format !== 'dense') return;
    for (const [i, j] of [[0, 0], [0, 1], [17, 42], [99, 3]]) {
      const expected = i === j ? 0 : ps.reduce((s, p) => s + p[i] * p[j], 0) / 100;
      expect(w.data[i * 100 + j]).toBe(expected);
      expect(w.data[j * 100 + i]).toBe(expected);
    }
  });

  it.each([0, 1, 2, 3, 4])('N = 100, 5 patterns: async recall of pattern %i from a 20 %-flipped cue reaches overlap ≥ 0.95, energy never rising', (index) => {
    const sim = Simulator.fromDocument(hopfieldDoc(ps, 'async', index));
    const start = sim.node('h').output;
    expect(overlap(start, ps[index])).toBeCloseTo(0.6, 12); // exactly 20 of 100 bits flipped
    const e0 = sim.node('h').vars.energy[0];
    const r = record(sim, ['h', 'h.energy'], 10);
    const energy = [e0, ...column(r['h.energy'])];
    for (let t = 1; t < energy.length; t++) expect(energy[t]).toBeLessThanOrEqual(energy[t - 1] + 1e-12);
    expect(overlap(r.h[r.h.length - 1], ps[index])).toBeGreaterThanOrEqual(0.95);
  });

  it('sync updates also recall, and the async order is seeded (same seed, same trajectory)', () => {
    const sync = Simulator.fromDocument(hopfieldDoc(ps, 'sync', 1));
    sync.run(10);
    expect(overlap(sync.node('h').output, ps[1])).toBeGreaterThanOrEqual(0.95);
    const a = record(Simulator.fromDocument(hopfieldDoc(ps, 'async', 2, 0.3)), ['h'], 3).h;
    const b = record(Simulator.fromDocument(hopfieldDoc(ps, 'async', 2, 0.3)), ['h'], 3).h;
    expect(a).toEqual(b);
  });

  it('the recurrent edge is read by the node itself (no deliver operation)', () => {
    const sim = Simulator.fromDocument(hopfieldDoc(ps, 'async'));
    expect(sim.program.schedule.filter((op) => op.type === 'deliver')).toEqual([]);
    expect(sim.program.schedule.find((op) => op.type === 'update')!.reads).toContain('W[w]');
  });
});

describe('hopfield energy with input: E = −½ xᵀWx − Σ in_i x_i', () => {
  // 15 patterns in 60 units (beyond capacity: many shallow minima) and a weak input, so the state
  // keeps moving for several steps.
  const ps = patterns(15, 60, 11);

  /** A Hopfield node under a constant input of ±0.4 per unit (a pattern the memory does not hold). */
  function driven(update: string) {
    const rng = new Rng(5, 'drive');
    const drive = Array.from({ length: 60 }, () => (rng.uniform() < 0.5 ? 0.4 : -0.4));
    return valid(
      rawDoc(
        [node('u', 'input', { size: 60, signal: { type: 'constant', value: drive } }), node('h', 'hopfield', { size: 60, update, init: { type: 'random', p: 0.5 } })],
        [edge('w', 'h', 'h', { type: 'hebbian', patterns: ps }, 1), edge('in', 'u', 'h', { type: 'identity', value: 1 })],
      ),
    );
  }

  it('is the energy with the input term, computed from the state and the weights', () => {
    const sim = Simulator.fromDocument(driven('async'));
    sim.run(3);
    const x = sim.node('h').output;
    const w = sim.program.edges.find((e) => e.id === 'w')!.weights;
    if (w.format !== 'dense') throw new Error('expected dense');
    const u = sim.node('u').output;
    let quad = 0;
    for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) quad += x[i] * w.data[i * 60 + j] * x[j];
    const drive = Array.from(x).reduce((s, xi, i) => s + u[i] * xi, 0);
    expect(sim.node('h').vars.energy[0]).toBeCloseTo(-0.5 * quad - drive, 10);
  });

  it('never increases under a constant input with async updates (a Lyapunov function), over 5 seeds', () => {
    let rises = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = Simulator.fromDocument(driven('async'), { seed });
      const r = record(sim, ['h', 'h.energy'], 12);
      const energy = column(r['h.energy']);
      for (let t = 1; t < energy.length; t++) expect(energy[t]).toBeLessThanOrEqual(energy[t - 1] + 1e-12);
      // Without its input term (−½ xᵀWx alone) the same trajectory's energy does rise: the term matters.
      const w = sim.program.edges.find((e) => e.id === 'w')!.weights;
      if (w.format !== 'dense') throw new Error('expected dense');
      const quadratic = r.h.map((x) => {
        let q = 0;
        for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) q += x[i] * w.data[i * 60 + j] * x[j];
        return -0.5 * q;
      });
      for (let t = 1; t < quadratic.length; t++) if (quadratic[t] > quadratic[t - 1] + 1e-9) rises++;
    }
    expect(rises).toBeGreaterThan(0);
  });
});
