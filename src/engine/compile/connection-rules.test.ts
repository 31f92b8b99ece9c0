import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { connectionRuleProblem, type ConnectionRule } from '../../model/index.ts';
import { sampleConnections, type SynapsePattern } from './connection-rules.ts';

function pairs(p: SynapsePattern): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < p.rows; i++) for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) out.push([i, p.colIdx[k]]);
  return out;
}

/** A well-formed pattern: row pointers add up, columns in range, sorted and distinct within a row. */
function check(p: SynapsePattern): void {
  expect(p.rowPtr[0]).toBe(0);
  expect(p.rowPtr[p.rows]).toBe(p.colIdx.length);
  let bad = 0;
  for (let i = 0; i < p.rows; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) {
      if (p.colIdx[k] < 0 || p.colIdx[k] >= p.cols || (k > p.rowPtr[i] && p.colIdx[k] <= p.colIdx[k - 1])) bad++;
    }
  }
  expect(bad).toBe(0);
}

const same = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

const inDegrees = (p: SynapsePattern) => Array.from({ length: p.rows }, (_, i) => p.rowPtr[i + 1] - p.rowPtr[i]);
const outDegrees = (p: SynapsePattern) => {
  const d = new Array<number>(p.cols).fill(0);
  for (const j of p.colIdx) d[j]++;
  return d;
};
const diagonal = (p: SynapsePattern) => pairs(p).filter(([i, j]) => i === j).length;

/** Pearson's χ² of counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const expected = counts.reduce((a, b) => a + b, 0) / counts.length;
  return counts.reduce((s, c) => s + ((c - expected) * (c - expected)) / expected, 0);
}

describe('connection rules', () => {
  it('fixed-indegree: every target gets exactly k distinct sources; no autapses on a self-edge unless asked', () => {
    const p = sampleConnections({ rule: 'fixed-indegree', k: 7 }, 40, 40, true, new Rng(1, 'e'));
    check(p);
    expect(inDegrees(p)).toEqual(new Array(40).fill(7));
    expect(diagonal(p)).toBe(0);
    // Between two populations the diagonal is nothing special.
    const between = sampleConnections({ rule: 'fixed-indegree', k: 20 }, 200, 40, false, new Rng(1, 'e'));
    expect(diagonal(between)).toBeGreaterThan(5); // 40 rows can hold (i, i); expected 40·20/40 = 20
    const auto = sampleConnections({ rule: 'fixed-indegree', k: 20, autapses: true }, 40, 40, true, new Rng(1, 'e'));
    expect(diagonal(auto)).toBeGreaterThan(5);
  });

  it('fixed-indegree picks sources uniformly (χ² of source counts over 2,000 targets, 99.9 % quantile)', () => {
    const p = sampleConnections({ rule: 'fixed-indegree', k: 10 }, 2000, 50, false, new Rng(3, 'e'));
    // 49 degrees of freedom: the 0.999 quantile of χ² is 85.4.
    expect(chiSquare(outDegrees(p))).toBeLessThan(85.4);
    const self = sampleConnections({ rule: 'fixed-indegree', k: 10 }, 50, 50, true, new Rng(3, 'e'));
    // per row, each of the 49 candidates with probability 10/49: the counts over all rows are uniform too
    expect(chiSquare(outDegrees(self))).toBeLessThan(85.4);
  });

  it('fixed-outdegree: every source makes exactly k synapses onto distinct targets', () => {
    const p = sampleConnections({ rule: 'fixed-outdegree', k: 5 }, 30, 60, false, new Rng(2, 'e'));
    check(p);
    expect(outDegrees(p)).toEqual(new Array(60).fill(5));
    expect(p.colIdx.length).toBe(300);
    const self = sampleConnections({ rule: 'fixed-outdegree', k: 29 }, 30, 30, true, new Rng(2, 'e'));
    expect(outDegrees(self)).toEqual(new Array(30).fill(29));
    expect(diagonal(self)).toBe(0); // every possible target but itself
    expect(chiSquare(inDegrees(sampleConnections({ rule: 'fixed-outdegree', k: 10 }, 50, 2000, false, new Rng(5, 'e'))))).toBeLessThan(85.4);
  });

  it('fixed-total: exactly n distinct synapses, uniform over the pairs, also when n is most of them', () => {
    for (const n of [1, 100, 1500, 2450]) {
      const p = sampleConnections({ rule: 'fixed-total', n }, 50, 50, true, new Rng(n, 'e'));
      check(p);
      expect(p.colIdx.length).toBe(n);
      expect(diagonal(p)).toBe(0);
    }
    const all = sampleConnections({ rule: 'fixed-total', n: 2450 }, 50, 50, true, new Rng(9, 'e'));
    expect(inDegrees(all)).toEqual(new Array(50).fill(49));
    // Row and column counts of 20,000 synapses among 400 × 300 pairs: uniform.
    const p = sampleConnections({ rule: 'fixed-total', n: 20_000 }, 400, 300, false, new Rng(4, 'e'));
    expect(chiSquare(inDegrees(p)) * (1 - 20_000 / 120_000)).toBeLessThan(489); // 399 d.o.f., finite-population factor
    expect(chiSquare(outDegrees(p)) * (1 - 20_000 / 120_000)).toBeLessThan(382); // 299 d.o.f.
    // Every pair reachable, the last row and column included.
    const dense = sampleConnections({ rule: 'fixed-total', n: 11, autapses: true }, 4, 3, false, new Rng(1, 'e'));
    expect(pairs(dense).length).toBe(11);
  });

  it('the same seed gives the same synapses; another seed others', () => {
    const rule: ConnectionRule = { rule: 'fixed-indegree', k: 100 };
    const a = sampleConnections(rule, 300, 1000, false, new Rng(7, 'edge:EE'));
    const b = sampleConnections(rule, 300, 1000, false, new Rng(7, 'edge:EE'));
    const c = sampleConnections(rule, 300, 1000, false, new Rng(8, 'edge:EE'));
    expect(same(a.colIdx, b.colIdx) && same(a.rowPtr, b.rowPtr)).toBe(true);
    expect(same(a.colIdx, c.colIdx)).toBe(false);
  });

  it('names a rule the edge cannot meet', () => {
    expect(connectionRuleProblem({ rule: 'fixed-indegree', k: 10 }, 10, 10, true)).toBe('k = 10 exceeds the 9 possible sources per target (no autapses)');
    expect(connectionRuleProblem({ rule: 'fixed-indegree', k: 10, autapses: true }, 10, 10, true)).toBeNull();
    expect(connectionRuleProblem({ rule: 'fixed-outdegree', k: 11 }, 10, 30, false)).toBe('k = 11 exceeds the 10 possible targets per source');
    expect(connectionRuleProblem({ rule: 'fixed-total', n: 91 }, 10, 10, true)).toBe('n = 91 exceeds the 90 possible synapses (no autapses)');
  });
});
