/**
 * Turning React Flow's change events into editor terms: selection changes into the editor
 * store's selection, position changes into node moves (a group frame moves its members).
 */
import { applyNodeChanges, type Edge, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { GraphDocument } from '../model/index.ts';
import type { Selection } from '../store/editorStore.ts';
import { groupsOf } from '../store/groups.ts';
import type { Point } from '../store/edits.ts';
import { groupIdOf, type SceneNode } from './scene.ts';

/** The selection after React Flow's select changes (the same object when nothing changed). */
export function applySelectionChanges(selection: Selection, changes: readonly (NodeChange | EdgeChange)[], of: 'node' | 'edge'): Selection {
  let nodes: Set<string> | null = null;
  let edges: Set<string> | null = null;
  let groups: Set<string> | null = null;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    const group = of === 'node' ? groupIdOf(c.id) : null;
    const set =
      of === 'edge' ? (edges ??= new Set(selection.edges)) : group !== null ? (groups ??= new Set(selection.groups)) : (nodes ??= new Set(selection.nodes));
    const id = group ?? c.id;
    if (c.selected) set.add(id);
    else set.delete(id);
  }
  if (!nodes && !edges && !groups) return selection;
  return { nodes: nodes ?? selection.nodes, edges: edges ?? selection.edges, groups: groups ?? selection.groups };
}

/**
 * Node moves from position changes. A moved group (frame or collapsed module) moves its members
 * by the same offset, unless they are being moved themselves in the same change.
 */
export function planMoves(doc: GraphDocument, changes: readonly NodeChange<SceneNode>[], shown: readonly SceneNode[]): { id: string; position: Point }[] {
  const moves = new Map<string, Point>();
  const groupMoves: { id: string; position: Point }[] = [];
  for (const c of changes) {
    if (c.type !== 'position' || !c.position) continue;
    if (groupIdOf(c.id) !== null) groupMoves.push({ id: c.id, position: c.position });
    else moves.set(c.id, { x: c.position.x, y: c.position.y });
  }
  if (groupMoves.length > 0) {
    const groups = new Map(groupsOf(doc).map((g) => [g.id, g]));
    const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
    for (const gm of groupMoves) {
      const was = shown.find((n) => n.id === gm.id)?.position;
      const group = groups.get(groupIdOf(gm.id)!);
      if (!was || !group) continue;
      const dx = gm.position.x - was.x;
      const dy = gm.position.y - was.y;
      for (const id of group.nodes) {
        const n = nodes.get(id);
        if (n && !moves.has(id)) moves.set(id, { x: n.position.x + dx, y: n.position.y + dy });
      }
    }
  }
  return [...moves].map(([id, position]) => ({ id, position }));
}

/** Positions of a drag in progress, by React Flow id (group frames and modules included). */
export type DragPositions = ReadonlyMap<string, Point>;

/**
 * What one frame of a drag moves: the dragged elements (a group frame or module included, so it
 * follows the pointer) and the members a dragged group carries along. `shown` are the nodes as
 * the document places them (a drag does not touch the document until it ends).
 */
export function dragPositions(doc: GraphDocument, changes: readonly NodeChange<SceneNode>[], shown: readonly SceneNode[]): Map<string, Point> {
  const out = new Map<string, Point>();
  for (const c of changes) if (c.type === 'position' && c.position && groupIdOf(c.id) !== null) out.set(c.id, c.position);
  for (const m of planMoves(doc, changes, shown)) out.set(m.id, m.position);
  return out;
}

/**
 * The shown nodes with a drag's positions laid over them (React Flow's applyNodeChanges): only
 * the moved nodes get new objects, so React Flow re-renders only them and their edges.
 */
export function withDragPositions<N extends SceneNode>(nodes: N[], positions: DragPositions): N[] {
  if (positions.size === 0) return nodes;
  const changes: NodeChange<N>[] = [...positions].map(([id, position]) => ({ type: 'position', id, position, dragging: true }));
  return applyNodeChanges(changes, nodes);
}

/** Class of the edges attached to dragged nodes: the canvas gives them layers of their own. */
export const MOVING_EDGE_CLASS = 'is-moving';

/**
 * The edges with those attached to `moving` nodes marked by MOVING_EDGE_CLASS. While a drag
 * lasts the browser then re-rasters only these edges and the dragged nodes, not the whole graph
 * behind them. The set of moving nodes is fixed for a gesture, so this runs at its start and end.
 */
export function withMovingEdges<E extends Edge>(edges: E[], moving: ReadonlySet<string>): E[] {
  if (moving.size === 0) return edges;
  return edges.map((e) =>
    moving.has(e.source) || moving.has(e.target) ? { ...e, className: e.className ? `${e.className} ${MOVING_EDGE_CLASS}` : MOVING_EDGE_CLASS } : e,
  );
}

/** The document moves of a drag (group frames are drawn around their members, not stored). */
export function documentMoves(positions: DragPositions): { id: string; position: Point }[] {
  return [...positions].filter(([id]) => groupIdOf(id) === null).map(([id, position]) => ({ id, position }));
}

/** The id of the node under the pointer at the end of a connection drag, if any. */
export function dropPointNode(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
  return el?.dataset.id ?? null;
}
