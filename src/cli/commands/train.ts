import type { Command } from 'commander';
import { trainOnSession } from '../../engine/index.ts';
import { CliError } from '../errors.ts';
import { loadDocument, parseIntOption } from '../load.ts';
import { simulatorFor } from '../simulate.ts';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train every readout (ridge offline, LMS/RLS online, BPTT with the network before it) over washout, train and test windows and report NRMSE (and accuracy on binary targets)')
    .argument('<file>', 'graph document (.json) with at least one readout node')
    .option('--seed <S>', 'seed (default: the document seed)')
    .option('--json', 'print JSON: {"readouts": {"ID": {"nrmse_train", "nrmse_test", "weights_norm", "accuracy_train", "accuracy_test", "loss_curve", …}}}')
    .action((file: string, opts: { seed?: string; json?: boolean }) => {
      const doc = loadDocument(file);
      const seed = opts.seed === undefined ? doc.seed : parseIntOption('--seed', opts.seed, 0, 4294967295);
      const reply = trainOnSession(simulatorFor(doc, { seed }));
      if (!reply.ok) throw new CliError(reply.error);
      const { readouts } = reply;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ seed, readouts }, null, 2)}\n`);
        return;
      }
      const lines = Object.entries(readouts).map(([id, r]) => {
        const accuracy = r.accuracy_train === undefined ? '' : `, accuracy train ${percent(r.accuracy_train)}, test ${r.accuracy_test == null ? '—' : percent(r.accuracy_test)}`;
        const curve = r.loss_curve ? `, loss ${r.loss_curve[0].toPrecision(3)} → ${r.loss_curve[r.loss_curve.length - 1].toPrecision(3)} over ${r.loss_curve.length} epochs` : '';
        return `${id} (${r.method}): NRMSE train ${r.nrmse_train.toPrecision(4)}, test ${r.nrmse_test === null ? '—' : r.nrmse_test.toPrecision(4)}, ‖W_out‖ ${r.weights_norm.toPrecision(4)}${accuracy}${curve}`;
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function percent(v: number): string {
  return `${(100 * v).toFixed(1)} %`;
}
