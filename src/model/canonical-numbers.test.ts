import { describe, expect, it } from 'vitest';
import { canonicalIntegers } from './canonical-numbers.ts';
import { validateDocument } from './validate.ts';

describe('whole numbers in a canonical representation', () => {
  it('keeps every value (−0, fractions, large and non-finite numbers untouched), nested too', () => {
    const value = { size: [100, 0.5, 3].map(Number)[0], list: [1, -0, 2.5, 2 ** 40, -7], nested: { m: [[1, 2], [3.5]] }, s: 'x', n: null };
    const before = structuredClone(value);
    canonicalIntegers(value);
    expect(value).toEqual(before);
    expect(Object.is(value.list[1], -0)).toBe(true);
    expect(value.list[3]).toBe(2 ** 40);
  });

  it('validated documents come out with equal values', () => {
    const [size] = ['30', '0.5'].map(Number);
    const r = validateDocument({
      format: 'recurrence-graph',
      version: 1,
      nodes: [{ id: 'x', kind: 'rate', params: { size, activation: 'tanh', leak: 0.5 } }],
      edges: [{ id: 'w', source: 'x', target: 'x', params: { delay: 1, weight: { type: 'constant', value: -0 } } }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.doc.nodes[0].params as { size: number }).size).toBe(30);
    expect(Object.is((r.doc.edges[0].params.weight as { value: number }).value, -0)).toBe(true);
  });
});
