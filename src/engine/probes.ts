/**
 * Probes: the only way data leaves the engine. A probe names a node's output (`ID`), a state
 * variable (`ID.VAR`) and optionally one unit (`ID[i]`, `ID.VAR[i]`), or an edge's weights
 * (`EDGE.w`: its matrix row-major, rows = target units, absent synapses 0; `EDGE.w[k]` one entry);
 * a Recorder copies it into a preallocated ring buffer after each step.
 */
import { LIMITS } from '../model/index.ts';
import type { Simulator } from './simulator.ts';
import type { EdgeRuntime } from './compile/types.ts';

/** Most entries an `EDGE.w` probe records per step (rows × columns of the edge). */
export const MAX_WEIGHT_PROBE_ENTRIES = LIMITS.maxWeightProbeEntries;

/** The variable that names an edge's weights in a probe. */
export const WEIGHT_PROBE_VARIABLE = 'w';

export interface ProbeSpec {
  node: string;
  /** State variable; "output" is the node's output y. */
  variable: string;
  /** One unit only, when given. */
  unit?: number;
}

export class ProbeError extends Error {}

const PROBE_PATTERN = /^([A-Za-z0-9_][A-Za-z0-9_-]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?:\[(\d+)\])?$/;

/** Parses "ID", "ID.VAR", "ID[i]" or "ID.VAR[i]". */
export function parseProbe(text: string): ProbeSpec {
  const m = PROBE_PATTERN.exec(text.trim());
  if (!m) throw new ProbeError(`probe "${text}" must look like ID, ID.VAR, ID[i] or ID.VAR[i]`);
  return { node: m[1], variable: m[2] ?? 'output', unit: m[3] === undefined ? undefined : Number(m[3]) };
}

export function probeLabel(p: ProbeSpec): string {
  return `${p.node}${p.variable === 'output' ? '' : `.${p.variable}`}${p.unit === undefined ? '' : `[${p.unit}]`}`;
}

/** Records a probe's values after each step into a ring buffer of `capacity` steps. */
export class Recorder {
  readonly width: number;
  readonly data: Float64Array;
  /** Total samples recorded since the last clear (may exceed capacity). */
  count = 0;
  private readonly source: () => Float64Array;
  private readonly offset: number;

  /** `storage(length)`: the array to record into (default a new one; the stepping worker reuses spare buffers). */
  constructor(
    sim: Simulator,
    readonly spec: ProbeSpec,
    readonly capacity: number,
    storage: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    const node = sim.program.nodeById.get(spec.node);
    const edge = node ? undefined : sim.program.edges.find((e) => e.id === spec.node);
    if (edge) {
      const entries = weightProbeEntries(edge, spec);
      const dense = new Float64Array(entries);
      this.source = () => denseWeightsInto(edge, dense);
      this.offset = spec.unit ?? 0;
      this.width = spec.unit === undefined ? entries : 1;
      this.data = storage(capacity * this.width);
      return;
    }
    if (!node) throw new ProbeError(`probe "${probeLabel(spec)}": no node or edge with id "${spec.node}"`);
    if (!(spec.variable in node.vars)) {
      throw new ProbeError(`probe "${probeLabel(spec)}": node "${spec.node}" has no variable "${spec.variable}" (it has ${Object.keys(node.vars).join(', ')})`);
    }
    const size = node.vars[spec.variable].length;
    if (spec.unit !== undefined && spec.unit >= size) {
      throw new ProbeError(`probe "${probeLabel(spec)}": unit ${spec.unit} is out of range (node "${spec.node}" has ${size})`);
    }
    this.source = () => node.vars[spec.variable];
    this.offset = spec.unit ?? 0;
    this.width = spec.unit === undefined ? size : 1;
    this.data = storage(capacity * this.width);
  }

  record(): void {
    const src = this.source();
    const slot = (this.count % this.capacity) * this.width;
    if (this.width === 1) this.data[slot] = src[this.offset];
    else this.data.set(src, slot);
    this.count++;
  }

  clear(): void {
    this.count = 0;
  }

  /** Recorded samples, oldest first, as rows (one array per step). */
  rows(): number[][] {
    const n = Math.min(this.count, this.capacity);
    const start = this.count - n;
    const out: number[][] = [];
    for (let k = start; k < this.count; k++) {
      const slot = (k % this.capacity) * this.width;
      out.push(Array.from(this.data.subarray(slot, slot + this.width)));
    }
    return out;
  }
}

/** Entries of an `EDGE.w` probe's matrix, after checking the variable, the size limit and the entry index. */
function weightProbeEntries(edge: EdgeRuntime, spec: ProbeSpec): number {
  if (spec.variable !== WEIGHT_PROBE_VARIABLE) {
    throw new ProbeError(`probe "${probeLabel(spec)}": "${spec.node}" is an edge; probe its weights as ${spec.node}.${WEIGHT_PROBE_VARIABLE}`);
  }
  const entries = edge.rows * edge.cols;
  if (spec.unit === undefined && entries > MAX_WEIGHT_PROBE_ENTRIES) {
    throw new ProbeError(
      `probe "${probeLabel(spec)}": edge "${edge.id}" has ${edge.rows} × ${edge.cols} = ${entries} entries, more than the ${MAX_WEIGHT_PROBE_ENTRIES} a weight probe records; probe one entry as ${edge.id}.${WEIGHT_PROBE_VARIABLE}[k]`,
    );
  }
  if (spec.unit !== undefined && spec.unit >= entries) {
    throw new ProbeError(`probe "${probeLabel(spec)}": entry ${spec.unit} is out of range (edge "${edge.id}" has ${edge.rows} × ${edge.cols} = ${entries})`);
  }
  return spec.unit === undefined ? entries : Math.min(entries, spec.unit + 1);
}

/** Writes an edge's current weights into `out` as a dense row-major matrix (absent synapses 0) and returns it. */
function denseWeightsInto(edge: EdgeRuntime, out: Float64Array): Float64Array {
  const w = edge.weights;
  if (w.format === 'dense') {
    out.set(w.data.subarray(0, out.length));
    return out;
  }
  out.fill(0);
  for (let i = 0; i < w.rows; i++) {
    for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) {
      const at = i * w.cols + w.colIdx[k];
      if (at < out.length) out[at] += w.values[k];
    }
  }
  return out;
}
