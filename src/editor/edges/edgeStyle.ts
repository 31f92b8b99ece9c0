import type { GraphEdgeData } from '../toFlow.ts';

/** Class names of an edge path: delayed edges are dashed (see app styles). */
export function edgeClassName(data: GraphEdgeData | undefined, selected: boolean | undefined, extra = ''): string {
  return ['graph-edge', data && data.delay > 0 ? 'graph-edge--delayed' : 'graph-edge--instant', selected ? 'is-selected' : '', extra]
    .filter(Boolean)
    .join(' ');
}
