import type { Command } from 'commander';
import { formatIssue } from '../../model/index.ts';
import { readDocument } from '../load.ts';
import { CliError } from '../errors.ts';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a graph document: prints "valid", or one line per error ("JSON path: rule") and exits 1')
    .argument('<file>', 'graph document (.json)')
    .action((file: string) => {
      const result = readDocument(file);
      if (result.ok) {
        process.stdout.write('valid\n');
        return;
      }
      process.stdout.write(result.errors.map((e) => `${formatIssue(e)}\n`).join(''));
      throw new CliError(`${file}: ${result.errors.length} error${result.errors.length > 1 ? 's' : ''}`);
    });
}
