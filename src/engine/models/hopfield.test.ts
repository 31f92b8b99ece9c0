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
      [edge('w', 'h', 'h', { type: 'hebbian', patterns: ps, ...(connectivity ? { connectivity } : {}) }, 1)],
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
