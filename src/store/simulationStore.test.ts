import { describe, expect, it } from 'vitest';
import { EngineSession } from '../engine/worker/session.ts';
import { localEngineClient } from '../engine/worker/client.ts';
import { AnalysisSession } from '../engine/worker/analysis-session.ts';
import { localAnalysisClient, type AnalysisWorker } from '../engine/worker/analysis-client.ts';
import { bpttXorDoc, edge, leakyUnitDoc, loadPreset, node, rawDoc, valid } from '../test-support/docs.ts';
import { spectralRadius } from '../engine/linalg/index.ts';
import type { GraphDocument } from '../model/index.ts';
import { createSimulationStore, FULL_SPEED_ANALYSIS_PACE } from './simulationStore.ts';
import { ProbeWindow } from './probeWindow.ts';
import { defaultWindows, mergeSubscriptions } from './subscriptions.ts';
import { projectRow } from '../engine/worker/projections.ts';

function store(doc: GraphDocument = valid(leakyUnitDoc())) {
  let current = doc;
  const seeds: number[] = [];
  const sim = createSimulationStore({
    engine: () => localEngineClient(new EngineSession()),
    analysis: () => localAnalysisClient(new AnalysisSession()),
    doc: () => current,
    onReseed: (seed) => seeds.push(seed),
  });
  return { sim, seeds, edit: (next: GraphDocument) => ((current = next), sim.getState().documentChanged(next, false)) };
}
const xs = (sim: ReturnType<typeof store>['sim']) => {
  const w = sim.live.windows.get('x')!.slice();
  return Array.from(w.data);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('simulationStore', () => {
  it('steps exactly n steps and records every node', async () => {
    const { sim } = store();
    const outcome = await sim.getState().step(3);
    expect(outcome).toMatchObject({ ok: true, frame: { t: 3, firstStep: 1, steps: 3 } });
    expect(sim.getState().status).toBe('paused');
    expect(sim.getState().engineMode).toBe('in-page');
    expect(xs(sim)).toEqual([1, 1.5, 1.75]);
    await sim.getState().step();
    expect(sim.live.t).toBe(4);
    expect(xs(sim)).toEqual([1, 1.5, 1.75, 1.875]);
    expect([...sim.live.windows.keys()].sort()).toEqual(['u', 'x']);
  });

  it('runs live until paused, then nothing changes', async () => {
    const { sim } = store();
    sim.getState().setSpeed(2);
    await sim.getState().start();
    expect(sim.getState().status).toBe('running');
    await sleep(80);
    await sim.getState().pause();
    const t = sim.live.t;
    expect(t).toBeGreaterThan(0);
    expect(t % 2).toBe(0);
    await sleep(50);
    expect(sim.live.t).toBe(t);
    expect(sim.getState().status).toBe('paused');
  });

  it('live batches are asked for ahead, yet the window holds every step the engine took, in order', async () => {
    const doc = valid(leakyUnitDoc());
    const { sim } = store(doc);
    sim.getState().setSpeed(3);
    await sim.getState().start();
    await sleep(120);
    await sim.getState().pause();
    const t = sim.live.t;
    expect(t % 3).toBe(0);
    const direct = new EngineSession();
    await direct.load(doc);
    expect(xs(sim)).toEqual(Array.from((await direct.run(t, ['x'])).probes.x.data));
    await sim.getState().step(1); // the engine is at step t too: the next step is t + 1
    expect(sim.live.t).toBe(t + 1);
    expect(xs(sim).at(-1)).toBe((await direct.run(1, ['x'])).probes.x.data[0]);
  });

  it("a run's first batch is one step (its frame comes after one step), and the batches after it keep the speed's steps", async () => {
    for (const speed of [0, 3]) {
      const asked: number[] = [];
      const session = new EngineSession();
      const advance = session.advance.bind(session);
      session.advance = (steps, budgetMs) => (asked.push(steps), advance(steps, budgetMs));
      const sim = createSimulationStore({ engine: () => localEngineClient(session), analysis: () => localAnalysisClient(new AnalysisSession()), doc: () => valid(leakyUnitDoc()) });
      sim.getState().setSpeed(speed);
      await sim.getState().start();
      await sleep(80);
      await sim.getState().pause();
      expect(asked.length).toBeGreaterThanOrEqual(3);
      expect(asked[0]).toBe(1);
      if (speed === 0) expect(asked.slice(1).every((n) => n === 1e9)).toBe(true);
      else expect(asked.slice(1)).toEqual([5, ...asked.slice(2).map(() => 3)]);
      if (speed === 3) expect(sim.live.t).toBe(asked.reduce((a, b) => a + b, 0));
      sim.dispose();
    }
  });

  it('reset gives the identical trace again; reseed changes the seed', async () => {
    const { sim } = store();
    await sim.getState().step(20);
    const first = xs(sim);
    await sim.getState().reset();
    expect(sim.live.t).toBe(0);
    expect(sim.live.windows.get('x')!.count).toBe(0);
    await sim.getState().step(20);
    expect(xs(sim)).toEqual(first);
    const seed = sim.getState().seed;
    await sim.getState().reseed();
    expect(sim.getState().seed).not.toBe(seed);
  });

  it('Reseed reports its seed; a document carrying that seed reproduces the reseeded run', async () => {
    const noisy = valid({
      format: 'recurrence-graph',
      version: 1,
      title: 'noisy',
      seed: 5,
      dt: 1,
      nodes: [{ id: 'x', kind: 'rate', params: { size: 3, init: { type: 'uniform', low: -1, high: 1 } } }],
      edges: [{ id: 'w', source: 'x', target: 'x', params: { weight: { type: 'normal', mean: 0, std: 1 }, delay: 1 } }],
    });
    const { sim, edit, seeds } = store(noisy);
    await sim.getState().reseed();
    expect(seeds).toEqual([sim.getState().seed]);
    await sim.getState().step(10);
    const reseeded = xs(sim);
    edit({ ...noisy, seed: seeds[0] }); // what the app does: a non-undoable edit of the document
    await sim.getState().runFromSeed(10);
    expect(xs(sim)).toEqual(reseeded);
  });

  it('stops on divergence with the node and step, keeping the finite samples', async () => {
    const raw = leakyUnitDoc();
    (raw.edges[1].params as { weight: unknown }).weight = { type: 'constant', value: 1e200 };
    const { sim } = store(valid(raw));
    await sim.getState().step(100);
    const s = sim.getState();
    expect(s.status).toBe('diverged');
    expect(s.divergence).toMatchObject({ node: 'x', step: 3 });
    expect(xs(sim).every(Number.isFinite)).toBe(true);
    expect(xs(sim)).toHaveLength(2);
    await sim.getState().start();
    expect(sim.getState().status).toBe('diverged');
  });

  it('applies a live edit at the next step and says so', async () => {
    const doc = valid(leakyUnitDoc());
    const { sim, edit } = store(doc);
    await sim.getState().step(2);
    const next = structuredClone(doc);
    (next.edges[1].params.weight as { value: number }).value = 0.25;
    edit(next);
    await sim.getState().step(1);
    expect(xs(sim)).toEqual([1, 1.5, 1 + 0.25 * 1.5]);
    expect(sim.getState().notice).toMatch(/applied to self/);
  });

  it('forgets the run when another document is opened', async () => {
    const { sim } = store();
    await sim.getState().step(3);
    sim.getState().documentChanged(valid(leakyUnitDoc()), true);
    expect(sim.getState()).toMatchObject({ status: 'idle', frame: null, divergence: null });
    expect(sim.live.t).toBe(0);
  });

  it('records extra probes panels subscribe to, with their window', async () => {
    const { sim } = store();
    const off = sim.getState().subscribe('x.net', 5);
    await sim.getState().step(8);
    expect(sim.live.windows.get('x.net')).toMatchObject({ capacity: 5, count: 5, lastStep: 8 });
    off();
  });

  it('runs from the seed for the bridge', async () => {
    const { sim } = store();
    await sim.getState().step(7);
    const r = await sim.getState().runFromSeed(5);
    expect(r).toMatchObject({ ok: true, frame: { t: 5, steps: 5 } });
    expect(xs(sim)).toEqual([1, 1.5, 1.75, 1.875, 1.9375]);
  });
});

describe('simulation store: PCA projections from the stepping worker', () => {
  /** The page's old way: every step of the node's live window laid onto the fit here. */
  const pageSide = (w: ProbeWindow, fit: Parameters<typeof projectRow>[3]) => {
    const out = new Float64Array(2);
    const xy: number[] = [];
    for (let step = w.firstStep; step <= w.lastStep; step++) {
      projectRow(w.row(step), 0, w.width, fit, out);
      xy.push(out[0], out[1]);
    }
    return xy;
  };
  const fitOn = async (sim: ReturnType<typeof store>['sim'], node: string) => {
    const out = await sim.getState().pca('panel:p', sim.live.windows.get(node)!.slice());
    if (!out.ok || !out.value) throw new Error('no fit');
    return out.value;
  };

  it("gives a live window of PC1 and PC2 equal to the page-side projection of the node's window, re-projected on each fit", async () => {
    const { sim } = store(loadPreset('esn-sine'));
    const api = sim.getState();
    await api.step(60);
    const node = sim.getState().nodes.find((n) => n.size >= 3)!.id;
    const source = () => sim.live.windows.get(node)!;
    // the panel opens after 60 paused steps
    const remove = api.project('pca:panel:p', node, null);
    const projected = () => sim.live.windows.get('pca:panel:p');
    let fit = await fitOn(sim, node);
    expect(projected()?.count ?? 0).toBe(0); // no fit yet: nothing streamed
    api.project('pca:panel:p', node, fit);
    // paused: the page's 60 steps go with the fit, and a batch of no steps brings them projected
    await expect.poll(() => projected()?.count).toBe(60);
    expect(projected()!.firstStep).toBe(1);
    expect(api.projectedFit('pca:panel:p')).toBe(fit);
    expect(Array.from(projected()!.slice().data)).toEqual(pageSide(source(), fit));
    for (const steps of [5, 17]) {
      await api.step(steps);
      expect(projected()!.lastStep).toBe(sim.live.t);
      expect(Array.from(projected()!.slice().data)).toEqual(pageSide(source(), fit));
      const old = fit;
      fit = await fitOn(sim, node); // a refit: the whole window again, on the new axes
      api.project('pca:panel:p', node, fit);
      expect(api.projectedFit('pca:panel:p')).toBe(old); // the points are still the old fit's
      await expect.poll(() => api.projectedFit('pca:panel:p')).toBe(fit);
      expect(Array.from(projected()!.slice().data)).toEqual(pageSide(source(), fit));
    }
    remove();
    expect(sim.live.windows.has('pca:panel:p')).toBe(false);
    await api.step(1);
    expect(sim.live.windows.has('pca:panel:p')).toBe(false);
  });

  it('while running, each new fit arrives with the whole window on it: the points and their fit change together', async () => {
    const { sim } = store(loadPreset('esn-sine'));
    const api = sim.getState();
    await api.step(1);
    const node = sim.getState().nodes.find((n) => n.size >= 3)!.id;
    const source = () => sim.live.windows.get(node)!;
    const projected = () => sim.live.windows.get('pca:panel:p')!;
    api.project('pca:panel:p', node, null);
    api.setSpeed(3);
    await api.start();
    await expect.poll(() => sim.live.t, { timeout: 5000 }).toBeGreaterThan(40);
    for (let k = 0; k < 3; k++) {
      const fit = await fitOn(sim, node);
      api.project('pca:panel:p', node, fit);
      await expect.poll(() => api.projectedFit('pca:panel:p'), { timeout: 5000 }).toBe(fit);
      // the same steps as the node's window (the history reached the engine's step), all on this fit
      expect(sim.getState().status).toBe('running');
      expect(projected()).toMatchObject({ firstStep: source().firstStep, lastStep: source().lastStep });
      expect(Array.from(projected().slice().data)).toEqual(pageSide(source(), fit));
      const t = sim.live.t;
      await expect.poll(() => sim.live.t, { timeout: 5000 }).toBeGreaterThan(t + 6);
      expect(Array.from(projected().slice().data)).toEqual(pageSide(source(), fit));
    }
    await api.pause();
    expect(projected()).toMatchObject({ firstStep: source().firstStep, lastStep: source().lastStep });
  });
});

describe('probe windows', () => {
  it('keep the last capacity rows of appended frames, oldest first', () => {
    const w = new ProbeWindow(2, 3);
    w.append({ width: 2, count: 2, data: new Float64Array([1, 10, 2, 20]) }, 1);
    w.append({ width: 2, count: 2, data: new Float64Array([3, 30, 4, 40]) }, 3);
    expect(w).toMatchObject({ count: 3, firstStep: 2, lastStep: 4 });
    expect(Array.from(w.slice().data)).toEqual([2, 20, 3, 30, 4, 40]);
    expect(w.at(3, 1)).toBe(30);
    expect(w.at(1, 0)).toBeNaN();
    expect(w.slice(3, 3)).toMatchObject({ firstStep: 3, count: 1 });
    w.append({ width: 2, count: 5, data: new Float64Array([5, 0, 6, 0, 7, 0, 8, 0, 9, 0]) }, 5);
    expect(Array.from(w.slice().data)).toEqual([7, 0, 8, 0, 9, 0]);
    w.append({ width: 2, count: 1, data: new Float64Array([1, 1]) }, 1); // a gap: starts afresh
    expect(w).toMatchObject({ count: 1, lastStep: 1 });
  });

  it('defaults: every node, wide ones within the budget, panels add longer windows', () => {
    const nodes = [
      { id: 'a', kind: 'rate', size: 10, variables: [], spiking: false },
      { id: 'b', kind: 'lif', size: 10_000, variables: [], spiking: true },
    ];
    const d = defaultWindows(nodes, 1000);
    expect(d).toEqual([
      { probe: 'a', window: 1000 },
      { probe: 'b', window: 200 },
    ]);
    const extra = new Map([['a', new Map([[1, 3000]])], ['b.v', new Map([[2, 50], [3, 70]])]]);
    expect(mergeSubscriptions(d, extra)).toEqual([
      { probe: 'a', window: 3000 },
      { probe: 'b', window: 200 },
      { probe: 'b.v', window: 70 },
    ]);
  });
});

describe('simulation store: measures', () => {
  it('retains a probe in the engine once it steps, then measures its window there', async () => {
    const doc = loadPreset('edge-of-chaos');
    const sim = createSimulationStore({ engine: () => localEngineClient(new EngineSession()), analysis: () => localAnalysisClient(new AnalysisSession()), doc: () => doc });
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

describe('simulation store: analyses yield at full speed', () => {
  it('sets the analysis worker to its pace while running at speed max, and back to all of it otherwise', async () => {
    const paces: number[] = [];
    const sim = createSimulationStore({
      engine: () => localEngineClient(new EngineSession()),
      analysis: () => {
        const client = localAnalysisClient(new AnalysisSession());
        return { ...client, pace: (percent: number) => (paces.push(percent), client.pace(percent)) };
      },
      doc: () => valid(leakyUnitDoc()),
    });
    // a client made after the pace was set is given it too
    sim.getState().setSpeed(0);
    await sim.getState().start();
    await sleep(30);
    const fit = await sim.getState().pca('p', { firstStep: 1, count: 3, width: 2, data: Float64Array.of(0, 0, 1, 2, 2, 4.5) });
    expect(fit.ok && fit.value?.units).toBe(2);
    expect(paces).toEqual([FULL_SPEED_ANALYSIS_PACE]);
    await sim.getState().pause();
    expect(paces).toEqual([FULL_SPEED_ANALYSIS_PACE, 100]);
    sim.getState().setSpeed(5);
    await sim.getState().start();
    await sim.getState().pause();
    expect(paces).toEqual([FULL_SPEED_ANALYSIS_PACE, 100]);
    sim.getState().setSpeed(0);
    await sim.getState().start();
    sim.getState().setSpeed(20);
    await sim.getState().pause();
    expect(paces).toEqual([FULL_SPEED_ANALYSIS_PACE, 100, FULL_SPEED_ANALYSIS_PACE, 100]);
    sim.dispose();
  });
});

describe('simulation store: tasks on a worker of their own', () => {
  it("runs training, gradient flow and memory capacity on the task worker, the panels' analyses on the analysis worker", async () => {
    const doc = bpttXorDoc();
    const calls: string[] = [];
    /** A session that notes each call it computes, with the worker it belongs to. */
    const noted = (worker: AnalysisWorker) =>
      new Proxy(new AnalysisSession(), {
        get(target, key) {
          const f = Reflect.get(target, key) as unknown;
          if (typeof f !== 'function' || key === 'link') return f;
          return (...args: unknown[]) => (calls.push(`${worker}: ${String(key)}`), (f as (...a: unknown[]) => unknown).apply(target, args));
        },
      });
    const made: AnalysisWorker[] = [];
    const sim = createSimulationStore({
      engine: () => localEngineClient(new EngineSession()),
      analysis: (worker) => (made.push(worker), localAnalysisClient(noted(worker))),
      doc: () => doc,
    });
    await sim.getState().step(30);
    const spectrum = await sim.getState().spectrum('rec', 'eig');
    expect(spectrum.ok && Math.max(...Array.from(spectrum.value.re, (re, i) => Math.hypot(re, spectrum.value.im[i])))).toBeCloseTo(0.9, 9);
    const flow = await sim.getState().gradientFlow('flow');
    expect(flow.ok && flow.value.ok && flow.value.flow.length).toBe(50);
    const mc = await sim.getState().memoryCapacity({ node: 'a', maxDelay: 3 });
    expect(mc?.ok && mc.curve.length).toBe(3);
    const trained = await sim.getState().train();
    expect(trained?.ok).toBe(true);
    expect(sim.getState().training?.status).toBe('done');
    const fit = await sim.getState().pca('p', { firstStep: 1, count: 3, width: 2, data: Float64Array.of(0, 0, 1, 2, 2, 4.5) });
    expect(fit.ok && fit.value?.units).toBe(2);
    expect(made).toEqual(['analysis', 'task']);
    expect(calls).toEqual(['analysis: spectrum', 'task: gradientFlow', 'task: memoryCapacity', 'task: train', 'analysis: pca']);
    sim.dispose();
  });
});

/** Typed arrays in a value, deeply: how many elements in all, and the longest. */
function arraysIn(value: unknown, seen = { elements: 0, longest: 0 }): { elements: number; longest: number } {
  if (ArrayBuffer.isView(value)) {
    const n = (value as unknown as { length?: number }).length ?? value.byteLength;
    seen.elements += n;
    seen.longest = Math.max(seen.longest, n);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) arraysIn(v, seen);
  return seen;
}

/** A store whose page side records every value it receives from either worker (replies, results, progress details). */
function spiedStore(session: EngineSession, doc: () => GraphDocument) {
  const received: unknown[] = [];
  const spied = <T extends object>(api: T): T =>
    new Proxy(api, {
      get(target, key) {
        const f = Reflect.get(target, key) as unknown;
        if (typeof f !== 'function') return f;
        return (...args: unknown[]) => {
          const r = (f as (...a: unknown[]) => unknown).apply(target, args);
          return r instanceof Promise ? r.then((v) => (received.push(v), v)) : r;
        };
      },
    });
  const sim = createSimulationStore({
    engine: () => ({ ...localEngineClient(session), api: spied(session) }),
    analysis: () => {
      const client = localAnalysisClient(new AnalysisSession());
      return {
        ...client,
        run: (call, onProgress) => {
          const job = client.run(call, onProgress && ((f, text, detail) => (received.push(detail), onProgress(f, text, detail))));
          job.result.then((v) => received.push(v), () => undefined);
          return job;
        },
      };
    },
    doc,
  });
  return { sim, received };
}

describe('simulation store: matrices go from worker to worker', () => {
  it("the page asks for a measure and receives its result, never the probe's window", async () => {
    const session = new EngineSession();
    const doc = loadPreset('edge-of-chaos');
    const { sim, received } = spiedStore(session, () => doc);
    sim.getState().retain('res', 300);
    for (let k = 0; k < 200; k++) await sim.getState().step(1);
    const width = sim.getState().nodes.find((n) => n.id === 'res')!.size;
    received.length = 0;
    const request = { probe: 'res', window: 300, spec: { measure: 'ais', estimator: 'discrete', k: 2 } as const, locals: false };
    const reply = await sim.getState().measure('p', request);
    expect(reply).toMatchObject({ ok: true, t: 200, steps: 200 });
    const direct = await session.engineLink().measureWindows(request, session.networkVersion);
    expect(direct.ok && 'target' in direct.value && direct.value.target.data.length).toBe(200 * width); // what the page used to carry
    expect(arraysIn(received).longest).toBeLessThanOrEqual(width); // the per-unit averages
    sim.dispose();
  });

  it('the page asks for eigenvalues and ρ and receives them, never the matrix; requests name the network version', async () => {
    const size = 300;
    let current = valid(
      rawDoc(
        [node('res', 'rate', { size, activation: 'tanh', leak: 0.5 })],
        [edge('rec', 'res', 'res', { type: 'normal', mean: 0, std: 1 }, 1, { spectralRadius: 0.9 })],
      ),
    );
    const session = new EngineSession();
    const { sim, received } = spiedStore(session, () => current);
    await sim.getState().step(1);
    const matrix = session.matrixSync('rec')!;
    expect(matrix.format).toBe('dense'); // 90,000 weights
    const spectrum = await sim.getState().spectrum('rec', 'panel:eig');
    expect(spectrum).toMatchObject({ ok: true, version: 1, value: { edge: 'rec', size, complete: true, t: 1 } });
    if (!spectrum.ok) return;
    expect(spectrum.value.radius).toBeCloseTo(spectralRadius(matrix), 9);
    const facts = await sim.getState().edgeFacts('rec', 'inspector:edge-facts');
    expect(facts).toMatchObject({ ok: true, version: 1, value: { rows: size, cols: size, nonzeros: size * size } });
    if (facts.ok) expect(facts.value.radius).toBe(spectralRadius(matrix));
    // the longest array the page saw: a frame of one step (300 values) or the 300 eigenvalues' parts
    const seen = arraysIn(received);
    expect(seen.longest).toBe(size);
    expect(seen.elements).toBeLessThan(4 * size);

    // a live edit: the engine's network is version 2, and so are the requests and results
    const next = structuredClone(current);
    next.edges[0].params.spectralRadius = 0.5;
    current = valid(next);
    sim.getState().documentChanged(current, false);
    await sim.getState().step(1);
    expect(session.networkVersion).toBe(2);
    const after = await sim.getState().edgeFacts('rec', 'inspector:edge-facts');
    expect(after).toMatchObject({ ok: true, version: 2 });
    if (after.ok) expect(after.value.radius).toBeCloseTo(0.5, 10);
    sim.dispose();
  });
});

describe('simulation store: opening a network while another loads', () => {
  it('a load that ends after another network was opened leaves that network loading once, at the version the stepping worker runs', async () => {
    const reservoir = (size: number) =>
      valid(rawDoc([node('res', 'rate', { size, activation: 'tanh', leak: 0.5 })], [edge('rec', 'res', 'res', { type: 'normal', mean: 0, std: 1 }, 1, { spectralRadius: 0.9 })]));
    let current = reservoir(20);
    const session = new EngineSession();
    const load = session.load.bind(session);
    const gates: Array<() => void> = [];
    let loads = 0;
    // every load waits until the test lets it go on: the app's first network still loads when the user opens another
    session.load = async (...args) => {
      loads++;
      await new Promise<void>((go) => gates.push(go));
      return load(...args);
    };
    const sim = createSimulationStore({ engine: () => localEngineClient(session), analysis: () => localAnalysisClient(new AnalysisSession()), doc: () => current });
    const first = sim.getState().step(1);
    await sleep(0);
    current = reservoir(30);
    sim.getState().documentChanged(current, true);
    await sleep(0);
    expect(loads).toBe(2);
    gates.shift()!(); // the first network's load ends (refused: another one is open now)
    expect(await first).toMatchObject({ ok: false });
    const spectrum = sim.getState().spectrum('rec', 'panel:eig');
    await sleep(0);
    for (const go of gates.splice(0)) go();
    expect(await spectrum).toMatchObject({ ok: true, version: session.networkVersion, value: { size: 30, complete: true } });
    expect(loads).toBe(2); // the open network was loaded once
    expect(sim.getState().edges.map((e) => e.rows)).toEqual([30]);
    sim.dispose();
  });
});
