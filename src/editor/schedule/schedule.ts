/** What an entry of the compiled schedule points at on the canvas. */
import type { ScheduleEntry } from '../../engine/compile/types.ts';
import type { GraphDocument } from '../../model/index.ts';

/**
 * The nodes of an entry and the edges it reads: its own edge for a delivery, the node's incoming
 * edges for an update, a system's nodes and their incoming edges for an integrate.
 */
export function entryHighlight(doc: GraphDocument, e: ScheduleEntry): { nodes: string[]; edges: string[] } {
  if (e.edge) return { nodes: [e.node], edges: [e.edge] };
  if (e.type === 'integrate' && e.nodes) {
    const members = new Set(e.nodes);
    return { nodes: e.nodes, edges: doc.edges.filter((x) => members.has(x.target)).map((x) => x.id) };
  }
  const edges = e.type === 'update' ? doc.edges.filter((x) => x.target === e.node).map((x) => x.id) : [];
  return { nodes: [e.node], edges };
}
