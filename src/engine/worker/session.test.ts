import { describe, expect, it } from 'vitest';
import { EngineSession, frameTransferables } from './session.ts';
import { Recorder, Simulator, parseProbe } from '../index.ts';
import { leakyUnitDoc, valid } from '../../test-support/docs.ts';

describe('engine session (the code behind the worker)', () => {
  it('loads a document, reports nodes and schedule, and runs frames', async () => {
    const session = new EngineSession();
    const loaded = await session.load(leakyUnitDoc());
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.nodes.map((n) => `${n.id}:${n.size}`)).toEqual(['u:1', 'x:1']);
    expect(loaded.schedule.map((op) => op.type)).toEqual(['update', 'clear', 'deliver', 'deliver', 'update', 'commit']);
    const first = await session.run(3, ['x']);
    expect(first).toMatchObject({ t: 3, firstStep: 1 });
    expect(Array.from(first.probes.x.data)).toEqual([1, 1.5, 1.75]);
    const next = await session.run(2, ['x', 'u']);
    expect(next.firstStep).toBe(4);
    expect(Array.from(next.probes.x.data)).toEqual([1.875, 1.9375]);
    expect(frameTransferables(next)).toHaveLength(2);
  });

  it('reset(seed) restarts at step 0 with the same trace', async () => {
    const session = new EngineSession();
    await session.load(leakyUnitDoc());
    const a = await session.run(5, ['x']);
    expect(await session.reset()).toEqual({ t: 0, seed: 7 });
    const b = await session.run(5, ['x']);
    expect(Array.from(b.probes.x.data)).toEqual(Array.from(a.probes.x.data));
  });

  it('returns validation errors instead of throwing, and keeps data up to a divergence', async () => {
    const session = new EngineSession();
    const bad = leakyUnitDoc();
    bad.version = 5;
    const r = await session.load(bad);
    expect(r.ok).toBe(false);
    const raw = leakyUnitDoc();
    ((raw.edges[1].params as Record<string, unknown>).weight as Record<string, number>).value = 2;
    await session.load(raw);
    const frame = await session.run(2000, ['x']);
    expect(frame.divergence).toMatchObject({ node: 'x', step: 1024 });
    expect(frame.probes.x.count).toBe(1023);
    expect(frame.probes.x.data[1022]).toBe(2 ** 1023 - 1);
  });

  it('gives exactly the simulator trace', async () => {
    const doc = valid(leakyUnitDoc());
    const sim = Simulator.fromDocument(doc);
    const rec = new Recorder(sim, parseProbe('x'), 50);
    sim.run(50, () => rec.record());
    const session = new EngineSession();
    await session.load(doc);
    const frame = await session.run(50, ['x']);
    expect(Array.from(frame.probes.x.data)).toEqual(rec.rows().flat());
  });
});
