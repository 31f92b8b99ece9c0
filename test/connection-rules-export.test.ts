/**
 * Exports see connection rules through the compiled weights: a PyNN script lists the synapses the
 * engine drew (FromListConnector), so a fixed in-degree of k gives every target exactly k.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/engine/index.ts';
import { pynnNetwork } from '../src/export/pynn/mapping.ts';
import { edge, node, rawDoc, valid } from '../src/test-support/docs.ts';

describe('connection rules in exports', () => {
  it('PyNN: a fixed in-degree of 7 gives each of the 40 LIF cells exactly 7 presynaptic Poisson sources, none twice', () => {
    const doc = valid(
      rawDoc(
        [node('p', 'poisson', { size: 50, rate: 20 }), node('n', 'lif', { size: 40 })],
        [edge('pn', 'p', 'n', { type: 'constant', value: 0.1 }, 15, { connectivity: { rule: 'fixed-indegree', k: 7 }, synapse: { type: 'delta' } })],
        { seed: 3, dt: 0.1 },
      ),
    );
    const program = compile(doc);
    try {
      program.initialise(doc.seed);
      const projections = pynnNetwork(program, doc.seed, 100).projections.filter((p) => p.edge === 'pn');
      expect(projections.map((p) => p.receptor)).toEqual(['excitatory']);
      const [p] = projections;
      const perTarget = new Map<number, Set<number>>();
      p.post_index.forEach((post, s) => perTarget.set(post, (perTarget.get(post) ?? new Set()).add(p.pre_index[s])));
      expect(p.post_index.length).toBe(280);
      expect([...perTarget.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect([...perTarget.values()].every((sources) => sources.size === 7)).toBe(true);
      expect(p.delay).toBeCloseTo(1.5, 12);
    } finally {
      program.dispose();
    }
  });
});
