/**
 * Train as the page follows it (store/simulation/training.ts), headless with the workers' sessions
 * in this thread: every epoch arrives in order with the numbers the report gives, the trained
 * edges' weights come with them, the stepping worker then runs the trained network, Discard
 * brings back the document's network, and the kept values alone reproduce the trained run.
 */
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../../engine/worker/session.ts';
import { localEngineClient } from '../../engine/worker/client.ts';
import { AnalysisSession } from '../../engine/worker/analysis-session.ts';
import { localAnalysisClient } from '../../engine/worker/analysis-client.ts';
import { keepTrainedParameters, type GraphDocument } from '../../model/index.ts';
import { loadPreset, rawNodeParams } from '../../test-support/docs.ts';
import { createSimulationStore } from '../simulationStore.ts';

const EPOCHS = 4;

const xorMemory = () =>
  loadPreset('xor-memory', (raw) => {
    const p = rawNodeParams(raw, 'out');
    Object.assign(p, { train: 400, test: 200 });
    (p.training as Record<string, unknown>).epochs = EPOCHS;
  });

function store(doc: GraphDocument) {
  return createSimulationStore({
    engine: () => localEngineClient(new EngineSession()),
    analysis: () => localAnalysisClient(new AnalysisSession()),
    doc: () => doc,
  });
}

/** The readout's output over the first `steps` steps from a reset. */
async function outputs(sim: ReturnType<typeof store>, steps: number): Promise<number[]> {
  await sim.getState().runFromSeed(steps);
  return Array.from(sim.live.windows.get('out')!.slice().data);
}

describe('training followed by the page', () => {
  const doc = xorMemory();

  it('streams every epoch, applies the trained values, discards them, and keeps them in the document', async () => {
    const sim = store(doc);
    const untrained = await outputs(sim, 50);
    const reply = await sim.getState().train();
    expect(reply?.ok).toBe(true);
    if (!reply?.ok) return;
    const t = sim.getState().training!;
    expect(t.status).toBe('done');
    expect(t.applied).toBe(true);
    expect(t.epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(t.epochs.slice(1).map((e) => e.loss_train)).toEqual(reply.readouts.out.loss_curve);
    expect(t.epochs.slice(1).map((e) => e.loss_test)).toEqual(reply.readouts.out.test_loss_curve);
    for (const e of t.epochs) expect(e.flow!.length).toBe(50);
    // the recurrent edge's weights after the last epoch are what Keep writes
    const rec = t.edges.rec;
    expect(rec.epoch).toBe(EPOCHS);
    const keptRec = t.kept!.edges.find((e) => e.id === 'rec')!;
    expect(Array.from(rec.values)).toEqual(keptRec.values);
    expect(t.kept!.nodes.map((n) => `${n.id}.${n.name}`).sort()).toContain('out.W_out');

    const trained = await outputs(sim, 50);
    expect(trained).not.toEqual(untrained);

    // the document alone, with the kept values, runs the trained network
    const keptSim = store(keepTrainedParameters(doc, t.kept!));
    expect(await outputs(keptSim, 50)).toEqual(trained);

    // the flow of the network as it is equals the flow the training measured before its first update
    const flow = await sim.getState().gradientFlow('test');
    expect(flow.ok && flow.value.ok && flow.value.flow).toEqual(t.epochs[0].flow);

    await sim.getState().discardTraining();
    expect(sim.getState().training!.applied).toBe(false);
    expect(await outputs(sim, 50)).toEqual(untrained);
    sim.dispose();
    keptSim.dispose();
  });
});
