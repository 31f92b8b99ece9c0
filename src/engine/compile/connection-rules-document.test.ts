/**
 * Connection rules in a document: `connectivity` in the edge's params may be a rule object
 * (model/connection-rules.ts); validation names what cannot be met, the compiler draws the
 * pattern from the edge's stream before the values, and every part that counts synapses agrees.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, validateDocument, type GraphDocument } from '../../model/index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { Simulator } from '../simulator.ts';
import { Rng } from '../rng.ts';
import { spectralRadius } from '../linalg/spectral-radius.ts';
import { classifyChange } from '../live-update.ts';
import { threadsFor } from '../worker/session.ts';
import { EngineSession } from '../worker/session.ts';
import { sampleConnections } from './connection-rules.ts';

/** Rows of the compiled matrix of edge `id` as lists of the existing synapses' columns. */
function pattern(doc: GraphDocument, id: string): number[][] {
  const sim = Simulator.fromDocument(doc);
  try {
    const w = sim.program.edges.find((e) => e.id === id)!.weights;
    const rows: number[][] = [];
    for (let i = 0; i < w.rows; i++) {
      const row: number[] = [];
      if (w.format === 'csr') for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) row.push(w.colIdx[k]);
      else for (let j = 0; j < w.cols; j++) if (w.data[i * w.cols + j] !== 0) row.push(j);
      rows.push(row);
    }
    return rows;
  } finally {
    sim.program.dispose();
  }
}

const lifNetwork = (connectivity: unknown, extra: Record<string, unknown> = {}) =>
  rawDoc(
    [node('p', 'poisson', { size: 50, rate: 20 }), node('n', 'lif', { size: 40 })],
    [edge('pn', 'p', 'n', { type: 'constant', value: 0.1 }, 0, { connectivity }), edge('nn', 'n', 'n', { type: 'constant', value: -0.2 }, 1, extra)],
    { seed: 9, dt: 0.1 },
  );

function errorsOf(raw: unknown): string[] {
  const r = validateDocument(raw);
  return r.ok ? [] : r.errors.map(formatIssue);
}

describe('connection rules in a document', () => {
  it('fixed-indegree: every target unit receives exactly k synapses, the pattern drawn first from the edge stream', () => {
    const doc = valid(lifNetwork({ rule: 'fixed-indegree', k: 7 }));
    const rows = pattern(doc, 'pn');
    expect(rows.map((r) => r.length)).toEqual(new Array(40).fill(7));
    const drawn = sampleConnections({ rule: 'fixed-indegree', k: 7 }, 40, 50, false, new Rng(doc.seed, 'edge:pn'));
    expect(rows.flat()).toEqual(Array.from(drawn.colIdx));
    expect(pattern(doc, 'pn')).toEqual(rows); // seeded: the same again
    expect(pattern(valid({ ...lifNetwork({ rule: 'fixed-indegree', k: 7 }), seed: 10 }), 'pn')).not.toEqual(rows);
  });

  it('fixed-outdegree on a self-edge: k targets per source and no autapses unless asked', () => {
    const rows = pattern(valid(lifNetwork(undefined, { connectivity: { rule: 'fixed-outdegree', k: 39 } })), 'nn');
    const out = new Array(40).fill(0);
    for (const r of rows) for (const j of r) out[j]++;
    expect(out).toEqual(new Array(40).fill(39));
    expect(rows.every((r, i) => !r.includes(i))).toBe(true);
    expect(errorsOf(lifNetwork(undefined, { connectivity: { rule: 'fixed-outdegree', k: 40 } }))).toEqual([
      'edges[1].params.connectivity.k: k = 40 exceeds the 39 possible targets per source (no autapses)',
    ]);
    const all = pattern(valid(lifNetwork(undefined, { connectivity: { rule: 'fixed-outdegree', k: 40, autapses: true } })), 'nn');
    expect(all.every((r) => r.length === 40)).toBe(true);
  });

  it('fixed-total: exactly n synapses', () => {
    const rows = pattern(valid(lifNetwork({ rule: 'fixed-total', n: 123 })), 'pn');
    expect(rows.flat()).toHaveLength(123);
    expect(errorsOf(lifNetwork({ rule: 'fixed-total', n: 2001 }))).toEqual(['edges[0].params.connectivity.n: n = 2001 exceeds the 2000 possible synapses']);
  });

  it('names what is wrong with a rule: unknown rule, missing or fractional count, unknown field, identity weight', () => {
    expect(errorsOf(lifNetwork({ rule: 'pairwise-bernoulli', p: 0.1 }))[0]).toMatch(/^edges\[0\]\.params\.connectivity\.rule: must be one of "fixed-indegree", "fixed-outdegree", "fixed-total"/);
    expect(errorsOf(lifNetwork({ rule: 'fixed-indegree' }))).toEqual(['edges[0].params.connectivity.k: is required (a number)']);
    expect(errorsOf(lifNetwork({ rule: 'fixed-indegree', k: 2.5 }))).toEqual(['edges[0].params.connectivity.k: must be an integer ≥ 1, got 2.5']);
    expect(errorsOf(lifNetwork({ rule: 'fixed-total', n: 5, k: 3 }))).toEqual(['edges[0].params.connectivity.k: unknown field']);
    expect(errorsOf(lifNetwork(2))).toEqual(['edges[0].params.connectivity: must be in (0, 1], got 2']);
    const identity = lifNetwork(undefined);
    (identity.edges[1].params as Record<string, unknown>).weight = { type: 'identity', value: 1 };
    (identity.edges[1].params as Record<string, unknown>).connectivity = { rule: 'fixed-indegree', k: 3 };
    expect(errorsOf(identity)).toEqual(['edges[1].params.connectivity: an identity weight connects unit i to unit i only: a connection rule does not apply']);
  });

  it('a rule with drawn values and a spectral radius: values drawn after the pattern, then rescaled', () => {
    const doc = valid(
      rawDoc(
        [node('r', 'rate', { size: 60, activation: 'tanh' })],
        [edge('rec', 'r', 'r', { type: 'normal', mean: 0, std: 1 }, 1, { connectivity: { rule: 'fixed-indegree', k: 6 }, spectralRadius: 0.9 })],
        { seed: 4 },
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const w = sim.program.edges[0].weights;
    expect(w.format).toBe('csr'); // 6 of 60 per row: density 0.1
    expect(spectralRadius(w)).toBeCloseTo(0.9, 9);
    expect(pattern(doc, 'rec').every((r, i) => r.length === 6 && !r.includes(i))).toBe(true);
    sim.program.dispose();
  });

  it('the synapse count of a rule feeds the edge facts, the thread choice and live edits', async () => {
    const doc = valid(lifNetwork({ rule: 'fixed-indegree', k: 7 }));
    const session = new EngineSession();
    await session.load(doc);
    expect(await session.edgeFacts('pn')).toMatchObject({ rows: 40, cols: 50, nonzeros: 280, expected: 280 });
    const big = valid(rawDoc([node('a', 'rate', { size: 2000 })], [edge('aa', 'a', 'a', { type: 'normal' }, 1, { connectivity: { rule: 'fixed-indegree', k: 200 } })]));
    expect(threadsFor(big)).toBe(2); // 2000 × 200 = 400,000 synapses
    expect(threadsFor(valid(rawDoc([node('a', 'rate', { size: 2000 })], [edge('aa', 'a', 'a', { type: 'normal' }, 1, { connectivity: { rule: 'fixed-indegree', k: 20 } })])))).toBe(1);
    const changed = valid(lifNetwork({ rule: 'fixed-indegree', k: 8 }));
    expect(classifyChange(doc, changed)).toMatchObject({ type: 'structural', reason: 'edge "pn" changed more than its weight scale' });
  });
});
