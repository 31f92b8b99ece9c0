/** The compiled schedule of a document for display, and what an entry points at on the canvas. */
import { compile, describeSchedule, type ScheduleEntry } from '../../engine/index.ts';
import { validateDocument, formatIssue, type GraphDocument } from '../../model/index.ts';

export type ScheduleResult = { ok: true; entries: ScheduleEntry[] } | { ok: false; error: string };

export function compileSchedule(doc: GraphDocument): ScheduleResult {
  const valid = validateDocument(doc);
  if (!valid.ok) return { ok: false, error: valid.errors.slice(0, 3).map(formatIssue).join('; ') };
  try {
    return { ok: true, entries: describeSchedule(compile(valid.doc).schedule) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

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
