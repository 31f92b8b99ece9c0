/**
 * Pure edits of a graph document: each takes a document and returns the next one (or the same
 * object when nothing changes), never mutating its input, so history can keep old documents
 * and views can compare by identity. The command table (editor/commands) names them.
 */
import {
  closesZeroDelayLoop,
  findZeroDelayLoop,
  getKind,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type WeightInit,
  type ZeroDelayLoop,
} from '../model/index.ts';
import { groupsOf, withGroups, type EditorGroup } from './groups.ts';

export interface Point {
  x: number;
  y: number;
}

/** A fresh id `${stem}${k}` with the smallest k ≥ 1 not in `taken`. */
export function freshId(stem: string, taken: ReadonlySet<string>): string {
  const base = stem.replace(/[^A-Za-z0-9_-]/g, '') || 'n';
  for (let k = 1; ; k++) {
    const id = `${base}${k}`;
    if (!taken.has(id)) return id;
  }
}

/** Every id in use by a node, an edge or a group (one namespace keeps them distinguishable). */
export function takenIds(doc: GraphDocument): Set<string> {
  return new Set([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id), ...groupsOf(doc).map((g) => g.id)]);
}

/** Complete params of a new node of `kind`: its defaults, with the schema's defaults filled in. */
export function defaultParams(kind: string): Record<string, unknown> {
  const spec = getKind(kind);
  if (!spec) throw new Error(`unknown node kind "${kind}"`);
  return spec.params.parse(spec.defaults()) as Record<string, unknown>;
}

/** Adds a node of `kind` at `position`; returns the document and the new id. */
export function addNode(doc: GraphDocument, kind: string, position: Point): { doc: GraphDocument; id: string } {
  const id = freshId(getKind(kind)?.idPrefix ?? kind, takenIds(doc));
  const node = { id, kind, position: { x: Math.round(position.x), y: Math.round(position.y) }, params: defaultParams(kind) } as unknown as GraphNode;
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Moves nodes to new positions (a drag); unknown ids and unchanged positions are ignored. */
export function moveNodes(doc: GraphDocument, moves: readonly { id: string; position: Point }[]): GraphDocument {
  if (moves.length === 0) return doc;
  const byId = new Map(moves.map((m) => [m.id, m.position]));
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = byId.get(n.id);
    if (!p || (p.x === n.position.x && p.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** Removes nodes (with their edges and group memberships) and edges. */
export function removeElements(doc: GraphDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): GraphDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  const keptNodes = doc.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  if (keptNodes.length === doc.nodes.length && keptEdges.length === doc.edges.length) return doc;
  const groups = groupsOf(doc)
    .map((g) => ({ ...g, nodes: g.nodes.filter((id) => !nodes.has(id)) }))
    .filter((g) => g.nodes.length > 0);
  return withGroups({ ...doc, nodes: keptNodes, edges: keptEdges }, groups);
}

/** Output size of a node (units delivered along its edges). */
export function outputSizeOf(node: GraphNode): number {
  return getKind(node.kind)?.outputSize(node.params) ?? 1;
}

/** Input size of a node (rows of an incoming edge's matrix). */
export function inputSizeOf(node: GraphNode): number {
  const spec = getKind(node.kind);
  if (!spec) return 1;
  return (spec.inputSize ?? spec.outputSize)(node.params);
}

/** Weight of a new edge: 1 between single units, U[−1, 1] when either end is a population. */
export function defaultWeight(source: GraphNode, target: GraphNode): WeightInit {
  return outputSizeOf(source) === 1 && inputSizeOf(target) === 1 ? { type: 'constant', value: 1 } : { type: 'uniform', low: -1, high: 1 };
}

export type ConnectOutcome =
  | { ok: true; doc: GraphDocument; id: string; autoDelay: null }
  | { ok: true; doc: GraphDocument; id: string; autoDelay: { loop: ZeroDelayLoop } }
  | { ok: false; reason: string };

/**
 * Draws an edge source → target. The compiler's rule: a loop made only of delay-0 edges has no
 * update order, so an edge that would close one (a self-loop included) gets delay 1 and the
 * outcome says which loop it closed, for the message the user sees.
 */
export function connect(doc: GraphDocument, source: string, target: string): ConnectOutcome {
  const src = doc.nodes.find((n) => n.id === source);
  const tgt = doc.nodes.find((n) => n.id === target);
  if (!src || !tgt) return { ok: false, reason: `no node ${!src ? source : target}` };
  const tgtSpec = getKind(tgt.kind);
  if (tgtSpec?.role === 'source') return { ok: false, reason: `${tgtSpec.label} “${tgt.label ?? tgt.id}” receives no edges` };
  const id = freshId(`${source}_${target}_`, takenIds(doc));
  const closes = closesZeroDelayLoop(doc, source, target);
  const edge: GraphEdge = { id, source, target, params: { weight: defaultWeight(src, tgt), delay: closes ? 1 : 0 } };
  const next = { ...doc, edges: [...doc.edges, edge] };
  if (!closes) return { ok: true, doc: next, id, autoDelay: null };
  const loop = findZeroDelayLoop({ nodes: doc.nodes, edges: [...doc.edges, { ...edge, params: { ...edge.params, delay: 0 } }] });
  return { ok: true, doc: next, id, autoDelay: { loop: loop ?? { nodes: [source, target], edges: [id] } } };
}

/** Replaces a node's params (inspector). */
export function setNodeParams(doc: GraphDocument, id: string, params: Record<string, unknown>): GraphDocument {
  return updateNode(doc, id, (n) => ({ ...n, params }) as GraphNode);
}

/** The element with its label set to `label` trimmed, or without a label when that is empty. */
function withLabel<T extends { label?: string }>(element: T, label: string): T {
  const { label: _old, ...rest } = element;
  return (label.trim() ? { ...rest, label: label.trim() } : rest) as T;
}

/** Sets or clears a node's label. */
export function setNodeLabel(doc: GraphDocument, id: string, label: string): GraphDocument {
  return updateNode(doc, id, (n) => withLabel(n, label));
}

/** Sets or clears an edge's label (shown on the edge beside its weight). */
export function setEdgeLabel(doc: GraphDocument, id: string, label: string): GraphDocument {
  return updateEdge(doc, id, (e) => withLabel(e, label));
}

/** Replaces an edge's params (inspector). */
export function setEdgeParams(doc: GraphDocument, id: string, params: GraphEdge['params']): GraphDocument {
  return updateEdge(doc, id, (e) => ({ ...e, params }));
}

/** Adds one step to an edge's delay: the one-click fix of a loop with no delay. */
export function delayEdgeByOne(doc: GraphDocument, id: string): GraphDocument {
  return updateEdge(doc, id, (e) => ({ ...e, params: { ...e.params, delay: e.params.delay + 1 } }));
}

/** Document-level fields (title, description, seed, dt, precision — float64, the default, is left out of the file). */
export function setDocumentFields(doc: GraphDocument, fields: Partial<Pick<GraphDocument, 'title' | 'description' | 'seed' | 'dt' | 'precision'>>): GraphDocument {
  const next = { ...doc, ...fields };
  if (fields.description === '') delete next.description;
  if (fields.precision === 'float64') delete next.precision;
  return next;
}

function updateNode(doc: GraphDocument, id: string, f: (n: GraphNode) => GraphNode): GraphDocument {
  const i = doc.nodes.findIndex((n) => n.id === id);
  if (i < 0) return doc;
  const nodes = doc.nodes.slice();
  nodes[i] = f(nodes[i]);
  return { ...doc, nodes };
}

function updateEdge(doc: GraphDocument, id: string, f: (e: GraphEdge) => GraphEdge): GraphDocument {
  const i = doc.edges.findIndex((e) => e.id === id);
  if (i < 0) return doc;
  const edges = doc.edges.slice();
  edges[i] = f(edges[i]);
  return { ...doc, edges };
}

export type { EditorGroup };
