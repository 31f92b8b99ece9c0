/**
 * PyNN benchmark (issue 12): the same LIF network stepped by the engine and by NEURON through the
 * exported PyNN script, on 1 and 2 MPI ranks (the ranks spinning while they wait, Open MPI's default, and
 * yielding the CPU: mpi_yield_when_idle), in one run. Network: 1,000 LIF neurons with 10 %
 * random recurrent delta synapses (delay 1.5 ms) driven by a constant suprathreshold current from
 * random initial potentials, dt = 0.1 ms, 1 s simulated. Figures: wall seconds of the simulation
 * (the engine's run; NEURON's sim.run as the script reports it in wall_s, building excluded, and
 * the whole process for reference), mean rates (they should agree), and the speed of each as a
 * ratio to the engine's, with the 1-minute load average when each started (the machine is shared).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { compile, Simulator } from '../src/engine/index.ts';
import { pynnFromProgram } from '../src/export/pynn/script.ts';
import { parseResults } from '../src/export/results.ts';
import { lifNetworkDocument } from './lif.ts';
import { printTable } from './timing.ts';

const N = 1000;
const SYNAPSES = 100;
const DURATION_MS = 1000;
const PYTHON = '/usr/bin/python3';

interface Row {
  how: string;
  simS: number;
  processS: number;
  rateHz: number;
  /** 1-minute load average when the row's run started. */
  load: number;
}

export async function benchPynn({ json }: { json: boolean }): Promise<object> {
  const doc = lifNetworkDocument(N, SYNAPSES);
  const steps = Math.round(DURATION_MS / doc.dt);
  const sim = new Simulator(compile(doc));
  let spikes = 0;
  const out = sim.program.nodeById.get('lif')!.output;
  const engineLoad = loadavg()[0];
  const t0 = performance.now();
  sim.run(steps, () => {
    for (let i = 0; i < out.length; i++) spikes += out[i];
  });
  const engineS = (performance.now() - t0) / 1000;
  const rows: Row[] = [{ how: 'engine (this process)', simS: engineS, processS: engineS, rateHz: (spikes * 1000) / DURATION_MS / N, load: engineLoad }];

  const dir = mkdtempSync(path.join(tmpdir(), 'recurrence-bench-pynn-'));
  const skipped: string[] = [];
  try {
    const script = path.join(dir, 'net.py');
    writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: DURATION_MS }));
    const mpirun = (ranks: number, yieldWhenIdle: boolean): string[] => ['mpirun', '--allow-run-as-root', '--oversubscribe', '--mca', 'mpi_yield_when_idle', yieldWhenIdle ? '1' : '0', '-np', String(ranks)];
    const runs = [
      { how: 'NEURON, 1 rank', prefix: [] },
      { how: 'NEURON, 2 ranks (mpirun)', prefix: mpirun(2, false) },
      { how: 'NEURON, 2 ranks (mpirun, yield when idle)', prefix: mpirun(2, true) },
    ];
    for (const [k, { how, prefix }] of runs.entries()) {
      const results = path.join(dir, `results-${k}.json`);
      const cmd = [...prefix, PYTHON, script, '--out', results];
      const load = loadavg()[0];
      const start = performance.now();
      const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8', timeout: 600_000 });
      const processS = (performance.now() - start) / 1000;
      if (r.status !== 0) {
        skipped.push(`${how} could not run (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}); run npm run setup:python`);
        continue;
      }
      const parsed = parseResults(readFileSync(results, 'utf8'));
      if (!parsed.ok) throw new Error(`bench pynn: bad results file: ${parsed.errors[0].path}: ${parsed.errors[0].message}`);
      const rates = parsed.results.populations.lif.rates_hz;
      rows.push({ how, simS: parsed.results.wall_s, processS, rateHz: rates.reduce((a, b) => a + b, 0) / rates.length, load });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!json) {
    printTable(
      `pynn: ${N} LIF neurons × ${SYNAPSES} synapses, dt = ${doc.dt} ms, ${DURATION_MS} ms simulated (${availableParallelism()} CPUs)`,
      ['', 'simulation (s)', 'whole process (s)', 'mean rate (Hz)', 'speed vs engine', 'load at start'],
      rows.map((r) => [r.how, r.simS.toFixed(2), r.processS.toFixed(2), r.rateHz.toFixed(2), `${(engineS / r.simS).toFixed(2)}×`, r.load.toFixed(2)]),
    );
    for (const s of skipped) console.log(`  skipped: ${s}`);
  }
  return { neurons: N, synapses: SYNAPSES, duration_ms: DURATION_MS, rows, skipped };
}
