/**
 * Trained values leaving one Program for another of the same document and seed (the analysis
 * worker's training handed to the stepping worker) or for the document ("Keep trained weights").
 */
import type { Program } from '../compile/compile.ts';
import { copyWeights, indexSynapses } from '../compile/compile.ts';
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

/**
 * Puts trained values into a Program compiled from the same document and seed: they take effect
 * at once and stay across resets (an edge's weights replace its sampling until the program is
 * recompiled). Returns the names of values that did not fit (another structure): those are left
 * out.
 */
export function applyTrainedParameters(program: Program, trained: TrainedParameters): string[] {
  const misfits: string[] = [];
  for (const { id, weights } of trained.edges) {
    const edge = program.edges.find((e) => e.id === id);
    if (!edge || !samePattern(edge.weights, weights)) {
      misfits.push(`W[${id}]`);
      continue;
    }
    storedValues(edge.weights).set(storedValues(weights));
    edge.trained = copyWeights(weights);
    indexSynapses(edge);
  }
  for (const { id, name, values } of trained.nodes) {
    const parameter = program.nodeById.get(id)?.adjoint?.params.find((p) => p.name === name);
    if (!parameter || parameter.values.length !== values.length) {
      misfits.push(`${id}.${name}`);
      continue;
    }
    parameter.values.set(values);
    parameter.persist?.();
  }
  return misfits;
}

/** A trained edge as a dense row-major matrix (rows = target units), for the document. */
export function denseValues(w: WeightMatrix): Float64Array {
  if (w.format === 'dense') return Float64Array.from(w.data);
  const out = new Float64Array(w.rows * w.cols);
  for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) out[i * w.cols + w.colIdx[k]] = w.values[k];
  return out;
}

function storedValues(w: WeightMatrix): Float64Array {
  return w.format === 'dense' ? w.data : w.values;
}

function samePattern(a: WeightMatrix, b: WeightMatrix): boolean {
  if (a.format !== b.format || a.rows !== b.rows || a.cols !== b.cols) return false;
  if (a.format === 'dense' || b.format === 'dense') return true;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i <= a.rows; i++) if (a.rowPtr[i] !== b.rowPtr[i]) return false;
  for (let k = 0; k < a.colIdx.length; k++) if (a.colIdx[k] !== b.colIdx[k]) return false;
  return true;
}
