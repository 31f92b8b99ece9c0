/**
 * The analysis runner without a worker or a page: a newer run under a key supersedes the older
 * one, every result carries the network version it was computed on, labelled runs show their
 * progress until they end, Cancel ends a run, and a failure is a message; runs on the task worker
 * (training) never hold the analysis worker's runs (a PCA fit) back.
 */
import { describe, expect, it } from 'vitest';
import { localAnalysisClient, type AnalysisWorker } from '../../engine/worker/analysis-client.ts';
import type { AnalysisApi, SampleWindow, TrainOutcome } from '../../engine/worker/analysis-protocol.ts';
import { AnalysisSession } from '../../engine/worker/analysis-session.ts';
import { Pacer, pacedJob, type JobHandle } from '../../engine/worker/job.ts';
import type { GraphDocument } from '../../model/index.ts';
import { bpttXorDoc } from '../../test-support/docs.ts';
import { StaleNetworkError, type EngineLink } from '../../engine/worker/engine-link.ts';
import { createAnalysisRunner } from './analyses.ts';
import type { SimulationCore, SimulationState } from './types.ts';

/** A promise settled by the test. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** The part of the simulation core the runner uses: its state's `analyses` and the network version. */
function core() {
  let state = { analyses: {} } as unknown as SimulationState;
  const c = { get: () => state, set: (p: Partial<SimulationState>) => (state = { ...state, ...p }), version: 1 };
  return c as typeof c & SimulationCore;
}

/**
 * An analysis worker's session whose training first holds the worker's turn until `gate` opens, as
 * a long training holds the worker it runs on (its turns: job.ts, Pacer), then trains.
 */
class HeldTraining extends AnalysisSession {
  constructor(
    private readonly gate: Promise<void>,
    private readonly turns = new Pacer(),
  ) {
    super(turns);
  }

  override async train(doc: GraphDocument, seed: number, handle?: JobHandle): Promise<TrainOutcome> {
    await pacedJob(this.turns, handle, () => this.gate);
    return super.train(doc, seed, handle);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const report = (job: JobHandle, fraction: number, text?: string) => (job.progress as (f: number, t?: string) => void)(fraction, text);
const api = {} as AnalysisApi;

describe('analysis runner', () => {
  it('gives the value with the network version the run started on, though the network changed meanwhile', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const d = deferred<number>();
    const outcome = runner.run('rho', null, () => d.promise);
    c.version = 2;
    d.resolve(0.95);
    expect(await outcome).toEqual({ ok: true, value: 0.95, version: 1 });
    expect(await runner.run('rho', null, async () => 1.1)).toEqual({ ok: true, value: 1.1, version: 2 });
  });

  it('a newer run under the same key cancels the older; other keys run on', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const first = deferred<string>();
    const other = deferred<string>();
    const older = runner.run('eig', 'Eigenvalues', () => first.promise);
    const elsewhere = runner.run('pca', null, () => other.promise);
    const newer = runner.run('eig', 'Eigenvalues', async () => 'second');
    expect(await older).toEqual({ ok: false, cancelled: true });
    first.resolve('first, too late');
    expect(await newer).toEqual({ ok: true, value: 'second', version: 1 });
    other.resolve('pca');
    expect(await elsewhere).toEqual({ ok: true, value: 'pca', version: 1 });
  });

  it('shows a labelled run with its progress until it ends; Cancel ends it', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const d = deferred<number>();
    let handle: JobHandle | null = null;
    const outcome = runner.run('eig', 'Eigenvalues', (_api, job) => ((handle = job), d.promise));
    expect(c.get().analyses.eig).toMatchObject({ label: 'Eigenvalues', fraction: 0, text: null });
    report(handle!, 0.4, 'all 1,000 eigenvalues');
    expect(c.get().analyses.eig).toMatchObject({ fraction: 0.4, text: 'all 1,000 eigenvalues' });
    report(handle!, 0.6);
    expect(c.get().analyses.eig).toMatchObject({ fraction: 0.6, text: 'all 1,000 eigenvalues' });
    runner.cancel('eig');
    expect(await outcome).toEqual({ ok: false, cancelled: true });
    expect(c.get().analyses).toEqual({});
  });

  it('a failing run is a message, and its progress is gone', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const outcome = await runner.run('mc', 'Memory capacity', async () => {
      throw new Error('the network diverged at step 12');
    });
    expect(outcome).toEqual({ ok: false, error: 'the network diverged at step 12' });
    expect(c.get().analyses).toEqual({});
  });

  it('a run for a network the stepping worker no longer runs fails as stale, with the message', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const outcome = await runner.run('eig', 'Eigenvalues', async () => {
      throw new StaleNetworkError('the network changed since this was asked (version 1, now 2); ask again');
    });
    expect(outcome).toEqual({ ok: false, stale: true, error: 'the network changed since this was asked (version 1, now 2); ask again' });
  });

  it('links each analysis client it makes to the engine, and again when asked (a new stepping worker)', async () => {
    const c = core();
    const linked: string[] = [];
    let endpoints = 0;
    const linkable = { ...api, link: async (e: unknown) => void linked.push(String((e as { name: string }).name)) } as AnalysisApi;
    const runner = createAnalysisRunner(c, () => localAnalysisClient(linkable));
    runner.link(() => ({ name: `engine ${++endpoints}` }) as unknown as EngineLink);
    expect(linked).toEqual([]); // no worker yet
    await runner.run('a', null, async () => 1);
    expect(linked).toEqual(['engine 1']);
    await runner.run('a', null, async () => 2);
    runner.link(() => ({ name: `new engine ${++endpoints}` }) as unknown as EngineLink);
    expect(linked).toEqual(['engine 1', 'new engine 2']);
    runner.dispose();
    await runner.run('a', null, async () => 3); // a fresh analysis client (a new worker) is linked before its first job
    expect(linked).toEqual(['engine 1', 'new engine 2', 'new engine 3']);
  });

  it('cancelAll ends every run', async () => {
    const c = core();
    const runner = createAnalysisRunner(c, () => localAnalysisClient(api));
    const runs = ['a', 'b'].map((key) => runner.run(key, key, () => deferred<number>().promise));
    runner.cancelAll();
    expect(await Promise.all(runs)).toEqual([
      { ok: false, cancelled: true },
      { ok: false, cancelled: true },
    ]);
    expect(c.get().analyses).toEqual({});
  });

  it('a PCA fit asked for while a training holds its worker comes first, with its value; the training then ends with its own', async () => {
    const c = core();
    const gate = deferred<void>();
    const made: AnalysisWorker[] = [];
    const runner = createAnalysisRunner(c, (worker) => (made.push(worker), localAnalysisClient(new HeldTraining(gate.promise))));
    const doc = bpttXorDoc();
    const ended: string[] = [];
    const training = runner.run('train', 'Training', (a, job) => a.train(doc, doc.seed, job), { worker: 'task' }).then((o) => (ended.push('train'), o));
    // four steps of two units, mean 0: variance 0.5 along unit 1 and 0.125 along unit 2, no covariance
    const samples: SampleWindow = { firstStep: 1, count: 4, width: 2, data: Float64Array.of(1, 0, -1, 0, 0, 0.5, 0, -0.5) };
    const fit = runner.run('pca', null, (a, job) => a.pca(samples, job)).then((o) => (ended.push('pca'), o));
    // the fit does not wait for the training (on one worker it would, until the gate opens)
    await Promise.race([fit, sleep(2000)]);
    expect(ended).toEqual(['pca']);
    expect(c.get().analyses.train).toMatchObject({ label: 'Training' });
    gate.resolve();
    const [trained, pca] = await Promise.all([training, fit]);
    expect(made).toEqual(['task', 'analysis']);
    expect(pca.ok).toBe(true);
    if (!pca.ok) return;
    expect(pca.value!.units).toBe(2);
    expect(Array.from(pca.value!.mean)).toEqual([0, 0]);
    expect(Math.abs(pca.value!.axes[0])).toBeCloseTo(1, 12);
    expect(pca.value!.axes[1]).toBeCloseTo(0, 12);
    expect(pca.value!.axes[2]).toBeCloseTo(0, 12);
    expect(Math.abs(pca.value!.axes[3])).toBeCloseTo(1, 12);
    expect(pca.value!.explained[0]).toBeCloseTo(0.8, 12);
    expect(pca.value!.explained[1]).toBeCloseTo(0.2, 12);
    // the training's outcome is the one the session gives alone
    expect(trained.ok).toBe(true);
    if (!trained.ok) return;
    const alone = await new AnalysisSession().train(doc, doc.seed);
    expect(trained.value.reply).toEqual(alone.reply);
    expect(trained.value.reply.ok).toBe(true);
  });

  it('links only the analysis worker to the engine; the pace reaches both workers, made before it or after', async () => {
    const c = core();
    const linked: AnalysisWorker[] = [];
    const paces: [AnalysisWorker, number][] = [];
    const runner = createAnalysisRunner(c, (worker) => {
      const client = localAnalysisClient({ ...api, link: async () => void linked.push(worker) });
      return { ...client, pace: (p: number) => (paces.push([worker, p]), client.pace(p)) };
    });
    runner.link(() => ({}) as unknown as EngineLink);
    runner.pace(25);
    await runner.run('a', null, async () => 1);
    runner.pace(100);
    await runner.run('t', null, async () => 2, { worker: 'task' });
    runner.pace(25);
    runner.link(() => ({}) as unknown as EngineLink);
    expect(linked).toEqual(['analysis', 'analysis']);
    expect(paces).toEqual([
      ['analysis', 25],
      ['analysis', 100],
      ['task', 100],
      ['analysis', 25],
      ['task', 25],
    ]);
  });
});
