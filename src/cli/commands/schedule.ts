import type { Command } from 'commander';
import { compile, describeSchedule } from '../../engine/index.ts';
import { loadDocument } from '../load.ts';

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('print the compiled update schedule of one step, in order, with what each operation reads and writes')
    .argument('<file>', 'graph document (.json)')
    .option('--json', 'print JSON: {"steps": [{index, type, node, edge?, delay?, reads, writes, equation}]}')
    .action((file: string, opts: { json?: boolean }) => {
      const doc = loadDocument(file);
      const entries = describeSchedule(compile(doc).schedule);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ title: doc.title, operations: entries }, null, 2)}\n`);
        return;
      }
      const lines = [`Schedule of one step of "${doc.title}" (t = step number; y[t−d] is read from a delay line):`];
      for (const e of entries) {
        const delay = e.delay ? `  [delay ${e.delay}]` : '';
        lines.push(`${String(e.index).padStart(3)}. ${e.type.padEnd(7)} ${e.equation}${delay}`);
        lines.push(`     reads: ${e.reads.join(', ') || '—'}   writes: ${e.writes.join(', ')}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
