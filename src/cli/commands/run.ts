import type { Command } from 'commander';
import { DivergenceError, parseProbe, ProbeError, Recorder, type Simulator } from '../../engine/index.ts';
import { CliError } from '../errors.ts';
import { collect, loadDocument, parseIntOption, writeOutput } from '../load.ts';
import { parseThreads, THREADS_HELP, withSimulator } from '../simulate.ts';

const MAX_STEPS = 10_000_000;
const MAX_RECORDED_VALUES = 50_000_000;

export interface RunOptions {
  steps: string;
  seed?: string;
  probe: string[];
  format: string;
  out?: string;
  threads: string;
}

export interface RunResult {
  seed: number;
  steps: number;
  probes: Record<string, { size: number; values: number[][] }>;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run a document for N steps and print the probed values (values[t] = output after step t+1)')
    .argument('<file>', 'graph document (.json)')
    .requiredOption('--steps <N>', 'number of steps to run')
    .option('--seed <S>', 'seed (default: the document seed)')
    .option('--probe <ID>', 'record ID (output), ID.VAR (state variable), ID[i] (one unit) or EDGE.w (the edge\'s weights, row-major, absent synapses 0; at most 10,000 entries); repeatable; default: every node', collect, [])
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <PATH>', 'write to a file instead of standard output')
    .option('--threads <N>', THREADS_HELP, 'auto')
    .action(async (file: string, opts: RunOptions) => {
      const doc = loadDocument(file);
      const steps = parseIntOption('--steps', opts.steps, 1, MAX_STEPS);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      if (opts.format !== 'json' && opts.format !== 'csv') throw new CliError(`--format must be json or csv, got "${opts.format}"`);
      const threads = parseThreads(opts.threads, doc);
      const probeTexts = opts.probe.length > 0 ? opts.probe : doc.nodes.map((n) => n.id);
      const result = await withSimulator(doc, { seed, threads }, (sim) => runWithProbes(sim, probeTexts, steps));
      const text = opts.format === 'json' ? `${JSON.stringify(result)}\n` : toCsv(result);
      writeOutput(text, opts.out);
    });
}

/** Runs `steps` steps, recording each probe after every step. */
export function runWithProbes(sim: Simulator, probeTexts: string[], steps: number): RunResult {
  let recorders: Recorder[];
  try {
    recorders = probeTexts.map((text) => new Recorder(sim, parseProbe(text), steps));
  } catch (err) {
    if (err instanceof ProbeError) throw new CliError(err.message);
    throw err;
  }
  const recorded = recorders.reduce((sum, r) => sum + r.width * steps, 0);
  if (recorded > MAX_RECORDED_VALUES) {
    throw new CliError(`recording ${recorded} values exceeds the limit of ${MAX_RECORDED_VALUES}: probe fewer units or run fewer steps`);
  }
  try {
    sim.run(steps, () => recorders.forEach((r) => r.record()));
  } catch (err) {
    if (err instanceof DivergenceError) throw new CliError(`the run diverged: ${err.message}`);
    throw err;
  }
  const probes: RunResult['probes'] = {};
  recorders.forEach((r, i) => {
    probes[probeTexts[i]] = { size: r.width, values: r.rows() };
  });
  return { seed: sim.seed, steps, probes };
}

/** One column per recorded unit, headed ID[i] (ID.VAR[i] for a state variable). */
export function toCsv(result: RunResult): string {
  const columns: { header: string; probe: string; unit: number }[] = [];
  for (const [name, probe] of Object.entries(result.probes)) {
    const spec = parseProbe(name);
    for (let i = 0; i < probe.size; i++) {
      const header = spec.unit === undefined ? `${name}[${i}]` : name;
      columns.push({ header, probe: name, unit: i });
    }
  }
  const lines = [columns.map((c) => c.header).join(',')];
  for (let t = 0; t < result.steps; t++) {
    lines.push(columns.map((c) => String(result.probes[c.probe].values[t][c.unit])).join(','));
  }
  return `${lines.join('\n')}\n`;
}
