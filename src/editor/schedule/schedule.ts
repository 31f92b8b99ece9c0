/** What an entry of the compiled schedule points at on the canvas. */
import type { ScheduleEntry } from '../../engine/compile/types.ts';
import type { GraphDocument } from '../../model/index.ts';

/** The node of an entry and the edges it reads: its own edge for a delivery, the node's incoming edges for an update. */
export function entryHighlight(doc: GraphDocument, e: ScheduleEntry): { nodes: string[]; edges: string[] } {
  if (e.edge) return { nodes: [e.node], edges: [e.edge] };
  const edges = e.type === 'update' ? doc.edges.filter((x) => x.target === e.node).map((x) => x.id) : [];
  return { nodes: [e.node], edges };
}
