/**
 * A training's results (the task worker's `train`) put into a Program compiled from the same
 * document and seed: the stepping worker's network, or the export worker's fresh compile of it.
 */
import type { Program } from '../compile/compile.ts';
import { copyWeights } from '../compile/compile.ts';
import type { WeightMatrix } from '../compile/types.ts';
import { isReadout, type ReadoutRuntime } from '../compile/readout.ts';
import type { TrainedWeights } from './analysis-protocol.ts';

/**
 * Sets every trained readout's W_out and BPTT's edges and node parameters (which then survive
 * resets) in `program`; nothing is changed, and the reason returned, when any part does not fit.
 */
export function applyTrainedWeights(program: Program, trained: TrainedWeights): string | null {
  const misfit = trainingMisfit(program, trained);
  if (misfit) return misfit;
  for (const [id, w] of Object.entries(trained.readouts)) (program.nodeById.get(id) as ReadoutRuntime).readout.setTrainedWeights(w);
  for (const e of trained.parameters?.edges ?? []) program.edges.find((edge) => edge.id === e.id)!.trained = copyWeights(e.weights);
  for (const n of trained.parameters?.nodes ?? []) {
    const param = nodeParameter(program, n.id, n.name)!;
    param.values.set(n.values);
    param.persist?.();
  }
  return null;
}

function nodeParameter(program: Program, id: string, name: string) {
  return program.nodeById.get(id)?.adjoint?.params.find((p) => p.name === name);
}

const sizeOf = (w: WeightMatrix) => (w.format === 'dense' ? w.data.length : w.values.length);
const sameShape = (a: WeightMatrix, b: WeightMatrix) => a.format === b.format && a.rows === b.rows && a.cols === b.cols && sizeOf(a) === sizeOf(b);

/** Why `trained` does not fit `program` (a readout, edge or parameter missing or of another size), or null. */
function trainingMisfit(program: Program, trained: TrainedWeights): string | null {
  for (const [id, w] of Object.entries(trained.readouts)) {
    const node = program.nodeById.get(id);
    if (!node || !isReadout(node)) return `no readout node "${id}"`;
    if (node.readout.weights.length !== w.length) return `readout "${id}" has ${node.readout.weights.length} weights, not ${w.length}: the network changed`;
  }
  for (const e of trained.parameters?.edges ?? []) {
    const edge = program.edges.find((x) => x.id === e.id);
    if (!edge) return `no edge "${e.id}"`;
    if (!sameShape(edge.weights, e.weights)) return `edge "${e.id}" has another shape than the trained weights: the network changed`;
  }
  for (const n of trained.parameters?.nodes ?? []) {
    const param = nodeParameter(program, n.id, n.name);
    if (!param) return `no trainable "${n.name}" on node "${n.id}"`;
    if (param.values.length !== n.values.length) return `"${n.id}.${n.name}" has ${param.values.length} values, not ${n.values.length}: the network changed`;
  }
  return null;
}
