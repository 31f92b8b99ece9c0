/**
 * The link between the workers (engine-link.ts) over a real MessageChannel, as the page sets it
 * up: the stepping session serves one port, the analysis session fetches on the other.
 */
import { describe, expect, it } from 'vitest';
import { channelsClosedAfterEach } from '../../test-support/channels.ts';
import { rawDoc, node, edge, valid } from '../../test-support/docs.ts';
import { csrToDense, eigenvalues, isCsr, spectralRadius } from '../linalg/index.ts';
import { AnalysisSession } from './analysis-session.ts';
import { LinkedEngine, StaleNetworkError, type EngineLink, type Fetched, type MatrixAt } from './engine-link.ts';
import { newStopFlag, type JobHandle } from './job.ts';
import { measureOn } from './measure-requests.ts';
import type { MeasureRequest } from './protocol.ts';
import { EngineSession } from './session.ts';

/** A 60-unit sparse reservoir driven by a sine, ρ = 0.9. */
function reservoirDoc(rho = 0.9) {
  return valid(
    rawDoc(
      [node('u', 'input', { size: 1, signal: { type: 'sine', amplitude: 1, period: 20 } }), node('res', 'rate', { size: 60, activation: 'tanh', leak: 0.5 }, 200)],
      [edge('in', 'u', 'res', { type: 'uniform', low: -0.5, high: 0.5 }), edge('rec', 'res', 'res', { type: 'normal', mean: 0, std: 1 }, 1, { connectivity: 0.2, spectralRadius: rho })],
    ),
  );
}

const openChannel = channelsClosedAfterEach();

/** A stepping session and an analysis session linked over a fresh MessageChannel. */
async function linked() {
  const engine = new EngineSession();
  expect((await engine.load(reservoirDoc())).ok).toBe(true);
  const analysis = new AnalysisSession();
  const channel = openChannel();
  await engine.link(channel.port1);
  await analysis.link(channel.port2);
  return { engine, analysis };
}

const aisRequest: MeasureRequest = { probe: 'res', window: 40, spec: { measure: 'ais', estimator: 'discrete', k: 2 }, units: [0, 1, 2] };

describe('the link between the workers, over a MessageChannel', () => {
  it("answers a spectrum and a radius request with the stepping session's own matrix and step", async () => {
    const { engine, analysis } = await linked();
    engine.advanceSync(7);
    const m = engine.matrixSync('rec')!;
    const dense = isCsr(m) ? csrToDense(m) : m;
    const s = await analysis.spectrum({ edge: 'rec', version: engine.networkVersion });
    expect(s).toMatchObject({ edge: 'rec', size: 60, complete: true, t: 7 });
    expect(Array.from(s.re)).toEqual(Array.from(eigenvalues(dense).re));
    expect(await analysis.spectralRadius({ edge: 'rec', version: 1 })).toBe(spectralRadius(m));
    expect(s.radius).toBeCloseTo(0.9, 10);
    await expect(analysis.spectralRadius({ edge: 'nope', version: 1 })).rejects.toThrow('no edge "nope"');
  });

  it("measures the stepping session's retained window exactly as a measure in its own thread", async () => {
    const { engine, analysis } = await linked();
    expect(await analysis.measure(aisRequest, 1)).toMatchObject({ ok: false, waiting: true }); // nothing retained yet
    await engine.retain([{ probe: 'res', window: 40 }]);
    engine.advanceSync(55);
    const reply = await analysis.measure(aisRequest, 1);
    const direct = await engine.engineLink().measureWindows(aisRequest, 1);
    if (!direct.ok || !('target' in direct.value)) throw new Error('no windows');
    const expected = measureOn(direct.value, aisRequest);
    expect(reply.ok && expected.ok).toBe(true);
    if (!reply.ok || !expected.ok) return;
    expect(reply).toMatchObject({ t: 55, firstStep: 16, steps: 40 });
    expect(Array.from(reply.averages)).toEqual(Array.from(expected.averages));
  });

  it('refuses a request for another network version with a clear message, and answers the new one', async () => {
    const { engine, analysis } = await linked();
    expect(engine.networkVersion).toBe(1);
    const edited = reservoirDoc(0.5);
    expect(await engine.update(edited, 4)).toMatchObject({ ok: true, change: 'params' });
    expect(engine.networkVersion).toBe(4);
    const stale = analysis.spectralRadius({ edge: 'rec', version: 1 });
    await expect(stale).rejects.toBeInstanceOf(StaleNetworkError);
    await expect(stale).rejects.toThrow('the network changed since this was asked (version 1, now 4); ask again');
    expect(await analysis.measure(aisRequest, 1)).toMatchObject({ ok: false, waiting: true, error: expect.stringContaining('version 1, now 4') });
    expect(await analysis.spectralRadius({ edge: 'rec', version: 4 })).toBeCloseTo(0.5, 10);
    // an edit that changes nothing the simulation uses keeps the version
    expect(await engine.update(edited, 5)).toMatchObject({ ok: true, change: 'none' });
    expect(engine.networkVersion).toBe(4);
  });

  it('after the stepping worker is started afresh, a new port serves the new engine and the old one is closed', async () => {
    const { engine, analysis } = await linked();
    const fresh = new EngineSession();
    expect((await fresh.load(reservoirDoc(0.7), undefined, 9)).ok).toBe(true);
    const channel = openChannel();
    await fresh.link(channel.port1);
    await analysis.link(channel.port2);
    expect(await analysis.spectralRadius({ edge: 'rec', version: 9 })).toBeCloseTo(0.7, 10);
    await expect(analysis.spectralRadius({ edge: 'rec', version: 1 })).rejects.toBeInstanceOf(StaleNetworkError);
    // the old engine takes a new port too (the page's next channel), closing its previous one
    const again = openChannel();
    await engine.link(again.port1);
    await analysis.link(again.port2);
    expect(await analysis.spectralRadius({ edge: 'rec', version: 1 })).toBeCloseTo(0.9, 10);
  });
});

/** A link whose matrix replies wait until released (a stepping worker busy with a batch). */
function heldLink(engine: EngineSession) {
  const direct = engine.engineLink();
  const held: (() => void)[] = [];
  let asked = 0;
  const link: EngineLink = {
    matrix: (edgeId, version) => {
      asked++;
      return new Promise<Fetched<MatrixAt>>((resolve) => held.push(() => void direct.matrix(edgeId, version).then(resolve)));
    },
    measureWindows: (request, version) => direct.measureWindows(request, version),
  };
  return { link, held, asked: () => asked };
}

describe('the link: cancel and restart while a fetch waits', () => {
  it('a job cancelled while its matrix is on the way computes nothing and ends cancelled', async () => {
    const engine = new EngineSession();
    await engine.load(reservoirDoc());
    const analysis = new AnalysisSession();
    const { link, held } = heldLink(engine);
    await analysis.link(link);
    const flag = newStopFlag();
    const reports: number[] = [];
    const job: JobHandle = { stop: flag.buffer, progress: (f) => reports.push(f) };
    const result = analysis.spectrum({ edge: 'rec', version: 1 }, job);
    await Promise.resolve();
    expect(held).toHaveLength(1);
    flag.raise();
    held[0]();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toEqual([]); // the eigenvalues never started
    // a job stopped before it asks does not ask at all
    const before = heldLink(engine);
    await analysis.link(before.link);
    await expect(analysis.spectrum({ edge: 'rec', version: 1 }, job)).rejects.toMatchObject({ name: 'AbortError' });
    expect(before.asked()).toBe(0);
  });

  it('a fetch waiting on an engine that was replaced fails with a clear message; the next goes to the new engine', async () => {
    const engine = new EngineSession();
    await engine.load(reservoirDoc());
    const analysis = new AnalysisSession();
    const { link } = heldLink(engine);
    await analysis.link(link);
    const waiting = analysis.spectralRadius({ edge: 'rec', version: 1 });
    await analysis.link(engine.engineLink());
    await expect(waiting).rejects.toThrow('the engine was restarted while this analysis fetched its data; ask again');
    expect(await analysis.spectralRadius({ edge: 'rec', version: 1 })).toBeCloseTo(0.9, 10);
  });

  it('without a link a request says so', async () => {
    await expect(new AnalysisSession().spectralRadius({ edge: 'rec', version: 1 })).rejects.toThrow('the analysis worker has no link to the engine');
    const closed = new LinkedEngine();
    closed.close();
    await expect(closed.matrix('rec', 1)).rejects.toThrow('no link to the engine');
  });

  it('an engine with no network loaded says so', async () => {
    const analysis = new AnalysisSession();
    await analysis.link(new EngineSession().engineLink());
    await expect(analysis.spectrum({ edge: 'rec', version: 0 })).rejects.toThrow('no network is loaded');
  });
});
