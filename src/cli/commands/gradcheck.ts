import type { Command } from 'commander';
import { gradientCheck, TrainingError } from '../../engine/index.ts';
import { CliError } from '../errors.ts';
import { loadDocument, parseIntOption } from '../load.ts';
import { simulatorFor } from '../simulate.ts';

export function registerGradcheck(program: Command): void {
  program
    .command('gradcheck')
    .description('check the BPTT gradients of the network against central finite differences on a sample of its parameters')
    .argument('<file>', 'graph document (.json) with a readout trained by "bptt"')
    .option('--samples <N>', 'parameters to check, spread over the weight matrices, biases and W_out', '40')
    .option('--steps <K>', 'scored steps of the training window in the checked loss', '30')
    .option('--seed <S>', 'seed (default: the document seed)')
    .option('--json', 'print JSON: {"max_rel_error", "parameters_checked", "entries": [{"parameter", "analytic", "numeric", "rel_error"}, …]}')
    .action((file: string, opts: { samples: string; steps: string; seed?: string; json?: boolean }) => {
      const doc = loadDocument(file);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      const samples = parseIntOption('--samples', opts.samples, 1, 100_000);
      const steps = parseIntOption('--steps', opts.steps, 1, 100_000);
      // finite differences need the double-precision products whatever the document asks
      const sim = simulatorFor(doc, { seed, precision: 'float64' });
      let result;
      try {
        result = gradientCheck(sim, { samples, steps });
      } catch (err) {
        if (err instanceof TrainingError) throw new CliError(err.message);
        throw err;
      } finally {
        sim.program.dispose();
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const worst = [...result.entries].sort((a, b) => b.rel_error - a.rel_error).slice(0, 5);
      const lines = [
        `max relative error ${result.max_rel_error.toExponential(2)} over ${result.parameters_checked} parameters (central differences, h = 1e-5, ${steps} scored steps)`,
        ...worst.map((e) => `  ${e.parameter}: BPTT ${e.analytic.toExponential(6)}, finite differences ${e.numeric.toExponential(6)}, relative error ${e.rel_error.toExponential(2)}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
