/** Training and the memory-capacity task through the engine session: the CLI's results, then step 0 with the trained readout. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineSession } from '../worker/session.ts';
import { memoryCapacity, Simulator, trainReadouts } from '../index.ts';
import { parseDocumentText, type GraphDocument } from '../../model/index.ts';
import { leakyUnitDoc } from '../../test-support/docs.ts';

function preset(name: string): GraphDocument {
  const parsed = parseDocumentText(readFileSync(new URL(`../../../presets/${name}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`preset ${name} invalid`);
  return parsed.doc;
}

describe('tasks in the engine session', () => {
  it('train: the report of recurrence train, then step 0 with the fitted readout', async () => {
    const doc = preset('esn-mackey-glass');
    const session = new EngineSession();
    await session.load(doc);
    await session.run(50, ['out']); // somewhere in a run: training starts from a reset all the same
    const reply = await session.train();
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const cli = trainReadouts(Simulator.fromDocument(doc));
    expect(reply.readouts).toEqual(cli);
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

  it('train without a readout is an error message, not a throw', async () => {
    const session = new EngineSession();
    await session.load(leakyUnitDoc());
    expect(await session.train()).toEqual({ ok: false, error: 'the network has no readout node to train' });
  });

  it('memory capacity: the task with its defaults, as recurrence task computes it', async () => {
    const doc = preset('esn-memory-capacity');
    const session = new EngineSession();
    await session.load(doc);
    const reply = await session.memoryCapacity({ node: 'res' });
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

  it('memory capacity names what is missing', async () => {
    const session = new EngineSession();
    await session.load(preset('esn-memory-capacity'));
    expect(await session.memoryCapacity({ node: 'nope' })).toEqual({ ok: false, error: 'no node with id "nope"' });
    expect(await session.memoryCapacity({ node: 'res', input: 'res' })).toEqual({ ok: false, error: 'no input node with id "res"' });
  });
});
