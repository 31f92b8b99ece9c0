/**
 * The canvas scene: React Flow nodes and edges of the document, with groups drawn as frames or
 * collapsed modules, and decorations (selection, highlight, errors, the rejected loop). Elements
 * are cached by the identity of what they come from, and the arrays are kept when no element
 * changed, so an edit of one node gives React Flow one new node object and the same edge array.
 */
import type { Node } from '@xyflow/react';
import type { GraphDocument, GraphEdge, GraphNode } from '../model/index.ts';
import type { Selection } from '../store/editorStore.ts';
import { groupsOf, type EditorGroup } from '../store/groups.ts';
import { toFlowEdge, toFlowNode, type GraphFlowEdge, type GraphFlowNode } from './toFlow.ts';
import type { DocumentIssues } from './issues.ts';
import { DEFAULT_NODE_SIZE } from './layout/nodeSize.ts';

/** React Flow ids of groups are prefixed so they never clash with node ids. */
export const GROUP_PREFIX = 'group:';
export const groupFlowId = (id: string) => `${GROUP_PREFIX}${id}`;
export const groupIdOf = (flowId: string) => (flowId.startsWith(GROUP_PREFIX) ? flowId.slice(GROUP_PREFIX.length) : null);

export interface GroupNodeData extends Record<string, unknown> {
  groupId: string;
  label: string;
  count: number;
  collapsed: boolean;
}
export type GroupFlowNode = Node<GroupNodeData, 'groupFrame' | 'groupCollapsed'>;
export type SceneNode = GraphFlowNode | GroupFlowNode;

export type Size = { width: number; height: number };

export interface SceneInput {
  doc: GraphDocument;
  measured: Readonly<Record<string, Size>>;
  selection: Selection;
  highlight: { nodes: readonly string[]; edges: readonly string[] } | null;
  issues: DocumentIssues;
}

export interface Scene {
  nodes: SceneNode[];
  edges: GraphFlowEdge[];
}

/** Padding of a group frame around its members, and the height of its title bar. */
const PAD = 24;
const HEADER = 30;

/** Bounds of a group's members (flow coordinates). */
export function groupBounds(doc: GraphDocument, group: EditorGroup, measured: Readonly<Record<string, Size>>) {
  const members = new Set(group.nodes);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of doc.nodes) {
    if (!members.has(n.id)) continue;
    const s = measured[n.id] ?? DEFAULT_NODE_SIZE;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + s.width);
    y1 = Math.max(y1, n.position.y + s.height);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** Where a group is drawn: the frame around its members, or the collapsed module at their corner. */
export function groupPosition(doc: GraphDocument, group: EditorGroup, measured: Readonly<Record<string, Size>>) {
  const b = groupBounds(doc, group, measured);
  if (!b) return null;
  return group.collapsed ? { x: b.x, y: b.y } : { x: b.x - PAD, y: b.y - PAD - HEADER };
}

function memo<K extends object, V>() {
  const cache = new WeakMap<K, { sig: string; value: V }>();
  return (key: K, sig: string, make: () => V): V => {
    const hit = cache.get(key);
    if (hit && hit.sig === sig) return hit.value;
    const value = make();
    cache.set(key, { sig, value });
    return value;
  };
}

/** `prev` when `next` holds the same elements in the same order (React Flow then skips its per-element update). */
export function sameOr<T>(prev: T[], next: T[]): T[] {
  return prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next;
}

/** A scene builder with its caches (one per canvas). */
export function createSceneBuilder() {
  const baseNodes = new WeakMap<GraphNode, GraphFlowNode>();
  const baseEdges = new WeakMap<GraphEdge, GraphFlowEdge>();
  const decoratedNodes = memo<GraphFlowNode, GraphFlowNode>();
  const decoratedEdges = memo<GraphFlowEdge, GraphFlowEdge>();
  const groupNodes = new Map<string, { sig: string; node: GroupFlowNode }>();
  let last: Scene = { nodes: [], edges: [] };

  const baseNode = (n: GraphNode) => {
    let f = baseNodes.get(n);
    if (!f) baseNodes.set(n, (f = toFlowNode(n)));
    return f;
  };
  const baseEdge = (e: GraphEdge) => {
    let f = baseEdges.get(e);
    if (!f) baseEdges.set(e, (f = toFlowEdge(e)));
    return f;
  };

  function groupNode(g: EditorGroup, input: SceneInput): GroupFlowNode | null {
    const b = groupBounds(input.doc, g, input.measured);
    const position = groupPosition(input.doc, g, input.measured);
    if (!b || !position) return null;
    const selected = input.selection.groups.has(g.id);
    const size = g.collapsed ? input.measured[groupFlowId(g.id)] : { width: b.width + 2 * PAD, height: b.height + 2 * PAD + HEADER };
    const sig = JSON.stringify([position, size, g.label, g.nodes.length, g.collapsed, selected]);
    const hit = groupNodes.get(g.id);
    if (hit && hit.sig === sig) return hit.node;
    const node: GroupFlowNode = {
      id: groupFlowId(g.id),
      type: g.collapsed ? 'groupCollapsed' : 'groupFrame',
      position,
      selected,
      data: { groupId: g.id, label: g.label, count: g.nodes.length, collapsed: g.collapsed },
      ...(g.collapsed ? (size ? { measured: size } : {}) : { width: size!.width, height: size!.height, zIndex: -1, measured: size }),
    };
    groupNodes.set(g.id, { sig, node });
    return node;
  }

  return function build(input: SceneInput): Scene {
    const { doc, selection, highlight, issues } = input;
    const groups = groupsOf(doc);
    /** Node id → the collapsed group hiding it. */
    const hiddenIn = new Map<string, string>();
    for (const g of groups) if (g.collapsed) for (const n of g.nodes) hiddenIn.set(n, groupFlowId(g.id));
    const lit = new Set(highlight ? [...highlight.nodes, ...highlight.edges] : []);
    const loop = new Set(issues.loop ? [...issues.loop.nodes, ...issues.loop.edges] : []);
    const cls = (id: string, errors: unknown) =>
      [lit.has(id) ? 'is-highlighted' : '', loop.has(id) ? 'is-in-loop' : '', errors ? 'has-errors' : ''].filter(Boolean).join(' ');

    const nodes: SceneNode[] = [];
    for (const g of groups) {
      const gn = groupNode(g, input);
      if (gn && !g.collapsed) nodes.push(gn); // frames first: drawn behind their members
    }
    for (const n of doc.nodes) {
      if (hiddenIn.has(n.id)) continue;
      const base = baseNode(n);
      const selected = selection.nodes.has(n.id);
      const m = input.measured[n.id];
      const errors = issues.byNode.get(n.id);
      const className = cls(n.id, errors);
      // React Flow reads sizes from the nodes it is given (the minimap does), so a measured size
      // makes a new node object (once per node after it is first drawn).
      const sig = `${selected ? 1 : 0}|${m?.width}|${m?.height}|${className}|${errors?.join('\n') ?? ''}`;
      nodes.push(
        decoratedNodes(base, sig, () => ({
          ...base,
          selected,
          ...(m ? { measured: m } : {}),
          ...(className ? { className } : {}),
          data: errors ? { ...base.data, errors } : base.data,
        })),
      );
    }
    for (const g of groups) {
      const gn = groupNode(g, input);
      if (gn && g.collapsed) nodes.push(gn);
    }

    const edges: GraphFlowEdge[] = [];
    for (const e of doc.edges) {
      const source = hiddenIn.get(e.source) ?? e.source;
      const target = hiddenIn.get(e.target) ?? e.target;
      if (source !== e.source && source === target) continue; // inside a collapsed module
      const base = baseEdge(e);
      const selected = selection.edges.has(e.id);
      const errors = issues.byEdge.get(e.id);
      const className = cls(e.id, errors);
      const alert = loop.has(e.id) || !!errors;
      const sig = `${selected ? 1 : 0}|${source}|${target}|${className}`;
      edges.push(
        decoratedEdges(base, sig, () => ({
          ...base,
          source,
          target,
          type: source === target ? 'selfLoop' : 'signal',
          selected,
          ...(className ? { className } : {}),
          ...(alert ? { data: { ...base.data!, alert } } : {}),
        })),
      );
    }
    const next = { nodes: sameOr(last.nodes, nodes), edges: sameOr(last.edges, edges) };
    if (next.nodes !== last.nodes || next.edges !== last.edges) last = next;
    return last;
  };
}
