/**
 * Edges of a large network zoomed far out, drawn as a handful of SVG paths (one per colour)
 * instead of one React Flow edge each: at that zoom an edge is a hairline without label or
 * arrowhead, and 2,000 edge components would cost React Flow 6,000 store subscriptions per frame
 * of a drag and most of the load time. Lines run from the source's output handle (middle of its
 * right side) to the target's input handle (middle of its left side), as the edge components do.
 */
import type { GraphFlowEdge } from '../toFlow.ts';
import type { SceneNode, Size } from '../scene.ts';
import { DEFAULT_NODE_SIZE } from '../layout/nodeSize.ts';
import { selfLoopCurve } from './SelfLoopEdge.tsx';

export type StrokeKind = 'instant' | 'delayed' | 'selected' | 'highlighted' | 'alert';
/** Drawing order: later kinds are drawn over earlier ones. */
export const STROKE_KINDS: readonly StrokeKind[] = ['instant', 'delayed', 'selected', 'highlighted', 'alert'];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of each shown node by id: its measured size, else its set size, else the default. */
export function boxLookup(nodes: readonly SceneNode[], measured: Readonly<Record<string, Size>>): (id: string) => Box | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (id) => {
    const n = byId.get(id);
    if (!n) return undefined;
    const size = measured[id] ?? (n.width && n.height ? { width: n.width, height: n.height } : DEFAULT_NODE_SIZE);
    return { x: n.position.x, y: n.position.y, width: size.width, height: size.height };
  };
}

/** The colour an edge is drawn in, as its component would draw it. */
export function strokeKind(e: GraphFlowEdge): StrokeKind {
  if (e.data?.alert) return 'alert';
  if (e.className?.includes('is-highlighted')) return 'highlighted';
  if (e.selected) return 'selected';
  return e.data && e.data.delay > 0 ? 'delayed' : 'instant';
}

interface Point {
  x: number;
  y: number;
}

/** Where an edge is drawn: a line from the source's output handle to the target's input handle, or a self-loop. */
function edgeGeometry(e: GraphFlowEdge, boxOf: (id: string) => Box | undefined): { path: string; points: Point[] } | null {
  const s = boxOf(e.source);
  const t = boxOf(e.target);
  if (!s || !t) return null;
  const sx = s.x + s.width;
  const sy = s.y + s.height / 2;
  if (e.source === e.target) {
    const loop = selfLoopCurve(sx, sy, s.x, s.y);
    return { path: loop.path, points: Array.from({ length: 17 }, (_, k) => loop.point(k / 16)) };
  }
  const tx = t.x;
  const ty = t.y + t.height / 2;
  return { path: `M ${sx},${sy} L ${tx},${ty}`, points: [{ x: sx, y: sy }, { x: tx, y: ty }] };
}

/** SVG path data of `edges` by colour; edges whose nodes are not shown are left out. */
export function farEdgePaths(edges: readonly GraphFlowEdge[], boxOf: (id: string) => Box | undefined): Record<StrokeKind, string> {
  const parts: Record<StrokeKind, string[]> = { instant: [], delayed: [], selected: [], highlighted: [], alert: [] };
  for (const e of edges) {
    const g = edgeGeometry(e, boxOf);
    if (g) parts[strokeKind(e)].push(g.path);
  }
  return Object.fromEntries(STROKE_KINDS.map((k) => [k, parts[k].join(' ')])) as Record<StrokeKind, string>;
}

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The edge drawn nearest to `p` (flow coordinates) within `tolerance` (flow units), or null:
 * zoomed far out the edges are plain paths, so a click on the canvas is matched to them here.
 * A later edge wins a tie (it is drawn on top).
 */
export function edgeAt(edges: readonly GraphFlowEdge[], boxOf: (id: string) => Box | undefined, p: Point, tolerance: number): string | null {
  let best: string | null = null;
  let bestDistance = tolerance;
  for (const e of edges) {
    const g = edgeGeometry(e, boxOf);
    if (!g) continue;
    for (let i = 1; i < g.points.length; i++) {
      const d = segmentDistance(p, g.points[i - 1], g.points[i]);
      if (d <= bestDistance) {
        bestDistance = d;
        best = e.id;
      }
    }
  }
  return best;
}
