/**
 * Exporting the whole run: every probe window as one CSV (a row per step, a column per probe
 * unit) or as JSON (per probe: first step, width and rows).
 */
import { isDerivedProbe, type LiveData } from '../store/probeWindow.ts';
import { toCsv } from './chart/exporting.ts';

export function runAsJson(live: LiveData, meta: Record<string, unknown>): string {
  const probes: Record<string, { firstStep: number; width: number; rows: number[][] }> = {};
  for (const [probe, w] of live.windows) {
    if (isDerivedProbe(probe)) continue;
    const s = w.slice();
    probes[probe] = { firstStep: s.firstStep, width: s.width, rows: Array.from({ length: s.count }, (_, t) => Array.from(s.data.subarray(t * s.width, (t + 1) * s.width))) };
  }
  return JSON.stringify({ ...meta, t: live.t, probes }, null, 1);
}

export function runAsCsv(live: LiveData): string {
  const windows = [...live.windows].filter(([probe]) => !isDerivedProbe(probe)).map(([probe, w]) => ({ probe, s: w.slice() })).filter((p) => p.s.count > 0);
  if (windows.length === 0) return toCsv(['step'], []);
  const first = Math.min(...windows.map((p) => p.s.firstStep));
  const last = Math.max(...windows.map((p) => p.s.firstStep + p.s.count - 1));
  const header = ['step', ...windows.flatMap(({ probe, s }) => (s.width === 1 ? [probe] : Array.from({ length: s.width }, (_, i) => `${probe}[${i}]`)))];
  const rows = Array.from({ length: last - first + 1 }, (_, k) => {
    const step = first + k;
    const row: number[] = [step];
    for (const { s } of windows) {
      const t = step - s.firstStep;
      for (let i = 0; i < s.width; i++) row.push(t >= 0 && t < s.count ? s.data[t * s.width + i] : NaN);
    }
    return row;
  });
  return toCsv(header, rows);
}
