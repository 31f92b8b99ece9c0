import { describe, expect, it } from 'vitest';
import { catalog } from '../lessons/catalog.ts';
import { thumbnailOf } from './thumbnail.ts';

describe('preset thumbnails', () => {
  it('place every node inside the card and draw self-loops as loops', () => {
    const t = thumbnailOf(catalog.find((p) => p.name === 'self-connected-unit')!.doc, 160, 90, 16);
    expect(t.nodes.map((n) => n.id)).toEqual(['u', 'x']);
    for (const n of t.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(16);
      expect(n.x).toBeLessThanOrEqual(144);
    }
    expect(t.nodes[0].group).toBe('inputs');
    expect(t.edges.find((e) => e.id === 'self')!.self).toBe(true);
    expect(t.edges.find((e) => e.id === 'in')!.self).toBe(false);
  });

  it('centre a single node and grow radius with population size', () => {
    const t = thumbnailOf({ nodes: [{ id: 'a', kind: 'rate', position: { x: 5, y: 5 }, params: { size: 1000 } }], edges: [] }, 160, 90);
    expect(t.nodes[0]).toMatchObject({ x: 80, y: 45 });
    expect(t.nodes[0].r).toBeGreaterThan(thumbnailOf({ nodes: [{ id: 'a', kind: 'rate' }] }).nodes[0].r);
  });

  it.each(catalog.map((p) => p.name))('%s has a thumbnail with all its nodes', (name) => {
    const doc = catalog.find((p) => p.name === name)!.doc as { nodes: unknown[] };
    const t = thumbnailOf(doc);
    expect(t.nodes).toHaveLength(doc.nodes.length);
    for (const n of t.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
  });
});
