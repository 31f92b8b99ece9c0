import { describe, expect, it } from 'vitest';
import { EngineSession } from '../engine/worker/session.ts';
import { loadPreset } from '../test-support/docs.ts';
import { createMeasureQueue } from './measureQueue.ts';
import { createSimulationStore } from './simulationStore.ts';

describe('measure queue', () => {
  it('sends one request at a time; a newer request of the same key drops the waiting one', async () => {
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const queue = createMeasureQueue(async (q: string) => {
      sent.push(q);
      await new Promise<void>((r) => (release = r));
      return `reply ${q}`;
    });
    const a = queue.request('panel-1', 'a1');
    const b = queue.request('panel-1', 'a2'); // a1 is already in the worker: a2 waits
    const c = queue.request('panel-1', 'a3'); // replaces a2
    const d = queue.request('panel-2', 'b1');
    expect(await b).toBeNull();
    expect(queue.pending).toBe(2);
    release();
    expect(await a).toBe('reply a1');
    await Promise.resolve();
    release();
    expect(await c).toBe('reply a3');
    await Promise.resolve();
    release();
    expect(await d).toBe('reply b1');
    expect(sent).toEqual(['a1', 'a3', 'b1']);
  });

  it('clear() resolves the waiting requests with null; a failing send resolves null', async () => {
    const queue = createMeasureQueue(async (q: number) => {
      if (q < 0) throw new Error('bad');
      await new Promise((r) => setTimeout(r, 5));
      return q;
    });
    const first = queue.request('k1', 1);
    const waiting = queue.request('k2', 2);
    queue.clear();
    expect(await waiting).toBeNull();
    expect(await first).toBe(1);
    expect(await queue.request('k3', -1)).toBeNull();
  });
});

describe('simulation store: measures', () => {
  it('retains a probe in the engine once it steps, then measures its window there', async () => {
    const doc = loadPreset('edge-of-chaos');
    const sim = createSimulationStore({ engine: () => ({ api: new EngineSession(), mode: 'in-page', dispose: () => undefined }), doc: () => doc });
    const release = sim.getState().retain('res', 500);
    const request = { probe: 'res', window: 500, spec: { measure: 'ais', estimator: 'discrete', k: 4 } as const, locals: false };
    expect(await sim.getState().measure('p', request)).toBeNull(); // nothing loaded yet
    await sim.getState().step(200);
    const reply = await sim.getState().measure('p', request);
    expect(reply).toMatchObject({ ok: true, t: 200, steps: 200, units: 'bits' });
    expect(reply?.ok && Number.isFinite(reply.mean)).toBe(true);
    release();
    await sim.getState().step(1);
    expect(await sim.getState().measure('p', request)).toMatchObject({ ok: false, waiting: true });
  });
});
