/** Process entry of the `recurrence` command: runs the CLI and sets the exit code. */
import { main } from './main.ts';

// A closed pipe (`recurrence run … | head`) is a normal way for a reader to stop listening.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
