/**
 * Editor groups: named, collapsible modules of nodes. They are layout, not network: the compiler
 * ignores them. They are saved in the document's `groups` array
 * (`{ id, label, nodes, collapsed }`, validated by the model).
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

/** The groups of a document. */
export function groupsOf(doc: GraphDocument): EditorGroup[] {
  return (doc.groups ?? []).map((g) => ({ type: 'group', id: g.id, label: g.label, nodes: [...g.nodes], collapsed: g.collapsed }));
}

/** The document with its groups replaced by `groups`. */
export function withGroups(doc: GraphDocument, groups: readonly EditorGroup[]): GraphDocument {
  const { groups: _old, ...rest } = doc;
  return groups.length > 0 ? { ...rest, groups: groups.map(({ id, label, nodes, collapsed }) => ({ id, label, nodes: [...nodes], collapsed })) } : rest;
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
