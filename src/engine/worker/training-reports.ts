/**
 * What a training on the task worker sends the page besides its report: a BPTT epoch's
 * results with the trained edges' weights (the Loss, Gradient flow and weight panels draw them
 * while the training runs), what the document keeps ("Keep trained weights"), and the gradient
 * flow of an untrained network.
 */
import type { KeptParameters } from '../../model/index.ts';
import type { Program } from '../compile/compile.ts';
import { BpttTrainer, type EpochResult, type TrainedParameters } from '../bptt/trainer.ts';
import { denseValues, trainedParametersOf } from '../bptt/trained.ts';
import type { Simulator } from '../simulator.ts';
import { TrainingError } from '../tasks/training-error.ts';
import { SNAPSHOT_MAX_ENTRIES, type EdgeSnapshot, type GradientFlowReply, type TrainingEpoch } from './analysis-protocol.ts';

/** An epoch's result with the trained edges' weights now (edges above SNAPSHOT_MAX_ENTRIES left out). */
export function epochDetail(result: EpochResult, epochs: number, trainer: BpttTrainer): TrainingEpoch {
  const edges: EdgeSnapshot[] = [];
  for (const e of trainer.sim.program.edges) {
    if (!trainer.trainsEdge(e.id) || e.weights.rows * e.weights.cols > SNAPSHOT_MAX_ENTRIES) continue;
    edges.push({ id: e.id, rows: e.weights.rows, cols: e.weights.cols, values: denseValues(e.weights) });
  }
  return { ...result, flow: result.flow && [...result.flow], epochs, edges };
}

/** Everything a finished training set on `program` (BPTT's values and every readout's W_out), as the document stores it. */
export function keptOf(program: Program, bptt: TrainedParameters | null): KeptParameters {
  const all = trainedParametersOf(program, bptt);
  return {
    edges: all.edges.map(({ id, weights }) => ({ id, rows: weights.rows, cols: weights.cols, values: Array.from(denseValues(weights)) })),
    nodes: all.nodes.map(({ id, name, values }) => ({ id, name, values: Array.from(values) })),
  };
}

/** The gradient flow of the network as it is: the evaluation a BPTT training makes before its first update. */
export function gradientFlowOf(sim: Simulator, stop: () => void): GradientFlowReply {
  let trainer: BpttTrainer;
  try {
    trainer = new BpttTrainer(sim);
  } catch (err) {
    if (err instanceof TrainingError) return { ok: false, error: err.message };
    throw err;
  }
  try {
    stop();
    const first = trainer.run().next();
    const result = first.done ? undefined : first.value.result;
    if (!result?.flow) return { ok: false, error: 'the training window has no scored step to start the gradient from' };
    return { ok: true, flow: result.flow, loss: result.loss_test };
  } finally {
    trainer.dispose();
  }
}
