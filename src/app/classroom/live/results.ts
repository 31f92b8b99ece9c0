/**
 * A student's task results as the room's records carry them (src/model/room.ts), and the class's
 * records as the teacher's Class panel shows them: one row per student, one column per measured
 * value or numeric setting, CSV.
 */
import type { GraphDocument } from '../../../model/index.ts';
import type { StudentRecord, StudentResult } from '../../../model/room.ts';
import type { MemoryCapacityReply, TrainReply } from '../../../engine/tasks/task-runs.ts';

/** The settings of a network every result carries: its seed and its number of units. */
function networkSettings(doc: GraphDocument): Record<string, number> {
  const units = doc.nodes.reduce((n, node) => n + (Number((node.params as { size?: unknown }).size) || 1), 0);
  return { seed: doc.seed ?? 0, units };
}

/** Size of a node and the spectral radius its recurrent self-edge asks for, if any. */
function nodeSettings(doc: GraphDocument, nodeId: string): Record<string, number | string> {
  const node = doc.nodes.find((n) => n.id === nodeId);
  const self = doc.edges.find((e) => e.source === nodeId && e.target === nodeId);
  const rho = self?.params.spectralRadius;
  return {
    node: nodeId,
    ...(node ? { size: Number((node.params as { size?: unknown }).size) || 1 } : {}),
    ...(typeof rho === 'number' ? { spectral_radius: rho } : {}),
  };
}

/** The first readout's NRMSE (train and test) of a Train reply. */
export function trainResult(reply: TrainReply, doc: GraphDocument, docVersion: number | null, at: number): StudentResult | null {
  if (!reply.ok) return null;
  const [id, report] = Object.entries(reply.readouts)[0] ?? [];
  if (!id || !report) return null;
  const values: Record<string, number> = { nrmse_train: report.nrmse_train };
  if (report.nrmse_test !== null) values.nrmse_test = report.nrmse_test;
  return { task: 'train', values, settings: { ...networkSettings(doc), readout: id, method: report.method }, docVersion, at };
}

/** Jaeger's memory capacity of a reply, with the node's size and spectral radius. */
export function memoryCapacityResult(reply: MemoryCapacityReply, doc: GraphDocument, docVersion: number | null, at: number): StudentResult | null {
  if (!reply.ok) return null;
  return {
    task: 'memory-capacity',
    values: { mc: reply.mc },
    settings: { ...networkSettings(doc), ...nodeSettings(doc, reply.options.node), max_delay: reply.curve.length },
    docVersion,
    at,
  };
}

/** A measured active information storage (a lesson's measured check): `quantity` names it. */
export function aisResult(quantity: { probe: string; estimator: string; k: number }, value: number, doc: GraphDocument, docVersion: number | null, at: number): StudentResult {
  return {
    task: 'ais',
    values: { ais: value },
    settings: { ...networkSettings(doc), ...nodeSettings(doc, quantity.probe), estimator: quantity.estimator, k: quantity.k },
    docVersion,
    at,
  };
}

/** One student's row of the Class panel. */
export interface ClassRow {
  id: string;
  name: string;
  following: boolean;
  online: boolean;
  /** Lesson steps ticked, all lessons together. */
  ticks: number;
  /** Column → value: `mc`, `nrmse_test`, `ais`, `memory-capacity.size`, … */
  values: Record<string, number>;
}

/** Rows for the records (sorted by name) and the numeric columns found across them. */
export function classTable(records: Record<string, StudentRecord>, online: ReadonlySet<string>): { rows: ClassRow[]; columns: string[] } {
  const columns = new Set<string>();
  const rows = Object.entries(records).map(([id, r]) => {
    const values: Record<string, number> = {};
    for (const result of r.results) {
      for (const [k, v] of Object.entries(result.values)) values[k] = v;
      for (const [k, v] of Object.entries(result.settings)) if (typeof v === 'number') values[`${result.task}.${k}`] = v;
    }
    for (const k of Object.keys(values)) columns.add(k);
    const ticks = Object.values(r.ticks).reduce((n, steps) => n + steps.length, 0);
    return { id, name: r.name, following: r.following, online: online.has(id), ticks, values };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const order = ['mc', 'nrmse_test', 'nrmse_train', 'ais'];
  const sorted = [...columns].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  return { rows, columns: sorted };
}

/** A CSV field: quoted when it holds a comma, quote or line break; formula-looking text defused. */
function csvField(value: string | number | boolean): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The Class panel's table as CSV (one header row, then one row per student). */
export function classCsv(table: { rows: ClassRow[]; columns: string[] }): string {
  const header = ['name', 'following', 'online', 'ticks', ...table.columns];
  const lines = table.rows.map((r) => [r.name, r.following, r.online, r.ticks, ...table.columns.map((c) => r.values[c] ?? '')].map(csvField).join(','));
  return [header.map(csvField).join(','), ...lines].join('\n') + '\n';
}
