/** Reading probe samples back as plain arrays. */
import type { ProbeFrame } from '../engine/worker/protocol.ts';

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
