import { describe, expect, it } from 'vitest';
import { changesSimulation } from './simulation-relevant.ts';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';

describe('changesSimulation', () => {
  const doc = valid(leakyUnitDoc());

  it('ignores moves, labels, titles and panel layout', () => {
    const moved = { ...doc, title: 'renamed', panels: [{ type: 'traces' }], nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 1 }, label: 'L' })) };
    expect(changesSimulation(doc, moved)).toBe(false);
  });

  it('sees parameter, edge, seed and structure changes', () => {
    const leak = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'x' ? { ...n, params: { ...n.params, leak: 0.5 } } : n)) } as typeof doc;
    expect(changesSimulation(doc, leak)).toBe(true);
    expect(changesSimulation(doc, { ...doc, seed: 8 })).toBe(true);
    expect(changesSimulation(doc, { ...doc, edges: doc.edges.slice(1) })).toBe(true);
    const delay = { ...doc, edges: doc.edges.map((e) => ({ ...e, params: { ...e.params, delay: 2 } })) };
    expect(changesSimulation(doc, delay)).toBe(true);
  });
});
