/** Which nodes a run records, and reading probe samples back as plain arrays. */
import { getKind, type GraphDocument } from '../model/index.ts';
import type { ProbeFrame } from '../engine/worker/protocol.ts';

/** Most samples (steps × units, over all probes) one run records: 8 M values = 64 MB. */
export const PROBE_BUDGET = 8_000_000;

/** The node a trace shows by default: the last node that is not an input (else the last node). */
export function defaultTraceNode(doc: GraphDocument): string | null {
  const candidates = doc.nodes.filter((n) => n.kind !== 'input');
  return (candidates.at(-1) ?? doc.nodes.at(-1))?.id ?? null;
}

/** The node the trace shows: the chosen one while it exists, else the default. */
export function traceNodeOf(doc: GraphDocument, chosen: string | null): string | null {
  return chosen !== null && doc.nodes.some((n) => n.id === chosen) ? chosen : defaultTraceNode(doc);
}

/**
 * Nodes to probe in a run of `steps` steps: every node while the samples fit the budget, the
 * `first` node always (it is the one on screen), others in document order until the budget is spent.
 */
export function probesFor(doc: GraphDocument, steps: number, first: string | null, budget = PROBE_BUDGET): string[] {
  const width = (id: string) => {
    const node = doc.nodes.find((n) => n.id === id)!;
    return getKind(node.kind)?.outputSize(node.params) ?? 1;
  };
  const ids = doc.nodes.map((n) => n.id);
  const ordered = first !== null && ids.includes(first) ? [first, ...ids.filter((id) => id !== first)] : ids;
  const chosen: string[] = [];
  let used = 0;
  for (const id of ordered) {
    const cost = width(id) * steps;
    if (chosen.length > 0 && used + cost > budget) continue;
    chosen.push(id);
    used += cost;
  }
  return chosen;
}

/** Rows of a probe frame: `rows[t][i]` is unit i after step firstStep + t. */
export function probeRows(probe: ProbeFrame): number[][] {
  const rows: number[][] = [];
  for (let t = 0; t < probe.count; t++) rows.push(Array.from(probe.data.subarray(t * probe.width, (t + 1) * probe.width)));
  return rows;
}

/** Columns of a probe frame: `units[i][t]` is unit i after step firstStep + t. */
export function probeUnits(probe: ProbeFrame): number[][] {
  const units: number[][] = Array.from({ length: probe.width }, () => new Array<number>(probe.count));
  for (let t = 0; t < probe.count; t++) {
    for (let i = 0; i < probe.width; i++) units[i][t] = probe.data[t * probe.width + i];
  }
  return units;
}
