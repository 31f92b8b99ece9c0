/** Timing helpers shared by the benchmarks: repeat until a minimum wall time has passed. */
import { availableParallelism, loadavg } from 'node:os';

export interface Rate {
  /** Operations per second. */
  perSecond: number;
  /** Operations timed. */
  count: number;
  /** Wall seconds spent. */
  seconds: number;
}

/**
 * Calls `batch(n)` (which performs n operations) with growing n until at least `minSeconds`
 * have been spent in one timed call, after a warm-up; returns the rate of the last call.
 */
export function measureRate(batch: (n: number) => void, minSeconds = 0.4, startN = 1): Rate {
  batch(startN); // warm-up: JIT, caches
  let n = startN;
  for (;;) {
    const t0 = performance.now();
    batch(n);
    const seconds = (performance.now() - t0) / 1000;
    if (seconds >= minSeconds || n > 1e9) return { perSecond: n / seconds, count: n, seconds };
    n = Math.max(n * 2, Math.ceil((n * minSeconds * 1.2) / Math.max(seconds, 1e-6)));
  }
}

/**
 * Best wall and CPU milliseconds of `repeats` calls (CPU: process.cpuUsage, user + system, which
 * load from other processes inflates less than wall time).
 */
export function timeBoth(fn: () => void, repeats: number): { wallMs: number; cpuMs: number } {
  let wallMs = Infinity, cpuMs = Infinity;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wallMs = Math.min(wallMs, wall);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { wallMs, cpuMs };
}

/** Milliseconds one call of `fn` takes (best of `repeats`). */
export function timeMs(fn: () => void, repeats = 3): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function formatRate(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(1);
}

/** Prints rows as an aligned text table. */
/**
 * Prints a titled table. Every table says the machine's load: a title that does not give the load
 * average itself gets it appended (the 1-minute average when the table is printed, and the CPUs).
 */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  console.log(`\n${/load/i.test(title) ? title : `${title} [load average ${loadavg()[0].toFixed(2)}, ${availableParallelism()} CPUs]`}`);
  for (const [i, r] of cells.entries()) {
    console.log(r.map((v, c) => v.padStart(widths[c])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
