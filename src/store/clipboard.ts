/**
 * Copy and paste of parts of a network. A copied selection is a "fragment": plain JSON with the
 * selected nodes, the edges among them and the groups wholly inside, so it travels between tabs
 * through the system clipboard. Pasting gives everything fresh ids and checks each node's params
 * with its kind's schema, so a pasted fragment can never break the document's ids; a node or edge
 * holding a key named `__proto__`, `constructor` or `prototype` is left out (model/reserved-keys.ts).
 */
import { getKind, moveWeightOptions, reservedKeyIssues, type GraphDocument, type GraphEdge, type GraphNode } from '../model/index.ts';
import { freshId, takenIds, type Point } from './edits.ts';
import { groupsOf, withGroups, type EditorGroup } from './groups.ts';

export const FRAGMENT_FORMAT = 'recurrence-fragment';
/**
 * Fragments follow the graph document's format: version 2 keeps the weight options in the edge's
 * params (model/migrate.ts); version-1 fragments and documents are carried forward when pasted.
 */
export const FRAGMENT_VERSION = 2;

export interface Fragment {
  format: typeof FRAGMENT_FORMAT;
  version: typeof FRAGMENT_VERSION;
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: EditorGroup[];
}

/** The fragment of the selected nodes: their edges among themselves and the groups wholly inside. */
export function copyFragment(doc: GraphDocument, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  return {
    format: FRAGMENT_FORMAT,
    version: FRAGMENT_VERSION,
    nodes: structuredClone(doc.nodes.filter((n) => ids.has(n.id))),
    edges: structuredClone(doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target))),
    groups: structuredClone(groupsOf(doc).filter((g) => g.nodes.every((n) => ids.has(n)))),
  };
}

/** A fragment from clipboard text (a fragment, or a whole graph document); null if it is neither. */
export function parseFragment(text: string): Fragment | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const obj = raw as Record<string, unknown>;
  if (obj.format !== FRAGMENT_FORMAT && obj.format !== 'recurrence-graph') return null;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const edges = list(obj.edges);
  // An edge whose option is given twice with different values stays as it is and is refused by validation.
  if (typeof obj.version === 'number' && obj.version < 2) for (const e of edges) moveWeightOptions(e);
  return { format: FRAGMENT_FORMAT, version: FRAGMENT_VERSION, nodes: list(obj.nodes), edges, groups: list(obj.groups) } as Fragment;
}

/** Params of a pasted node checked by its kind's schema (defaults filled in), or null when invalid. */
function checkedNode(raw: unknown): GraphNode | null {
  if (typeof raw !== 'object' || raw === null || reservedKeyIssues(raw).length > 0) return null;
  const n = raw as Partial<GraphNode> & { params?: unknown };
  const spec = typeof n.kind === 'string' ? getKind(n.kind) : undefined;
  if (!spec || typeof n.id !== 'string') return null;
  const params = spec.params.safeParse(n.params ?? {});
  if (!params.success || (spec.check?.(params.data) ?? []).length > 0) return null;
  const position = n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y) ? n.position : { x: 0, y: 0 };
  return { id: n.id, kind: n.kind, ...(typeof n.label === 'string' ? { label: n.label } : {}), position, params: params.data } as GraphNode;
}

export interface PasteOutcome {
  doc: GraphDocument;
  /** New ids of the pasted nodes and edges (to select them). */
  nodeIds: string[];
  edgeIds: string[];
  /** Nodes of the fragment that were left out (unknown kind, invalid params). */
  skipped: number;
}

/** Adds a fragment, its positions shifted by `offset`, with fresh ids throughout. */
export function pasteFragment(doc: GraphDocument, fragment: Fragment, offset: Point): PasteOutcome {
  const taken = takenIds(doc);
  const newId = (old: string) => {
    const stem = old.replace(/\d+$/, '') || 'n';
    const id = taken.has(old) ? freshId(stem, taken) : old;
    taken.add(id);
    return id;
  };
  const renamed = new Map<string, string>();
  const nodes: GraphNode[] = [];
  for (const raw of fragment.nodes) {
    const node = checkedNode(raw);
    if (!node || renamed.has(node.id)) continue;
    const id = newId(node.id);
    renamed.set(node.id, id);
    nodes.push({ ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } });
  }
  const edges: GraphEdge[] = fragment.edges
    .filter((e) => renamed.has(e.source) && renamed.has(e.target) && typeof e.params === 'object' && reservedKeyIssues(e).length === 0)
    .map((e) => ({ ...structuredClone(e), id: newId(String(e.id)), source: renamed.get(e.source)!, target: renamed.get(e.target)! }));
  const groups = fragment.groups
    .map((g) => ({ ...g, id: newId(String(g.id)), nodes: g.nodes.filter((n) => renamed.has(n)).map((n) => renamed.get(n)!) }))
    .filter((g) => g.nodes.length > 0);
  const next = { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] };
  return {
    doc: groups.length > 0 ? withGroups(next, [...groupsOf(doc), ...groups]) : next,
    nodeIds: nodes.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
    skipped: fragment.nodes.length - nodes.length,
  };
}
