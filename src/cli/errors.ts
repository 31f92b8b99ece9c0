/**
 * An error the command line reports as one line (no stack trace) before exiting non-zero.
 * Every bad input in the CLI is turned into one of these.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** Process exit code: 1 for bad input or failed validation, 2 for bad usage. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
