import { AnalysisSession } from './analysis-session.ts';
import { describe, expect, it } from 'vitest';
import { EngineSession, frameTransferables } from './session.ts';
import { Recorder, Simulator, parseProbe } from '../index.ts';
import { leakyUnitDoc, valid } from '../../test-support/docs.ts';

describe('engine session (the code behind the worker)', () => {
  it('loads a document, reports nodes and schedule, and runs frames', async () => {
    const session = new EngineSession();
    const loaded = await session.load(valid(leakyUnitDoc()));
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

  it('a load whose token no longer holds is cancelled, leaves no network, and the next load runs', async () => {
    const session = new EngineSession();
    const flag = new Int32Array(1);
    flag[0] = 2;
    expect(await session.load(valid(leakyUnitDoc()), undefined, undefined, { flag, token: 1 })).toEqual({ ok: false, errors: [], cancelled: true });
    await expect(session.run(1, ['x'])).rejects.toThrow('no document loaded');
    // the page moves the flag while the load compiles (its first progress report): it stops before sampling
    const moved = await session.load(valid(leakyUnitDoc()), () => void (flag[0] = 3), undefined, { flag, token: 2 });
    expect(moved).toEqual({ ok: false, errors: [], cancelled: true });
    expect((await session.load(valid(leakyUnitDoc()), undefined, undefined, { flag, token: 3 })).ok).toBe(true);
    expect(Array.from((await session.run(2, ['x'])).probes.x.data)).toEqual([1, 1.5]);
  });

  it('a network whose weights cannot be sampled (ρ rescale of a radius-0 matrix) is refused naming the field, on load and on update', async () => {
    const rescaled = (n: number) =>
      valid({
        format: 'recurrence-graph', version: 2, title: 't', seed: 3,
        nodes: [{ id: 'res', kind: 'rate', position: { x: 0, y: 0 }, params: { size: 50 } }],
        // one synapse off the diagonal (fixed-total n = 1, no autapses): its spectral radius is 0
        edges: [{ id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 }, delay: 1, spectralRadius: 0.9, connectivity: { rule: 'fixed-total', n } } }],
      });
    const refused = { ok: false, errors: [{ path: 'edges[0].params.weight', message: 'cannot rescale to spectral radius 0.9: the sampled matrix has spectral radius 0' }] };
    expect(await new EngineSession().load(rescaled(1))).toEqual(refused);
    const session = new EngineSession();
    expect((await session.load(rescaled(300))).ok).toBe(true);
    await session.run(3, ['res']);
    expect(await session.update(rescaled(1))).toEqual(refused);
    // the running network is untouched
    expect((await session.run(1, ['res'])).t).toBe(4);
  });

  it('reset(seed) restarts at step 0 with the same trace', async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    const a = await session.run(5, ['x']);
    expect(await session.reset()).toEqual({ t: 0, seed: 7 });
    const b = await session.run(5, ['x']);
    expect(Array.from(b.probes.x.data)).toEqual(Array.from(a.probes.x.data));
  });

  it('keeps the data up to a divergence', async () => {
    const session = new EngineSession();
    const raw = leakyUnitDoc();
    ((raw.edges[1].params as Record<string, unknown>).weight as Record<string, number>).value = 2;
    await session.load(valid(raw));
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

describe('engine session: the live loop', () => {
  it('advances in batches that continue each other, each probe cut to its window', async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    expect(await session.subscribe([{ probe: 'x', window: 3 }, { probe: 'u', window: 100 }])).toEqual({ ok: true });
    const a = await session.advance(2);
    expect(a).toMatchObject({ t: 2, firstStep: 1 });
    expect(Array.from(a.probes.x.data)).toEqual([1, 1.5]);
    const b = await session.advance(5);
    expect(b).toMatchObject({ t: 7, firstStep: 3 });
    expect(b.probes.x).toMatchObject({ count: 3, firstStep: 5 });
    expect(Array.from(b.probes.x.data)).toEqual([2 - 2 ** -4, 2 - 2 ** -5, 2 - 2 ** -6]);
    expect(b.probes.u.count).toBe(5);
    expect(b.probes.u.firstStep).toBeUndefined();
  });

  it('records into the buffers the page gives back, with the same values as into new ones', async () => {
    const fresh = new EngineSession();
    const reusing = new EngineSession();
    for (const s of [fresh, reusing]) {
      await s.load(valid(leakyUnitDoc()));
      await s.subscribe([{ probe: 'x', window: 3 }]);
    }
    // the first batch (4 steps) wraps its 3-step ring: copied out, its ring stays in the worker
    const a = await reusing.advance(4);
    expect(Array.from(a.probes.x.data)).toEqual(Array.from((await fresh.advance(4)).probes.x.data));
    const given = a.probes.x.data.buffer as ArrayBuffer;
    const b = await reusing.advance(2, undefined, [given]);
    expect(b.probes.x.data.buffer).not.toBe(given); // the smaller spare ring (3 values) was taken first
    const c = await reusing.advance(3, undefined, [b.probes.x.data.buffer as ArrayBuffer]);
    const expected = [await fresh.advance(2), await fresh.advance(3)].map((f) => Array.from(f.probes.x.data));
    expect([Array.from(b.probes.x.data), Array.from(c.probes.x.data)]).toEqual(expected);
    expect(c.probes.x.data.buffer).toBe(given);
  });

  it('reports probes it cannot record', async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    const r = await session.subscribe([{ probe: 'x.nope', window: 10 }, { probe: 'x', window: 10 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['x.nope']);
    expect(Object.keys((await session.advance(1)).probes)).toEqual(['x']);
  });

  it("takes an edge's weights as a probe (EDGE.w) like a node's", async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    expect(await session.subscribe([{ probe: 'self.w', window: 4 }, { probe: 'self.v', window: 4 }])).toEqual({ ok: false, errors: { 'self.v': expect.stringMatching(/"self" is an edge; probe its weights as self\.w/) } });
    const frame = await session.advance(3);
    expect(frame.probes['self.w']).toMatchObject({ count: 3 });
    expect(Array.from(frame.probes['self.w'].data)).toEqual([0.5, 0.5, 0.5]);
  });

  it('stops a batch at its time budget', async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    const frame = await session.advance(1e9, 5);
    expect(frame.t).toBeGreaterThan(0);
    expect(frame.t).toBeLessThan(1e9);
  });

  it('applies a parameter change from the next step and a structural one keeping state', async () => {
    const session = new EngineSession();
    const doc = valid(leakyUnitDoc());
    await session.load(doc);
    await session.subscribe([{ probe: 'x', window: 10 }]);
    await session.advance(2);
    const scaled = structuredClone(doc);
    (scaled.edges[1].params.weight as { value: number }).value = 0.25;
    expect(await session.update(scaled)).toMatchObject({ ok: true, change: 'params', t: 2 });
    expect(Array.from((await session.advance(1)).probes.x.data)).toEqual([1 + 0.25 * 1.5]);
    const grown = structuredClone(scaled);
    grown.nodes.push({ ...grown.nodes[1], id: 'y' });
    const r = await session.update(grown);
    expect(r).toMatchObject({ ok: true, change: 'recompiled', t: 3, kept: ['u', 'x'] });
    expect((await session.advance(1)).firstStep).toBe(4);
    expect(await session.update(grown)).toMatchObject({ ok: true, change: 'none' });
  });

  it('gives weights densely, and a copy of a square edge whose eigenvalues the analysis worker computes', async () => {
    const session = new EngineSession();
    await session.load(valid(leakyUnitDoc()));
    expect(await session.weights('self')).toMatchObject({ rows: 1, cols: 1, data: new Float64Array([0.5]) });
    expect(await session.weights('none')).toBeNull();
    expect(session.matrixSync('none')).toBeNull();
    expect(session.matrixSync('self')).toMatchObject({ format: 'dense', rows: 1, cols: 1, data: new Float64Array([0.5]) });
    const analysis = new AnalysisSession();
    await analysis.link(session.engineLink());
    await expect(analysis.spectrum({ edge: 'none', version: 1 })).rejects.toThrow('no edge "none"');
    const s = await analysis.spectrum({ edge: 'self', version: 1 });
    expect(s.radius).toBeCloseTo(0.5, 12);
    expect(Array.from(s.re)).toEqual([0.5]);
  });
});
