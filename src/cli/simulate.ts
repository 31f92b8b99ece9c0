/** Building a simulator for the CLI, with compile and weight errors as one-line CliErrors. */
import { CompileError, Simulator, type CompileOptions } from '../engine/index.ts';
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
