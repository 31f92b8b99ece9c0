import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { trainReadouts } from '../readout-training.ts';
import { BpttTrainer } from './trainer.ts';
import { denseValues, trainedParametersOf } from './trained.ts';
import { applyTrainedWeights } from '../worker/trained-weights.ts';
import type { TrainedWeights } from '../worker/analysis-protocol.ts';
import { isReadout } from '../compile/readout.ts';
import { keepTrainedParameters, validateDocument, formatIssue } from '../../model/index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { record } from '../../test-support/run.ts';

/** A BPTT readout and a ridge readout on a network with a dense and a sparse trained edge. */
function network() {
  return valid(
    rawDoc(
      [
        node('u', 'input', { size: 1, signal: { type: 'xor-memory', lag: 1 } }),
        node('h', 'rate', { size: 30, activation: 'tanh', leak: 0.8, bias: 0.05 }),
        node('out', 'readout', { target: 'u.target', washout: 5, train: 200, test: 50, training: { method: 'bptt', epochs: 2, truncation: 10, loss: 'bce' } }),
        node('lin', 'readout', { target: 'u.target', washout: 5, train: 200, test: 50, training: { method: 'ridge', lambda: 1e-4 } }),
      ],
      [
        edge('in', 'u', 'h', { type: 'uniform', low: -1, high: 1 }),
        edge('rec', 'h', 'h', { type: 'normal' }, 1, { connectivity: 0.1, spectralRadius: 0.9 }),
        { id: 'ro', source: 'h', target: 'out' },
        { id: 'rl', source: 'h', target: 'lin' },
      ],
    ),
  );
}

/** What the analysis worker hands on after a training: every readout's W_out and BPTT's parameters. */
function weightsOf(sim: Simulator, parameters: TrainedWeights['parameters']): TrainedWeights {
  const readouts: TrainedWeights['readouts'] = {};
  for (const node of sim.program.nodes) if (isReadout(node)) readouts[node.id] = node.readout.weights.slice();
  return { readouts, parameters };
}

describe('trained parameters leave a program', () => {
  it('into another program of the same document and seed: the same run, bit for bit, also after a reset', () => {
    const doc = network();
    const trained = Simulator.fromDocument(doc);
    const trainer = new BpttTrainer(trained, { evaluate: false });
    trainer.runToEnd();
    trainer.commit();
    trainReadouts(trained); // BPTT again and the ridge fit: the program holds every readout's weights
    const values = trainedParametersOf(trained.program, trainer.trainedParameters());
    expect(values.edges.map((e) => e.id)).toEqual(['in', 'rec']);
    expect(values.nodes.map((n) => `${n.id}.${n.name}`).sort()).toEqual(['h.bias', 'lin.W_out', 'out.W_out']);
    const other = Simulator.fromDocument(doc);
    expect(applyTrainedWeights(other.program, weightsOf(trained, null))).toBeNull(); // readouts only: fits
    expect(applyTrainedWeights(other.program, weightsOf(trained, trainer.trainedParameters()))).toBeNull();
    trained.reset();
    other.reset();
    expect(record(other, ['out', 'lin', 'h'], 100)).toEqual(record(trained, ['out', 'lin', 'h'], 100));
  });

  it('into the document ("Keep trained weights"): matrix weights, per-unit biases and readout weights that reproduce the run', () => {
    const doc = network();
    const sim = Simulator.fromDocument(doc);
    const trainer = new BpttTrainer(sim, { evaluate: false });
    trainer.runToEnd();
    trainer.commit();
    trainReadouts(sim);
    const values = trainedParametersOf(sim.program, null);
    const bptt = trainer.trainedParameters();
    const kept = keepTrainedParameters(doc, {
      edges: bptt.edges.map((e) => ({ id: e.id, rows: e.weights.rows, cols: e.weights.cols, values: denseValues(e.weights) })),
      nodes: [...bptt.nodes, ...values.nodes.filter((n) => n.id === 'lin')],
    });
    const again = validateDocument(JSON.parse(JSON.stringify(kept)));
    if (!again.ok) throw new Error(again.errors.map(formatIssue).join('\n'));
    const rec = again.doc.edges.find((e) => e.id === 'rec')!.params;
    expect(rec.weight.type).toBe('matrix');
    expect(rec.connectivity).toBeUndefined();
    expect(rec.spectralRadius).toBeUndefined();
    const h = again.doc.nodes.find((n) => n.id === 'h')!.params as { bias: number[] };
    expect(h.bias).toHaveLength(30);
    expect((again.doc.nodes.find((n) => n.id === 'out')!.params as { weights: number[][] }).weights[0]).toHaveLength(31);
    // the sparse edge keeps exactly its synapses
    const sampled = sim.program.edges.find((e) => e.id === 'rec')!.weights;
    const keptSim = Simulator.fromDocument(again.doc);
    const keptRec = keptSim.program.edges.find((e) => e.id === 'rec')!.weights;
    expect(keptRec.format).toBe('csr');
    expect(sampled.format === 'csr' && keptRec.format === 'csr' && Array.from(keptRec.colIdx)).toEqual(sampled.format === 'csr' && Array.from(sampled.colIdx));
    sim.reset();
    const a = record(sim, ['out', 'lin'], 100);
    const b = record(keptSim, ['out', 'lin'], 100);
    for (const probe of ['out', 'lin']) a[probe].forEach((row, t) => expect(b[probe][t][0]).toBeCloseTo(row[0], 12));
  });

  it('a program of another structure takes none of it and says what does not fit', () => {
    const sim = Simulator.fromDocument(network());
    const before = record(Simulator.fromDocument(network()), ['out', 'h'], 20);
    const edges = [{ id: 'rec', weights: { format: 'dense' as const, rows: 2, cols: 2, data: new Float64Array(4) } }];
    const bias = { id: 'h', name: 'bias', values: new Float64Array(3) };
    expect(applyTrainedWeights(sim.program, { readouts: {}, parameters: { edges, nodes: [] } })).toBe('edge "rec" has another shape than the trained weights: the network changed');
    expect(applyTrainedWeights(sim.program, { readouts: {}, parameters: { edges: [], nodes: [bias] } })).toBe('"h.bias" has 30 values, not 3: the network changed');
    expect(applyTrainedWeights(sim.program, { readouts: { gone: new Float64Array(1) }, parameters: null })).toBe('no readout node "gone"');
    expect(applyTrainedWeights(sim.program, { readouts: { out: new Float64Array(2) }, parameters: { edges: [], nodes: [] } })).toBe('readout "out" has 31 weights, not 2: the network changed');
    sim.reset();
    expect(record(sim, ['out', 'h'], 20)).toEqual(before);
  });
});
