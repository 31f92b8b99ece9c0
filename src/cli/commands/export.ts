import type { Command } from 'commander';
import { CompileError, compile } from '../../engine/index.ts';
import { ExportError } from '../../common/export-error.ts';
import { notebookFromProgram } from '../../export/notebook/notebook.ts';
import { pynnFromProgram } from '../../export/pynn/script.ts';
import { CliError } from '../errors.ts';
import { collect, loadDocument, parseIntOption, writeOutput } from '../load.ts';

const MAX_NOTEBOOK_STEPS = 1_000_000;

export interface ExportOptions {
  to?: string;
  steps?: string;
  seed?: string;
  probe: string[];
  out?: string;
  duration?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the network as a Jupyter notebook (rate-family networks) or a PyNN script (spiking networks)')
    .argument('<file>', 'graph document (.json)')
    .requiredOption('--to <target>', 'notebook or pynn')
    .option('--steps <N>', 'notebook: steps it runs (its STEPS parameter) and for which random draws are embedded (default 1000)')
    .option('--probe <ID>', 'notebook: record ID, ID.VAR, ID[i] or EDGE.w, as `recurrence run` does; repeatable; default: every node', collect, [])
    .option('--seed <S>', 'seed of weights, initial states and noise (default: the document seed)')
    .option('--duration <MS>', 'pynn: simulated time in ms the script runs by default (default 1000)')
    .option('--out <PATH>', 'write to a file instead of standard output')
    .action((file: string, opts: ExportOptions) => {
      const doc = loadDocument(file);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      if (opts.to !== 'notebook' && opts.to !== 'pynn') throw new CliError(`--to must be notebook or pynn, got "${opts.to}"`);
      const text = opts.to === 'notebook' ? notebookText(doc, seed, opts, file) : pynnText(doc, seed, opts, file);
      writeOutput(text, opts.out);
    });
}

function compiled(doc: Parameters<typeof compile>[0]) {
  try {
    return compile(doc);
  } catch (err) {
    if (err instanceof CompileError) throw new CliError(err.message);
    throw err;
  }
}

/** Runs an exporter, turning its refusals into one-line CLI errors. */
function exporting<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof ExportError || err instanceof CompileError) throw new CliError(err.message);
    throw err;
  }
}

function notebookText(doc: Parameters<typeof compile>[0], seed: number, opts: ExportOptions, file: string): string {
  if (opts.duration !== undefined) throw new CliError('--duration applies to --to pynn; a notebook takes --steps');
  const steps = opts.steps === undefined ? 1000 : parseIntOption('--steps', opts.steps, 1, MAX_NOTEBOOK_STEPS);
  const program = compiled(doc);
  try {
    const nb = exporting(() => notebookFromProgram(program, { steps, seed, probes: opts.probe, source: file.split(/[\\/]/).pop() }));
    return `${JSON.stringify(nb, null, 1)}\n`;
  } finally {
    program.dispose();
  }
}

function pynnText(doc: Parameters<typeof compile>[0], seed: number, opts: ExportOptions, file: string): string {
  if (opts.steps !== undefined || opts.probe.length > 0) throw new CliError('--steps and --probe apply to --to notebook; a PyNN script takes --duration (ms)');
  const durationMs = opts.duration === undefined ? 1000 : parseDuration(opts.duration);
  const program = compiled(doc);
  try {
    return exporting(() => pynnFromProgram(program, { durationMs, seed, source: file.split(/[\\/]/).pop() }));
  } finally {
    program.dispose();
  }
}

function parseDuration(text: string): number {
  const ms = Number(text);
  if (text.trim() === '' || !Number.isFinite(ms) || ms <= 0 || ms > 3_600_000) throw new CliError(`--duration must be a time in ms in (0, 3600000], got "${text}"`);
  return ms;
}
