import { describe, expect, it } from 'vitest';
import type { GraphFlowEdge } from '../toFlow.ts';
import { edgeAt, farEdgePaths, strokeKind } from './farEdgePaths.ts';

const edge = (id: string, source: string, target: string, extra: Partial<GraphFlowEdge> = {}, delay = 0): GraphFlowEdge => ({
  id,
  source,
  target,
  type: 'signal',
  data: { delay, weight: '1' },
  ...extra,
});
const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {
  a: { x: 0, y: 0, width: 100, height: 40 },
  b: { x: 300, y: 100, width: 120, height: 60 },
};

describe('edges zoomed far out', () => {
  it('colours an edge as its component would: alert over highlight over selection over delay', () => {
    expect(strokeKind(edge('e', 'a', 'b'))).toBe('instant');
    expect(strokeKind(edge('e', 'a', 'b', {}, 2))).toBe('delayed');
    expect(strokeKind(edge('e', 'a', 'b', { selected: true }, 2))).toBe('selected');
    expect(strokeKind(edge('e', 'a', 'b', { selected: true, className: 'is-highlighted' }))).toBe('highlighted');
    expect(strokeKind(edge('e', 'a', 'b', { selected: true, data: { delay: 0, weight: '1', alert: true } }))).toBe('alert');
  });

  it('draws a line from the output handle to the input handle, a loop for a self-loop, nothing for hidden nodes', () => {
    const paths = farEdgePaths([edge('ab', 'a', 'b'), edge('bb', 'b', 'b', {}, 1), edge('ax', 'a', 'x')], (id) => boxes[id]);
    expect(paths.instant).toBe('M 100,20 L 300,130');
    expect(paths.delayed).toMatch(/^M 420,130 C /);
    expect(paths.selected).toBe('');
  });
});

describe('clicking an edge zoomed far out (edgeAt)', () => {
  const edges = [edge('ab', 'a', 'b'), edge('bb', 'b', 'b', {}, 1), edge('ax', 'a', 'x')];
  const boxOf = (id: string) => boxes[id];

  it('finds the line under the point within the tolerance, and nothing beyond it', () => {
    // the line runs from (100, 20) to (300, 130); its midpoint is (200, 75)
    expect(edgeAt(edges, boxOf, { x: 200, y: 75 }, 5)).toBe('ab');
    expect(edgeAt(edges, boxOf, { x: 200, y: 79 }, 5)).toBe('ab'); // 3.5 from the line
    expect(edgeAt(edges, boxOf, { x: 200, y: 85 }, 5)).toBeNull(); // 8.8 from it
    expect(edgeAt(edges, boxOf, { x: 90, y: 15 }, 5)).toBeNull(); // beyond the segment's end
  });

  it('finds a self-loop on its curve above the node, and not inside the node', () => {
    // the loop leaves b's output handle (420, 130) and ends on b's top edge
    expect(edgeAt(edges, boxOf, { x: 420, y: 130 }, 3)).toBe('bb');
    expect(edgeAt(edges, boxOf, { x: 360, y: 130 }, 3)).toBeNull();
  });

  it('picks the nearer of two edges, and ignores edges of hidden nodes', () => {
    const two = [edge('ab', 'a', 'b'), edge('ab2', 'a', 'c')];
    const more: Record<string, { x: number; y: number; width: number; height: number }> = { ...boxes, c: { x: 300, y: 0, width: 100, height: 40 } };
    // ab2 runs horizontally at y = 20 from x = 100 to 300; ab descends from (100, 20)
    expect(edgeAt(two, (id) => more[id], { x: 250, y: 22 }, 10)).toBe('ab2');
    expect(edgeAt(two, (id) => more[id], { x: 250, y: 102 }, 10)).toBe('ab');
    expect(edgeAt([edge('ax', 'a', 'x')], boxOf, { x: 150, y: 20 }, 50)).toBeNull();
  });
});
