import type { Command } from 'commander';
import { compile, CompileError } from '../../engine/index.ts';
import { formatIssue } from '../../model/index.ts';
import { compareRates, engineSpikes, mismatch, parseResults, spikingPopulations } from '../../export/results.ts';
import { CliError } from '../errors.ts';
import { loadDocument, parseIntOption, readText } from '../load.ts';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description("compare a simulator's results (from an exported PyNN script) with the engine's run of the same network: mean rate per population")
    .argument('<file>', 'graph document (.json)')
    .argument('<results>', 'results file written by the PyNN script (results.json)')
    .option('--seed <S>', 'seed of the engine run (default: the document seed)')
    .option('--json', 'print JSON: {"duration_ms", "simulator", "processes", "populations": {"ID": {"size", "engine_hz", "imported_hz", "ratio"}}}')
    .action((file: string, resultsFile: string, opts: { seed?: string; json?: boolean }) => {
      const doc = loadDocument(file);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      const parsed = parseResults(readText(resultsFile));
      if (!parsed.ok) {
        const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
        throw new CliError(`${resultsFile} is not a valid results file: ${formatIssue(parsed.errors[0])}${more}`);
      }
      const results = parsed.results;
      let prog;
      try {
        prog = compile(doc);
      } catch (err) {
        if (err instanceof CompileError) throw new CliError(err.message);
        throw err;
      }
      try {
        const pops = spikingPopulations(doc, prog);
        if (pops.length === 0) throw new CliError(`${file} has no spiking population to compare`);
        const why = mismatch(results, pops);
        if (why) throw new CliError(`${resultsFile}: ${why}`);
        const populations = compareRates(results, engineSpikes(prog, seed, results.duration_ms));
        const report = { duration_ms: results.duration_ms, simulator: results.simulator, processes: results.processes, populations };
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const lines = Object.entries(populations).map(
          ([id, r]) => `${id} (${r.size}): engine ${r.engine_hz.toFixed(2)} Hz, ${results.simulator} ${r.imported_hz.toFixed(2)} Hz, ratio ${r.ratio === null ? '—' : r.ratio.toFixed(3)}`,
        );
        process.stdout.write(`${results.duration_ms} ms, ${results.simulator} on ${results.processes} process(es)\n${lines.join('\n')}\n`);
      } finally {
        prog.dispose();
      }
    });
}
