import type { GraphEdgeData } from '../toFlow.ts';

/** Ids of the arrowhead markers defined by EdgeMarkers. */
export const MARKER_IDS = { instant: 'recurrence-arrow', delayed: 'recurrence-arrow-delayed' } as const;

const isDelayed = (data: GraphEdgeData | undefined) => !!data && data.delay > 0;

/** Class names of an edge path: delayed edges are dashed (see app styles). */
export function edgeClassName(data: GraphEdgeData | undefined, selected: boolean | undefined, extra = ''): string {
  return ['graph-edge', isDelayed(data) ? 'graph-edge--delayed' : 'graph-edge--instant', selected ? 'is-selected' : '', extra]
    .filter(Boolean)
    .join(' ');
}

/** The arrowhead of an edge, coloured like its line. */
export function edgeMarker(data: GraphEdgeData | undefined): string {
  return `url(#${isDelayed(data) ? MARKER_IDS.delayed : MARKER_IDS.instant})`;
}
