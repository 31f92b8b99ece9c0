/**
 * Probes: the only way data leaves the engine. A probe names a node's output (`ID`), a state
 * variable (`ID.VAR`) and optionally one unit (`ID[i]`, `ID.VAR[i]`); a Recorder copies it
 * into a preallocated ring buffer after each step.
 */
import type { Simulator } from './simulator.ts';

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

  constructor(
    sim: Simulator,
    readonly spec: ProbeSpec,
    readonly capacity: number,
  ) {
    const node = sim.program.nodeById.get(spec.node);
    if (!node) throw new ProbeError(`probe "${probeLabel(spec)}": no node with id "${spec.node}"`);
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
    this.data = new Float64Array(capacity * this.width);
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
