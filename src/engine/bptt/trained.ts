/**
 * Trained values leaving a Program: every readout's W_out with a BPTT training's parameters, and
 * trained edges as dense matrices for the document ("Keep trained weights"). Putting them into
 * another Program of the same document and seed is `applyTrainedWeights` (worker/trained-weights.ts).
 */
import type { Program } from '../compile/compile.ts';
import type { WeightMatrix } from '../compile/types.ts';
import { isReadout } from '../compile/readout.ts';
import type { TrainedParameters } from './trainer.ts';

/**
 * Every readout's W_out (fitted by ridge, learnt online or by BPTT) added to a BPTT training's
 * parameters (`bptt`, or none): what a Program holds after `trainReadouts`.
 */
export function trainedParametersOf(program: Program, bptt: TrainedParameters | null): TrainedParameters {
  const nodes = [...(bptt?.nodes ?? [])];
  for (const node of program.nodes) {
    if (isReadout(node) && !nodes.some((n) => n.id === node.id && n.name === 'W_out')) nodes.push({ id: node.id, name: 'W_out', values: Float64Array.from(node.readout.weights) });
  }
  return { edges: bptt?.edges ?? [], nodes };
}

/** A trained edge as a dense row-major matrix (rows = target units), for the document. */
export function denseValues(w: WeightMatrix): Float64Array {
  if (w.format === 'dense') return Float64Array.from(w.data);
  const out = new Float64Array(w.rows * w.cols);
  for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) out[i * w.cols + w.colIdx[k]] = w.values[k];
  return out;
}
