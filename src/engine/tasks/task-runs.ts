/**
 * Task runs on a simulator, for the CLI (`recurrence train`, `recurrence task`) and the app's
 * worker alike: training the readouts and the memory-capacity task, with their errors as one line
 * for the user. Both runs start from a reset; afterwards the network is back at step 0 (with the
 * trained readout weights), so a run that follows shows what was measured.
 */
import type { GraphDocument } from '../../model/index.ts';
import { trainReadouts, TrainingError, type ReadoutReport, type TrainOptions } from '../readout-training.ts';
import { DivergenceError, type Simulator } from '../simulator.ts';
import { memoryCapacity, type MemoryCapacityOptions } from './memory-capacity.ts';
import { memoryCapacityOptions } from './task-setup.ts';

/** A training's outcome (readout-training.ts): each readout's errors, from a run of the given seed. */
export type TrainReply = { ok: true; seed: number; readouts: Record<string, ReadoutReport> } | { ok: false; error: string };

/** The memory-capacity task on a node; what is left out takes the task's defaults (task-setup.ts). */
export type MemoryCapacityRequest = { node: string; input?: string } & Partial<Omit<MemoryCapacityOptions, 'node' | 'input'>>;

export type MemoryCapacityReply =
  | { ok: true; seed: number; options: MemoryCapacityOptions; mc: number; /** r²(k) for k = 1 … maxDelay. */ curve: number[] }
  | { ok: false; error: string };

/** A task run's error as one line for the user, or rethrown when it is a bug. */
function taskError(err: unknown, lambdaHint: string): { ok: false; error: string } {
  if (err instanceof TrainingError) return { ok: false, error: err.message };
  if (err instanceof DivergenceError) return { ok: false, error: `the run diverged: ${err.message}` };
  if (err instanceof Error && /positive definite/.test(err.message)) return { ok: false, error: `ridge regression failed (${err.message.split('\n')[0]}): ${lambdaHint}` };
  throw err;
}

/** Trains every readout from a reset (`options`: see trainReadouts); the network is then back at step 0 with the trained weights. */
export function trainOnSession(sim: Simulator, options: TrainOptions = {}): TrainReply {
  try {
    const readouts = trainReadouts(sim, options);
    return { ok: true, seed: sim.seed, readouts };
  } catch (err) {
    return taskError(err, "raise the readout's lambda");
  } finally {
    sim.reset();
  }
}

/** `lambdaHint`: how the user raises λ where the request came from (a field, a CLI flag); the hooks: memoryCapacity's. */
export function memoryCapacityOnSession(
  sim: Simulator,
  doc: GraphDocument,
  request: MemoryCapacityRequest,
  lambdaHint = 'raise lambda',
  onStep?: (steps: number, total: number) => void,
  onFit?: (rows: number, total: number) => void,
): MemoryCapacityReply {
  const chosen = memoryCapacityOptions(doc, request);
  if (!chosen.ok) return chosen;
  try {
    const result = memoryCapacity(sim, chosen.options, onStep, onFit);
    return { ok: true, seed: sim.seed, options: chosen.options, ...result };
  } catch (err) {
    return taskError(err, lambdaHint);
  } finally {
    sim.reset();
  }
}
