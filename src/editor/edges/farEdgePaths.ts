/**
 * Edges of a large network zoomed far out, drawn as a handful of SVG paths (one per colour)
 * instead of one React Flow edge each: at that zoom an edge is a hairline without label or
 * arrowhead, and 2,000 edge components would cost React Flow 6,000 store subscriptions per frame
 * of a drag and most of the load time. Lines run from the source's output handle (middle of its
 * right side) to the target's input handle (middle of its left side), as the edge components do.
 */
import type { GraphFlowEdge } from '../toFlow.ts';
import { selfLoopPath } from './SelfLoopEdge.tsx';

export type StrokeKind = 'instant' | 'delayed' | 'selected' | 'highlighted' | 'alert';
/** Drawing order: later kinds are drawn over earlier ones. */
export const STROKE_KINDS: readonly StrokeKind[] = ['instant', 'delayed', 'selected', 'highlighted', 'alert'];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The colour an edge is drawn in, as its component would draw it. */
export function strokeKind(e: GraphFlowEdge): StrokeKind {
  if (e.data?.alert) return 'alert';
  if (e.className?.includes('is-highlighted')) return 'highlighted';
  if (e.selected) return 'selected';
  return e.data && e.data.delay > 0 ? 'delayed' : 'instant';
}

/** SVG path data of `edges` by colour; edges whose nodes are not shown are left out. */
export function farEdgePaths(edges: readonly GraphFlowEdge[], boxOf: (id: string) => Box | undefined): Record<StrokeKind, string> {
  const parts: Record<StrokeKind, string[]> = { instant: [], delayed: [], selected: [], highlighted: [], alert: [] };
  for (const e of edges) {
    const s = boxOf(e.source);
    const t = boxOf(e.target);
    if (!s || !t) continue;
    const sx = s.x + s.width;
    const sy = s.y + s.height / 2;
    parts[strokeKind(e)].push(e.source === e.target ? selfLoopPath(sx, sy, s.x, s.y).path : `M ${sx},${sy} L ${t.x},${t.y + t.height / 2}`);
  }
  return Object.fromEntries(STROKE_KINDS.map((k) => [k, parts[k].join(' ')])) as Record<StrokeKind, string>;
}
