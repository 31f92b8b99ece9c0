import type { GraphEdgeData } from '../toFlow.ts';

/**
 * Ids of the arrowhead markers defined by EdgeMarkers, one per colour an edge line can have: an
 * SVG marker cannot take its colour from the line it ends, so each colour is its own marker.
 */
export const MARKER_IDS = {
  instant: 'recurrence-arrow',
  delayed: 'recurrence-arrow-delayed',
  selected: 'recurrence-arrow-selected',
  alert: 'recurrence-arrow-alert',
} as const;

const isDelayed = (data: GraphEdgeData | undefined) => !!data && data.delay > 0;

/** Class names of an edge path: delayed edges are dashed (see app styles). */
export function edgeClassName(data: GraphEdgeData | undefined, selected: boolean | undefined, extra = ''): string {
  return ['graph-edge', isDelayed(data) ? 'graph-edge--delayed' : 'graph-edge--instant', selected ? 'is-selected' : '', extra]
    .filter(Boolean)
    .join(' ');
}

/**
 * The arrowhead of an edge, coloured like its line: red when the edge is part of a loop with no
 * delay or invalid (drawn red over the selection colour), else the selection colour, else by delay.
 */
export function edgeMarker(data: GraphEdgeData | undefined, selected?: boolean): string {
  const kind: keyof typeof MARKER_IDS = data?.alert ? 'alert' : selected ? 'selected' : isDelayed(data) ? 'delayed' : 'instant';
  return `url(#${MARKER_IDS[kind]})`;
}
