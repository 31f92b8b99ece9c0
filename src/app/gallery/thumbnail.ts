/**
 * A preset's thumbnail, drawn from its document: nodes where the editor places them (scaled into
 * the card), edges as lines, self-loops as small circles, each node coloured by its palette group.
 */
import { getKind } from '../../model/index.ts';

export interface ThumbNode {
  id: string;
  x: number;
  y: number;
  /** Radius grows with the population size (log scale). */
  r: number;
  group: string;
}

export interface ThumbEdge {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  self: boolean;
}

export interface Thumbnail {
  width: number;
  height: number;
  nodes: ThumbNode[];
  edges: ThumbEdge[];
}

interface RawDoc {
  nodes?: { id: string; kind: string; position?: { x: number; y: number }; params?: { size?: number } }[];
  edges?: { id: string; source: string; target: string }[];
}

/** Lays the document's nodes into a `width` × `height` box with `pad` margin. */
export function thumbnailOf(doc: unknown, width = 160, height = 90, pad = 16): Thumbnail {
  const d = doc as RawDoc;
  const nodes = d.nodes ?? [];
  const xs = nodes.map((n) => n.position?.x ?? 0);
  const ys = nodes.map((n) => n.position?.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((width - 2 * pad) / Math.max(1, x1 - x0), (height - 2 * pad) / Math.max(1, y1 - y0));
  const cx = (width - (x1 - x0) * scale) / 2;
  const cy = (height - (y1 - y0) * scale) / 2;
  const placed = new Map<string, ThumbNode>();
  nodes.forEach((n, i) => {
    const size = typeof n.params?.size === 'number' ? n.params.size : 1;
    placed.set(n.id, {
      id: n.id,
      x: cx + (xs[i] - x0) * scale,
      y: cy + (ys[i] - y0) * scale,
      r: Math.min(11, 5 + 1.5 * Math.log10(Math.max(1, size))),
      group: getKind(n.kind)?.group ?? 'other',
    });
  });
  const edges = (d.edges ?? []).flatMap((e) => {
    const a = placed.get(e.source);
    const b = placed.get(e.target);
    return a && b ? [{ id: e.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y, self: e.source === e.target }] : [];
  });
  return { width, height, nodes: [...placed.values()], edges };
}
