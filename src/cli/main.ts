/**
 * `recurrence` — the headless command-line tool. The same engine and measures as the app.
 * Each command lives in src/cli/commands/ and registers itself on the commander program.
 */
import { Command, CommanderError } from 'commander';
import '../kinds/registry.ts';
import { CliError } from './errors.ts';
import { registerCommands } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('recurrence')
    .description('Validate, compile, run and measure Recurrence graph documents from the command line.')
    .showHelpAfterError(false)
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its own one-line message (or the help text).
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`recurrence: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`recurrence: internal error: ${message.split('\n')[0]}\n`);
    return 3;
  }
}
