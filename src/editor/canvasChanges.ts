/**
 * Turning React Flow's change events into editor terms: selection changes into the editor
 * store's selection, position changes into node moves (a group frame moves its members).
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
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

/** The id of the node under the pointer at the end of a connection drag, if any. */
export function dropPointNode(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY)?.closest<HTMLElement>('.react-flow__node');
  return el?.dataset.id ?? null;
}
