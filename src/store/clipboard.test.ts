import { describe, expect, it } from 'vitest';
import { parseFragment, pasteFragment } from './clipboard.ts';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';

describe('paste', () => {
  it('leaves out nodes and edges that hold a __proto__, constructor or prototype key', () => {
    const doc = valid(leakyUnitDoc());
    const text = JSON.stringify({ format: 'recurrence-fragment', version: 1, nodes: doc.nodes, edges: doc.edges, groups: [] })
      .replace('"leak":1', '"leak":1,"__proto__":{"size":5}')
      .replace('"delay":1', '"delay":1,"constructor":{}');
    const fragment = parseFragment(text)!;
    const out = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(out.skipped).toBe(1); // node x
    expect(out.nodeIds).toHaveLength(1);
    expect(out.edgeIds).toHaveLength(0); // "in" lost its target; "self" carries the key
    const clean = pasteFragment(doc, parseFragment(JSON.stringify({ ...fragment, nodes: doc.nodes, edges: doc.edges }))!, { x: 40, y: 40 });
    expect([clean.skipped, clean.nodeIds.length, clean.edgeIds.length]).toEqual([0, 2, 2]);
  });
});
