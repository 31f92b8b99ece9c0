import { describe, expect, it } from 'vitest';
import type { GraphFlowEdge } from '../toFlow.ts';
import { farEdgePaths, strokeKind } from './farEdgePaths.ts';

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
