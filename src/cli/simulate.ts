/** Building a simulator for the CLI, with compile and weight errors as one-line CliErrors. */
import { CompileError, Simulator, type CompileOptions } from '../engine/index.ts';
import { threadsFor } from '../engine/worker/session.ts';
import type { GraphDocument } from '../model/index.ts';
import { CliError } from './errors.ts';

export function simulatorFor(doc: GraphDocument, options: CompileOptions & { seed?: number } = {}): Simulator {
  try {
    return Simulator.fromDocument(doc, options);
  } catch (err) {
    if (err instanceof CompileError) throw new CliError(err.message);
    throw err;
  }
}

/** Help text of the `--threads` option. */
export const THREADS_HELP = 'threads for large products: 1, 2, or auto (2 from 2^18 potential synapses, as in the app)';

/**
 * The thread count for `--threads`: "auto" (the app's rule, `threadsFor`: two from 2¹⁸
 * potential synapses, where a helper worker shares the large products), 1 or 2. Results are the
 * same bits with one thread or two.
 */
export function parseThreads(value: string, doc: GraphDocument): number {
  if (value === 'auto') return threadsFor(doc);
  if (value === '1' || value === '2') return Number(value);
  throw new CliError(`--threads must be 1, 2 or auto, got "${value}"`);
}

/**
 * Runs `body` on a simulator for `doc` with `threads` threads once its helper worker (if any)
 * runs, and disposes the program afterwards (the helper is terminated, so the process exits).
 */
export async function withSimulator<T>(doc: GraphDocument, options: CompileOptions & { seed?: number }, body: (sim: Simulator) => T): Promise<T> {
  const sim = simulatorFor(doc, options);
  try {
    await sim.program.whenReady();
    return body(sim);
  } finally {
    sim.program.dispose();
  }
}
