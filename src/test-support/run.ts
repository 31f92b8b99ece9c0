/** Running documents in tests: record probes for a number of steps and read spike trains. */
import { parseProbe, Recorder, Simulator } from '../engine/index.ts';

/** Runs `steps` steps and returns each probe's rows (values[t] after step t+1). */
export function record(sim: Simulator, probes: string[], steps: number): Record<string, number[][]> {
  const recs = probes.map((p) => new Recorder(sim, parseProbe(p), steps));
  sim.run(steps, () => {
    for (const r of recs) r.record();
  });
  return Object.fromEntries(recs.map((r, i) => [probes[i], r.rows()]));
}

/** One column of recorded rows. */
export function column(rows: number[][], unit = 0): number[] {
  return rows.map((r) => r[unit]);
}

/** Spike times (ms) of a 0/1 train recorded every dt ms; the spike of row t happens at (t+1)·dt. */
export function spikeTimes(train: number[], dt: number): number[] {
  const out: number[] = [];
  train.forEach((s, t) => s !== 0 && out.push((t + 1) * dt));
  return out;
}

/** Successive differences (inter-spike intervals). */
export function diffs(xs: number[]): number[] {
  return xs.slice(1).map((x, i) => x - xs[i]);
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function std(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}
