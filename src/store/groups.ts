/**
 * Editor groups: named, collapsible modules of nodes. They are layout, not network: the compiler
 * ignores them. They are saved with the document as entries of `panels` of type "group"
 * (`{ type: "group", id, label, nodes, collapsed }`), which the format keeps as they are.
 */
import type { GraphDocument } from '../model/index.ts';

export interface EditorGroup {
  type: 'group';
  id: string;
  label: string;
  /** Ids of the member nodes (a node belongs to at most one group). */
  nodes: string[];
  /** Drawn as one node with the members hidden. */
  collapsed: boolean;
}

type Panel = NonNullable<GraphDocument['panels']>[number];

function isGroup(p: Panel): p is Panel & EditorGroup {
  return p.type === 'group' && typeof p.id === 'string' && Array.isArray(p.nodes);
}

/** The groups of a document (entries of `panels` of type "group"). */
export function groupsOf(doc: GraphDocument): EditorGroup[] {
  return (doc.panels ?? []).filter(isGroup).map((p) => ({
    type: 'group',
    id: p.id,
    label: typeof p.label === 'string' ? p.label : p.id,
    nodes: p.nodes as string[],
    collapsed: p.collapsed === true,
  }));
}

/** The document with its groups replaced by `groups` (other panels are kept in place). */
export function withGroups(doc: GraphDocument, groups: readonly EditorGroup[]): GraphDocument {
  const others = (doc.panels ?? []).filter((p) => !isGroup(p));
  const panels = [...others, ...groups.map((g) => ({ ...g }))];
  const { panels: _old, ...rest } = doc;
  return panels.length > 0 ? { ...rest, panels } : rest;
}

/** The group a node belongs to, if any. */
export function groupOfNode(doc: GraphDocument, nodeId: string): EditorGroup | undefined {
  return groupsOf(doc).find((g) => g.nodes.includes(nodeId));
}

/** Groups `nodeIds` into a new group named `label` (taking them out of any other group). */
export function groupNodes(doc: GraphDocument, nodeIds: readonly string[], label: string, id: string): GraphDocument {
  const known = new Set(doc.nodes.map((n) => n.id));
  const members = nodeIds.filter((n) => known.has(n));
  if (members.length === 0) return doc;
  const taken = new Set(members);
  const others = groupsOf(doc)
    .map((g) => ({ ...g, nodes: g.nodes.filter((n) => !taken.has(n)) }))
    .filter((g) => g.nodes.length > 0);
  return withGroups(doc, [...others, { type: 'group', id, label, nodes: members, collapsed: false }]);
}

/** Dissolves groups, keeping their nodes. */
export function ungroup(doc: GraphDocument, groupIds: readonly string[]): GraphDocument {
  const drop = new Set(groupIds);
  const groups = groupsOf(doc);
  if (!groups.some((g) => drop.has(g.id))) return doc;
  return withGroups(
    doc,
    groups.filter((g) => !drop.has(g.id)),
  );
}

/** Changes one group (collapse, rename). */
export function updateGroup(doc: GraphDocument, id: string, patch: Partial<Pick<EditorGroup, 'label' | 'collapsed'>>): GraphDocument {
  const groups = groupsOf(doc);
  const i = groups.findIndex((g) => g.id === id);
  if (i < 0) return doc;
  groups[i] = { ...groups[i], ...patch };
  return withGroups(doc, groups);
}
