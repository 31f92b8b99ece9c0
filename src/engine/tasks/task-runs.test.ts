/**
 * Training and the memory-capacity task on an analysis worker's session (the task worker's): the CLI's results; the
 * trained weights, handed to the stepping session, give the reported prediction from step 0.
 * Progress is reported and a raised stop flag ends a run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../worker/session.ts';
import { AnalysisSession } from '../worker/analysis-session.ts';
import { newStopFlag } from '../worker/job.ts';
import { memoryCapacity, Simulator, trainReadouts } from '../index.ts';
import { parseDocumentText, type GraphDocument } from '../../model/index.ts';
import { bpttXorDoc, leakyUnitDoc, valid } from '../../test-support/docs.ts';

function preset(name: string): GraphDocument {
  const parsed = parseDocumentText(readFileSync(new URL(`../../../presets/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`preset ${name} invalid`);
  return parsed.doc;
}

describe('tasks on the task worker', () => {
  it('train: the report of recurrence train; the weights make the stepping session predict from step 0', async () => {
    const doc = preset('esn-mackey-glass');
    const session = new EngineSession();
    await session.load(doc);
    await session.run(50, ['out']); // somewhere in a run: the trained weights reset it all the same
    const progress: number[] = [];
    const { reply, weights } = await new AnalysisSession().train(doc, doc.seed, { stop: newStopFlag().buffer, progress: (f) => void progress.push(f) });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const cli = trainReadouts(Simulator.fromDocument(doc));
    expect(reply.readouts).toEqual(cli);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await session.applyTraining(weights)).toEqual({ ok: true });
    expect(reply.readouts.out.nrmse_test).toBeLessThan(0.05);
    // back at step 0; a run now predicts the target with the trained weights
    const { washout, train, test } = reply.readouts.out;
    const frame = await session.run(washout + train + test, ['out', 'out.target']);
    expect(frame.firstStep).toBe(1);
    const y = frame.probes.out.data;
    const d = frame.probes['out.target'].data;
    const from = washout + train;
    let se = 0;
    let mean = 0;
    for (let t = from; t < y.length; t++) mean += d[t] / test;
    let variance = 0;
    for (let t = from; t < y.length; t++) {
      se += (y[t] - d[t]) ** 2;
      variance += (d[t] - mean) ** 2;
    }
    expect(Math.sqrt(se / variance)).toBeCloseTo(reply.readouts.out.nrmse_test!, 12);
  });

  it('train without a readout is an error message, not a throw; weights of another network are refused', async () => {
    const doc = valid(leakyUnitDoc());
    expect((await new AnalysisSession().train(doc, doc.seed)).reply).toEqual({ ok: false, error: 'the network has no readout node to train' });
    const session = new EngineSession();
    await session.load(doc);
    expect(await session.applyTraining({ readouts: { x: new Float64Array(2) }, parameters: null })).toEqual({ ok: false, error: 'no readout node "x"' });
  });

  it('BPTT: the trained weights and biases upstream of the readout go to the stepping session, which then runs as the network trained in place', async () => {
    const doc = bpttXorDoc();
    const texts: string[] = [];
    const { reply, weights } = await new AnalysisSession().train(doc, doc.seed, { stop: newStopFlag().buffer, progress: (_f, text) => void (text && texts.push(text)) });
    expect(reply.ok).toBe(true);
    expect(texts.some((t) => /^training \(BPTT\): epoch \d of 2$/.test(t))).toBe(true);
    expect(weights.parameters!.edges.map((e) => e.id).sort()).toEqual(['in', 'rec']);
    expect(weights.parameters!.nodes.map((n) => `${n.id}.${n.name}`).sort()).toEqual(['a.bias', 'out.W_out']);
    // in place, as recurrence train leaves it: the trained values survive the reset
    const inPlace = Simulator.fromDocument(doc);
    trainReadouts(inPlace);
    inPlace.reset();
    const expected: number[] = [];
    inPlace.run(80, () => void expected.push(inPlace.program.nodeById.get('out')!.output[0]));
    const session = new EngineSession();
    await session.load(doc);
    await session.run(30, ['out']);
    expect(await session.applyTraining(weights)).toEqual({ ok: true });
    const frame = await session.run(80, ['out']);
    expect(frame.firstStep).toBe(1);
    expect(Array.from(frame.probes.out.data)).toEqual(expected);
    // an untrained network runs differently: the edges' weights and the bias did arrive
    const untrained = new EngineSession();
    await untrained.load(doc);
    await untrained.applyTraining({ readouts: weights.readouts, parameters: null });
    expect(Array.from((await untrained.run(80, ['out'])).probes.out.data)).not.toEqual(expected);
  });

  it('training values that do not fit the running network are refused whole', async () => {
    const doc = valid(leakyUnitDoc());
    const session = new EngineSession();
    await session.load(doc);
    const edges = [{ id: 'nope', weights: { format: 'dense' as const, rows: 1, cols: 1, data: new Float64Array(1) } }];
    expect(await session.applyTraining({ readouts: {}, parameters: { edges, nodes: [] } })).toEqual({ ok: false, error: 'no edge "nope"' });
    expect(await session.applyTraining({ readouts: {}, parameters: { edges: [], nodes: [{ id: doc.nodes[0].id, name: 'gain', values: new Float64Array(1) }] } })).toEqual({ ok: false, error: `no trainable "gain" on node "${doc.nodes[0].id}"` });
  });

  it('a raised stop flag ends a training in its run (AbortError), and a task of the same session runs afterwards', async () => {
    const doc = preset('esn-mackey-glass');
    const analysis = new AnalysisSession();
    const flag = newStopFlag();
    let reports = 0;
    const stopped = analysis.train(doc, doc.seed, { stop: flag.buffer, progress: () => void (++reports === 1 && flag.raise()) });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toBe(1);
    expect((await analysis.train(doc, doc.seed)).reply.ok).toBe(true);
  });

  it('training reports its ridge fit after the run on the same bar (rising to 1), and a fit hook that throws stops the training there', async () => {
    const doc = preset('esn-mackey-glass');
    const reports: [number, string][] = [];
    const { reply } = await new AnalysisSession().train(doc, doc.seed, { stop: newStopFlag().buffer, progress: (f, text) => void reports.push([f, text!]) });
    expect(reply.ok).toBe(true);
    const fractions = reports.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(reports.at(-1)).toEqual([1, 'training: ridge fit of out: step 2,000 of 2,000']);
    // the run's steps (washout 200 + train 2,000 + test 1,000) and the fit's 2,000 on one bar
    const run = reports.filter(([, text]) => text.startsWith('training: step'));
    expect(run.length).toBeGreaterThan(0);
    expect(run.every(([f]) => f <= 3200 / 5200)).toBe(true);
    // a stop in the fit (the worker's hook throws there once the job's flag is raised) ends the training
    const fitted: number[] = [];
    const stop = new Error('stopped in the fit');
    expect(() =>
      trainReadouts(Simulator.fromDocument(doc), {
        onFit: (readout, rows, total) => {
          fitted.push(rows);
          expect([readout, total]).toEqual(['out', 2000]);
          if (rows >= 128) throw stop;
        },
      }),
    ).toThrow(stop);
    expect(fitted).toEqual([64, 128]);
  });

  it('memory capacity: the task with its defaults, as recurrence task computes it', async () => {
    const doc = preset('esn-memory-capacity');
    const reply = await new AnalysisSession().memoryCapacity(doc, doc.seed, { node: 'res' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.options).toMatchObject({ node: 'res', washout: 200, train: 4000, test: 2000, lambda: 1e-8 });
    const direct = memoryCapacity(Simulator.fromDocument(doc), reply.options);
    expect(reply.mc).toBe(direct.mc);
    expect(reply.curve).toEqual(direct.curve);
    const size = (doc.nodes.find((n) => n.id === 'res')!.params as { size: number }).size;
    expect(reply.mc).toBeGreaterThan(0.5 * size); // Jaeger: MC ≤ N, a good reservoir gets a good part of it
    expect(reply.mc).toBeLessThanOrEqual(size);
    expect(reply.curve).toHaveLength(reply.options.maxDelay);
  });

  it('memory capacity reports the fit of its readouts after the run, and a stop during the fit ends it (AbortError)', async () => {
    const doc = preset('esn-memory-capacity');
    const analysis = new AnalysisSession();
    const texts: string[] = [];
    const fractions: number[] = [];
    await analysis.memoryCapacity(doc, doc.seed, { node: 'res' }, { stop: newStopFlag().buffer, progress: (f, text) => void (fractions.push(f), texts.push(text!)) });
    const fitting = texts.filter((t) => t.startsWith('memory capacity (ridge fit): step'));
    expect(texts.at(-1)).toBe('memory capacity (ridge fit): step 4,000 of 4,000');
    expect(fractions.at(-1)).toBe(1);
    // the run's steps first, then the fit's (reports closer than 100 ms apart are dropped, never the last)
    expect(texts.indexOf(fitting[0])).toBeGreaterThan(texts.indexOf('memory capacity: step 6,200 of 6,200'));
    // raised after the run's last step, the flag is next looked at in the fit, which stops
    const flag = newStopFlag();
    const last = 'memory capacity: step 6,200 of 6,200';
    const stopped = analysis.memoryCapacity(doc, doc.seed, { node: 'res' }, { stop: flag.buffer, progress: (_f, text) => void (text === last && flag.raise()) });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('memory capacity names what is missing', async () => {
    const doc = preset('esn-memory-capacity');
    const analysis = new AnalysisSession();
    expect(await analysis.memoryCapacity(doc, doc.seed, { node: 'nope' })).toEqual({ ok: false, error: 'no node with id "nope"' });
    expect(await analysis.memoryCapacity(doc, doc.seed, { node: 'res', input: 'res' })).toEqual({ ok: false, error: 'no input node with id "res"' });
  });
});
