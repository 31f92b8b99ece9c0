/**
 * Turns on the analysis worker (analysis-session.ts, job.ts Pacer) with the sessions linked over
 * a real MessageChannel, as the page sets them up: the leading eigenvalues of an edge above
 * ALL_EIGENVALUES_LIMIT (Arnoldi) and the inspector's spectral radius rest between their slices
 * (an implicit restart, a block), so a PCA fit and a windowed measure asked for meanwhile finish
 * first; a cancel stops them at the next slice.
 */
import { describe, expect, it } from 'vitest';
import { channelsClosedAfterEach } from '../../test-support/channels.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { ALL_EIGENVALUES_LIMIT, leadingEigenvalues, spectralRadius } from '../linalg/index.ts';
import { AnalysisSession } from './analysis-session.ts';
import { LEADING_EIGENVALUES, type SampleWindow } from './analysis-protocol.ts';
import { newStopFlag, type JobHandle } from './job.ts';
import type { MeasureRequest } from './protocol.ts';
import { EngineSession } from './session.ts';

/** Units of the reservoir: above the size for all eigenvalues. */
const N = 1600;

/** A 1,600-unit reservoir (1 % connectivity, ρ 0.9) driven by a sine. */
function bigReservoir() {
  return valid(
    rawDoc(
      [node('u', 'input', { size: 1, signal: { type: 'sine', amplitude: 1, period: 20 } }), node('res', 'rate', { size: N, activation: 'tanh', leak: 0.5 }, 200)],
      [edge('in', 'u', 'res', { type: 'uniform', low: -0.5, high: 0.5 }), edge('rec', 'res', 'res', { type: 'normal', mean: 0, std: 1 }, 1, { connectivity: 0.01, spectralRadius: 0.9 })],
    ),
  );
}

const openChannel = channelsClosedAfterEach();

/** The stepping session (with 60 steps of a retained window of `res`) and the analysis session, linked. */
async function linked() {
  expect(N).toBeGreaterThan(ALL_EIGENVALUES_LIMIT);
  const engine = new EngineSession();
  expect((await engine.load(bigReservoir())).ok).toBe(true);
  await engine.retain([{ probe: 'res', window: 40 }]);
  engine.advanceSync(60);
  const analysis = new AnalysisSession();
  const channel = openChannel();
  await engine.link(channel.port1);
  await analysis.link(channel.port2);
  return { engine, analysis };
}

const measureRequest: MeasureRequest = { probe: 'res', window: 40, spec: { measure: 'ais', estimator: 'discrete', k: 2 }, units: [0, 1, 2] };

/** 30 samples of 5 units on a plane (PC1 along (1, 1, 0, 0, 0)). */
const samples: SampleWindow = {
  firstStep: 0,
  count: 30,
  width: 5,
  data: Float64Array.from({ length: 150 }, (_, k) => {
    const t = Math.floor(k / 5);
    const j = k % 5;
    return j < 2 ? t : j === 2 ? Math.sin(t) : 0;
  }),
};

/** A job handle whose first progress report (the job has the turn and starts) calls `onStart`. */
function jobStarting(onStart: () => void) {
  const flag = newStopFlag();
  let started = false;
  const handle: JobHandle = {
    stop: flag.buffer,
    progress: () => {
      if (started) return;
      started = true;
      onStart();
    },
  };
  return { handle, flag };
}

describe('the analysis worker takes turns with Arnoldi and the spectral radius', () => {
  it('a PCA fit and a measure asked for while the leading eigenvalues are computed finish before them; the eigenvalues are those of the synchronous Arnoldi', async () => {
    const { engine, analysis } = await linked();
    const version = engine.networkVersion;
    const order: string[] = [];
    let others: Promise<unknown>[] = [];
    const { handle } = jobStarting(() => {
      others = [
        analysis.pca(samples).then((fit) => (order.push('pca'), fit)),
        analysis.measure(measureRequest, version).then((reply) => (order.push('measure'), reply)),
      ];
    });
    const spectrum = await analysis.spectrum({ edge: 'rec', version }, handle).then((s) => (order.push('eigenvalues'), s));
    const [fit, measured] = await Promise.all(others);
    expect(order).toEqual(['pca', 'measure', 'eigenvalues']);
    expect(fit).toMatchObject({ units: 5 });
    expect(measured).toMatchObject({ ok: true, steps: 40 });
    const alone = leadingEigenvalues(engine.matrixSync('rec')!, LEADING_EIGENVALUES);
    expect(spectrum).toMatchObject({ complete: false, size: N });
    expect(Array.from(spectrum.re)).toEqual(Array.from(alone.re));
    expect(Array.from(spectrum.im)).toEqual(Array.from(alone.im));
    expect(spectrum.radius).toBeCloseTo(0.9, 6);
  }, 120_000);

  it("a PCA fit and a measure asked for while the inspector's spectral radius is computed finish before it; the radius is spectralRadius's", async () => {
    const { engine, analysis } = await linked();
    const version = engine.networkVersion;
    const order: string[] = [];
    let others: Promise<unknown>[] = [];
    const { handle } = jobStarting(() => {
      others = [analysis.measure(measureRequest, version).then(() => order.push('measure')), analysis.pca(samples).then(() => order.push('pca'))];
    });
    const radius = await analysis.spectralRadius({ edge: 'rec', version }, handle).then((r) => (order.push('radius'), r));
    await Promise.all(others);
    expect(order.at(-1)).toBe('radius');
    expect(order).toHaveLength(3);
    expect(radius).toBe(spectralRadius(engine.matrixSync('rec')!));
    expect(radius).toBeCloseTo(0.9, 6);
  }, 120_000);

  it('a cancel stops the leading eigenvalues and the radius mid-way (after a PCA fit took its turn), and the next job runs', async () => {
    const { engine, analysis } = await linked();
    const version = engine.networkVersion;
    for (const ask of [(h: JobHandle) => analysis.spectrum({ edge: 'rec', version }, h), (h: JobHandle) => analysis.spectralRadius({ edge: 'rec', version }, h)]) {
      let fitted: Promise<unknown> = Promise.resolve();
      const job = jobStarting(() => {
        // the fit runs in the first rest; the cancel is seen at the next slice boundary
        fitted = analysis.pca(samples).then(() => job.flag.raise());
      });
      await expect(ask(job.handle)).rejects.toMatchObject({ name: 'AbortError' });
      await fitted;
    }
    expect(await analysis.pca(samples)).toMatchObject({ units: 5 });
  }, 120_000);
});
