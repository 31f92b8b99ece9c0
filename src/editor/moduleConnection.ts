/**
 * Connections drawn to or from a collapsed module: a module stands for its members, so the user
 * chooses which member the edge starts or ends at; and "Connect to…" from the keyboard, whose
 * target is any node. These are the choices for each end: the one node of a node end; the members
 * of a module end, or every node — for a target, only nodes that receive edges (not inputs or
 * Poisson sources).
 */
import { getKind, type GraphDocument } from '../model/index.ts';
import { groupsOf } from '../store/groups.ts';
import type { ConnectionEnd, ModuleConnection } from '../store/editorStore.ts';
import { groupIdOf } from './scene.ts';

export interface MemberChoice {
  id: string;
  /** "label (kind)" as the node card shows it. */
  text: string;
}

/** The end a canvas element id stands for: a collapsed module's flow id, or a node id. */
export function connectionEnd(flowId: string): ConnectionEnd {
  const group = groupIdOf(flowId);
  return group ? { group } : { node: flowId };
}

/** Whether one end of a connection is still to be chosen: a collapsed module's member, or any node. */
export function involvesModule(c: ModuleConnection): boolean {
  return !('node' in c.source) || !('node' in c.target);
}

function choicesFor(doc: GraphDocument, end: ConnectionEnd, side: 'source' | 'target'): MemberChoice[] {
  const ids = 'node' in end ? [end.node] : 'group' in end ? (groupsOf(doc).find((g) => g.id === end.group)?.nodes ?? []) : doc.nodes.map((n) => n.id);
  const choices: MemberChoice[] = [];
  for (const id of ids) {
    const node = doc.nodes.find((n) => n.id === id);
    if (!node) continue;
    const spec = getKind(node.kind);
    if (side === 'target' && !('node' in end) && spec?.role === 'source') continue;
    choices.push({ id, text: `${node.label ?? node.id} (${spec?.label ?? node.kind})` });
  }
  return choices;
}

/** The members the user may choose at each end (a node end has its one node). */
export function connectionChoices(doc: GraphDocument, c: ModuleConnection): { source: MemberChoice[]; target: MemberChoice[] } {
  return { source: choicesFor(doc, c.source, 'source'), target: choicesFor(doc, c.target, 'target') };
}
