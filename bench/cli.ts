/**
 * The CLI as fast as the app (`npm run bench -- --only cli`): the real command
 * `bin/recurrence run RESERVOIR.json --steps S --probe res[0] --out FILE` on a 1,000-unit dense
 * leaky-tanh reservoir in float64, timed end to end (process start, compile, S steps, output),
 * with one thread and with `--threads auto` (two: a helper worker shares the product), beside
 * numpy stepping the same network as a whole program for the same steps (bench/numpy_run.py,
 * Debian's /usr/bin/python3) with 2 BLAS threads and with one. Best of ROUNDS
 * interleaved rounds; nothing else of the bench runs meanwhile. Goal: CLI ≥ 0.5× numpy (2 BLAS
 * threads).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blasThreads, load1, PYTHON } from './python.ts';
import { reservoirDocument } from './reservoir.ts';
import { printTable } from './timing.ts';

const ROUNDS = 3;
const N = 1000;
const STEPS = 20_000;

/** Wall seconds of one run of a command, or null when it fails. */
function wallSeconds(command: string, args: string[], env: Record<string, string> = {}): number | null {
  const t0 = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 600_000, env: { ...process.env, ...env } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(`bench cli: ${command} ${args.join(' ')} failed: ${(r.stderr ?? '').trim().split('\n').at(-1)}`);
    return null;
  }
  return seconds;
}

export async function benchCli(opts: { json: boolean }): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'recurrence-cli-bench-'));
  const bin = fileURLToPath(new URL('../bin/recurrence', import.meta.url));
  const script = fileURLToPath(new URL('./numpy_run.py', import.meta.url));
  const doc = join(dir, 'reservoir.json');
  writeFileSync(doc, JSON.stringify(reservoirDocument(N, 1)));
  const out = join(dir, 'out');
  const runs: Record<'cli1' | 'cli2' | 'numpy' | 'numpy1', number | null> = { cli1: null, cli2: null, numpy: null, numpy1: null };
  const best = (a: number | null, b: number | null) => (b === null ? a : Math.min(a ?? Infinity, b));
  const loads: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(load1());
      const cli = (threads: string) => wallSeconds(bin, ['run', doc, '--steps', String(STEPS), '--probe', 'res[0]', '--threads', threads, '--out', out]);
      runs.cli1 = best(runs.cli1, cli('1'));
      runs.cli2 = best(runs.cli2, cli('auto'));
      runs.numpy = best(runs.numpy, wallSeconds(PYTHON, [script, String(N), '1', String(STEPS), out], blasThreads(2)));
      runs.numpy1 = best(runs.numpy1, wallSeconds(PYTHON, [script, String(N), '1', String(STEPS), out], blasThreads(1)));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rate = (s: number | null) => (s === null ? null : STEPS / s);
  const ratio = (s: number | null) => (s === null || runs.numpy === null ? null : runs.numpy / s);
  const rows = [
    { what: 'recurrence run --threads 1', seconds: runs.cli1, stepsPerSec: rate(runs.cli1), ratioToNumpy: ratio(runs.cli1) },
    { what: 'recurrence run (auto: 2 threads)', seconds: runs.cli2, stepsPerSec: rate(runs.cli2), ratioToNumpy: ratio(runs.cli2) },
    { what: 'numpy (2 BLAS threads)', seconds: runs.numpy, stepsPerSec: rate(runs.numpy), ratioToNumpy: runs.numpy === null ? null : 1 },
    { what: 'numpy (1 BLAS thread)', seconds: runs.numpy1, stepsPerSec: rate(runs.numpy1), ratioToNumpy: ratio(runs.numpy1) },
  ];
  if (!opts.json) {
    const f = (x: number | null, d: number) => (x === null ? 'n/a' : x.toFixed(d));
    printTable(
      `CLI end to end: ${STEPS} steps of a ${N}-unit dense reservoir (float64), best of ${ROUNDS} rounds; load average ${loads.map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} CPUs; goal ≥ 0.5× numpy (2 BLAS threads)`,
      ['program', 'seconds', 'steps/s', '× numpy'],
      rows.map((r) => [r.what, f(r.seconds, 2), f(r.stepsPerSec, 0), f(r.ratioToNumpy, 2)]),
    );
  }
  return { steps: STEPS, n: N, loadAverages: loads, rows };
}
