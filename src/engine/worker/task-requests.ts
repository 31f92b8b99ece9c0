/**
 * The app's task runs on the session's network: training the readouts and the memory-capacity
 * task, with the CLI's rules and messages (cli/commands/train.ts, task.ts). Pure (no DOM, no
 * worker globals). Both runs start from a reset; afterwards the network is back at step 0 (with
 * the trained readout weights), so a run that follows shows what was measured.
 */
import type { GraphDocument } from '../../model/index.ts';
import { trainReadouts, TrainingError } from '../readout-training.ts';
import { DivergenceError, type Simulator } from '../simulator.ts';
import { memoryCapacity } from '../tasks/memory-capacity.ts';
import { memoryCapacityOptions } from '../tasks/task-setup.ts';
import type { MemoryCapacityReply, MemoryCapacityRequest, TrainReply } from './protocol.ts';

/** A task run's error as one line for the user, or rethrown when it is a bug. */
function taskError(err: unknown, lambdaHint: string): { ok: false; error: string } {
  if (err instanceof TrainingError) return { ok: false, error: err.message };
  if (err instanceof DivergenceError) return { ok: false, error: `the run diverged: ${err.message}` };
  if (err instanceof Error && /positive definite/.test(err.message)) return { ok: false, error: `ridge regression failed: ${lambdaHint}` };
  throw err;
}

export function trainOnSession(sim: Simulator): TrainReply {
  try {
    const readouts = trainReadouts(sim);
    return { ok: true, seed: sim.seed, readouts };
  } catch (err) {
    return taskError(err, "raise the readout's lambda");
  } finally {
    sim.reset();
  }
}

export function memoryCapacityOnSession(sim: Simulator, doc: GraphDocument, request: MemoryCapacityRequest): MemoryCapacityReply {
  const chosen = memoryCapacityOptions(doc, request);
  if (!chosen.ok) return chosen;
  try {
    const result = memoryCapacity(sim, chosen.options);
    return { ok: true, seed: sim.seed, options: chosen.options, ...result };
  } catch (err) {
    return taskError(err, 'raise lambda');
  } finally {
    sim.reset();
  }
}
