import { describe, expect, it } from 'vitest';
import { computeMeasure, discretiseThreshold, unitColumn, type MeasureSpec } from '../../measures/index.ts';
import { EngineSession } from './session.ts';
import { AnalysisSession } from './analysis-session.ts';
import { replyTransferables } from './measure-requests.ts';
import { loadPreset } from '../../test-support/docs.ts';
import type { MeasureReply, MeasureRequest } from './protocol.ts';

const ais: MeasureSpec = { measure: 'ais', estimator: 'discrete', k: 4 };

async function session(name = 'edge-of-chaos') {
  const s = new EngineSession();
  const doc = loadPreset(name);
  expect((await s.load(doc)).ok).toBe(true);
  return { s, doc };
}

/** A measure as the app takes it: the analysis session fetches the stepping session's windows (engine-link.ts) and measures them. */
async function measure(s: EngineSession, request: MeasureRequest): Promise<MeasureReply> {
  const analysis = new AnalysisSession();
  await analysis.link(s.engineLink());
  return analysis.measure(request, s.networkVersion);
}

function ok(reply: MeasureReply) {
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

/** The same steps of a probe, run in one batch from reset (the reference trace). */
async function trace(name: string, steps: number, probe: string) {
  const { s } = await session(name);
  const f = await s.run(steps, [probe]);
  return { steps, width: f.probes[probe].width, data: f.probes[probe].data };
}

describe('measure requests: windows the stepping session retained, measured on the analysis worker', () => {
  it('answers from the last `window` steps recorded across batches, equal to computeMeasure on the trace', async () => {
    const { s } = await session();
    expect(await s.retain([{ probe: 'res', window: 400 }])).toEqual({ ok: true });
    await s.subscribe([{ probe: 'res', window: 10 }]);
    for (const n of [120, 250, 230]) await s.advance(n); // 600 steps in three batches
    const reply = ok(await measure(s, { probe: 'res', window: 300, spec: ais, units: [0, 7, 99] }));
    expect(reply).toMatchObject({ t: 600, firstStep: 301, steps: 300, units: 'bits', truncated: 0 });
    const full = await trace('edge-of-chaos', 600, 'res');
    const win = { steps: 300, width: full.width, data: full.data.subarray(300 * full.width) };
    [0, 7, 99].forEach((u, j) => {
      const ref = computeMeasure(ais, { series: discretiseThreshold(unitColumn(win, u), 'median') });
      expect(reply.averages[j]).toBeCloseTo(ref.average, 12);
      const row = Array.from(reply.locals!.subarray(j * 300, (j + 1) * 300));
      expect(row.slice(4)).toEqual(Array.from(ref.locals!).slice(4));
      expect(row.slice(0, 4).every(Number.isNaN)).toBe(true);
    });
    expect(replyTransferables(reply)).toHaveLength(3);
  });

  it('TE from the input to every reservoir unit (one-unit source), window shorter than the run so far', async () => {
    const { s } = await session();
    await s.retain([{ probe: 'res', window: 200 }, { probe: 'u', window: 200 }]);
    await s.advance(150);
    const te: MeasureSpec = { measure: 'te', estimator: 'discrete', k: 2, l: 1 };
    const reply = ok(await measure(s, { probe: 'res', source: 'u', window: 500, spec: te, units: [3], locals: false }));
    expect(reply).toMatchObject({ steps: 150, firstStep: 1, locals: null });
    const res = await trace('edge-of-chaos', 150, 'res');
    const u = await trace('edge-of-chaos', 150, 'u');
    const ref = computeMeasure(te, { source: discretiseThreshold(unitColumn(u, 0), 'median'), dest: discretiseThreshold(unitColumn(res, 3), 'median') });
    expect(reply.averages[0]).toBeCloseTo(ref.average, 12);
  });

  it('waits for probes that are not retained or not recorded yet; reports bad requests', async () => {
    const { s } = await session();
    expect(await measure(s, { probe: 'res', window: 100, spec: ais })).toMatchObject({ ok: false, waiting: true });
    await s.retain([{ probe: 'res', window: 100 }]);
    expect(await measure(s, { probe: 'res', window: 100, spec: ais })).toMatchObject({ ok: false, waiting: true, error: 'no steps recorded yet' });
    await s.advance(50);
    expect(await measure(s, { probe: 'res', window: 100, spec: { measure: 'te', estimator: 'discrete' } })).toMatchObject({ ok: false, error: 'te needs a source probe' });
    expect(await measure(s, { probe: 'res', window: 100, spec: ais, units: [100] })).toMatchObject({ ok: false, error: expect.stringMatching(/out of range/) });
    const r = await s.retain([{ probe: 'nope', window: 10 }]);
    expect(r.ok).toBe(false);
  });

  it('keeps the history when the window grows and across a recompile; a reset clears it', async () => {
    const { s, doc } = await session();
    await s.retain([{ probe: 'res', window: 100 }]);
    await s.advance(80);
    await s.retain([{ probe: 'res', window: 300 }]);
    await s.advance(20);
    expect(ok(await measure(s, { probe: 'res', window: 300, spec: ais, locals: false }))).toMatchObject({ steps: 100, firstStep: 1 });
    const grown = structuredClone(doc);
    grown.nodes.push({ ...grown.nodes[0], id: 'extra' });
    expect(await s.update(grown)).toMatchObject({ ok: true, change: 'recompiled' });
    await s.advance(10);
    expect(ok(await measure(s, { probe: 'res', window: 300, spec: ais, locals: false }))).toMatchObject({ steps: 110, t: 110 });
    await s.reset();
    expect(await measure(s, { probe: 'res', window: 300, spec: ais })).toMatchObject({ ok: false, waiting: true });
  });
});
