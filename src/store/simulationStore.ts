/**
 * Simulation state seen by the UI, composed of parts with one job each (simulation/):
 * `engineSync` keeps the stepping worker's network in step with the open document, `liveLoop`
 * drives it (Run, Pause, Step, the probe windows), `taskRunner` runs work that leaves it at step
 * 0 (Reset, applying trained weights), `analyses` runs everything long on the analysis workers
 * (eigenvalues, spectral radii, PCA and measures on one; training, memory capacity and gradient
 * flow on a task worker of their own) so stepping, and the panels' analyses, never wait for
 * them. This store only talks to the workers' clients. The zustand state changes only
 * when the status, speed, seed, network or an analysis's progress changes; the hot values live
 * in `live`.
 */
import { create } from 'zustand';
import { validateDocument, type GraphDocument, type ValidationResult } from '../model/index.ts';
import type { EngineClient } from '../engine/worker/client.ts';
import type { AnalysisClient, AnalysisWorker } from '../engine/worker/analysis-client.ts';
import { LiveData } from './probeWindow.ts';
import { createAnalysisRunner, type AnalysisOutcome } from './simulation/analyses.ts';
import { createEngineSync } from './simulation/engineSync.ts';
import { createLiveLoop } from './simulation/liveLoop.ts';
import { createTaskRunner } from './simulation/taskRunner.ts';
import { createTraining } from './simulation/training.ts';
import { atFullSpeed, DEFAULT_SPEED, DEFAULT_WINDOW, FULL_SPEED_ANALYSIS_PACE, type SimulationCore, type SimulationState } from './simulation/types.ts';

export { SPEEDS, DEFAULT_SPEED, DEFAULT_WINDOW, FULL_SPEED_ANALYSIS_PACE, atFullSpeed, summarizeFrame } from './simulation/types.ts';
export type { EdgeFactsView, FrameSummary, RunOutcome, SimulationState, SimulationStatus, TrainingView } from './simulation/types.ts';
export type { AnalysisOutcome, AnalysisProgress } from './simulation/analyses.ts';

function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

export interface SimulationStoreOptions {
  /** Makes the stepping worker's client (called once, on first use). */
  engine: () => EngineClient;
  /**
   * Makes the client of an analysis worker: the analysis worker's, or the task worker's
   * (training, memory capacity, gradient flow); each on its first job, and again after `dispose`.
   */
  analysis: (worker: AnalysisWorker) => AnalysisClient;
  /** The open document. */
  doc: () => GraphDocument;
  /** A document validated (the app passes the document store's `checked`, so an edit is validated once; default: validateDocument). */
  checked?: (doc: GraphDocument) => ValidationResult;
  /** Told the new seed after Reseed (the app writes it into the document, so a share link reproduces the run). */
  onReseed?: (seed: number) => void;
}

/** A failed outcome as a task reply, or null when it was cancelled. */
function taskFailure(out: Extract<AnalysisOutcome<unknown>, { ok: false }>): { ok: false; error: string } | null {
  return out.cancelled ? null : { ok: false, error: out.error };
}

export function createSimulationStore(options: SimulationStoreOptions) {
  let client: EngineClient | null = null;
  const live = new LiveData();
  let endAnalyses = () => undefined as void;
  let paceAnalyses = (_percent: number) => undefined as void;

  const store = create<SimulationState>()((set, get) => {
    /** The stepping worker's client; a new one gives the analysis worker a new link to it. */
    const engineClient = (): EngineClient => {
      if (!client) {
        client = options.engine();
        analyses.link(() => engineClient().link());
      }
      return client;
    };
    const core: SimulationCore = {
      get,
      set,
      api() {
        const c = engineClient();
        if (get().engineMode === null) set({ engineMode: c.mode });
        return c.api;
      },
      callback(fn) {
        return engineClient().callback(fn);
      },
      transfer(value, buffers) {
        client ??= options.engine();
        return client.transfer(value, buffers);
      },
      live,
      doc: options.doc,
      checked: options.checked ?? ((doc) => validateDocument(doc)),
      generation: 0,
      version: 0,
      changed() {
        core.version++;
        set({ version: core.version });
      },
      fail(error) {
        set({ status: 'error', error });
        return { ok: false, error };
      },
    };
    const analyses = createAnalysisRunner(core, options.analysis);
    endAnalyses = analyses.dispose;
    paceAnalyses = analyses.pace;
    const engine = createEngineSync(core, () => loop.resubscribe());
    const loop = createLiveLoop(core, engine);
    const tasks = createTaskRunner(core, engine, loop, () => undefined);
    /** The document (validated) and seed the engine runs, for analyses that simulate a copy of it. */
    const running = () => {
      const valid = core.checked(options.doc());
      const doc = valid.ok ? valid.doc : options.doc();
      return { doc, seed: get().seed ?? doc.seed };
    };
    const training = createTraining(core, engine, analyses, tasks, running);

    return {
      engineMode: null,
      status: 'idle',
      speed: DEFAULT_SPEED,
      seed: null,
      window: DEFAULT_WINDOW,
      nodes: [],
      edges: [],
      frame: null,
      divergence: null,
      error: null,
      notice: null,
      version: 0,
      schedule: [],
      loading: null,
      loadsCancelled: 0,
      analyses: {},
      training: null,

      start: loop.start,
      pause: loop.stop,
      step: (n = 1) => loop.step(n),

      async reset(seed) {
        await tasks.run(async () => {
          const r = await core.api().reset(seed ?? get().seed ?? undefined);
          set({ seed: r.seed, error: null });
        });
      },

      async reseed() {
        const seed = newSeed();
        await get().reset(seed);
        if (get().seed === seed) options.onReseed?.(seed);
      },

      async runFromSeed(steps) {
        await get().reset(options.doc().seed);
        if (get().status === 'error') return { ok: false, error: get().error ?? 'cannot run' };
        return get().step(steps);
      },

      setSpeed: (speed) => set({ speed: Math.max(0, speed) }),
      setWindow: (steps) => set({ window: Math.max(10, Math.floor(steps)) }),

      subscribe: (probe, window = get().window) => loop.subscribe(probe, window),
      retain: loop.retain,
      project: loop.project,
      projectedFit: loop.projectedFit,
      cancelAnalysis: (key) => analyses.cancel(key),

      async measure(key, request) {
        const gen = core.generation;
        if (!engine.loaded()) return null;
        const version = core.version;
        const out = await analyses.run(`measure:${key}`, null, (a, job) => a.measure(request, version, job));
        if (gen !== core.generation) return null;
        return out.ok ? out.value : taskFailure(out);
      },

      async weights(edge, max) {
        if (!(await engine.ensure())) return null;
        return core.api().weights(edge, max);
      },

      async spectrum(edge, key) {
        if (!(await engine.ensure())) return { ok: false, error: get().error ?? 'the network cannot run' };
        const info = get().edges.find((e) => e.id === edge);
        if (!info) return { ok: false, error: `no edge "${edge}"` };
        const what = `Eigenvalues of ${edge} (${info.rows.toLocaleString('en')} units)`;
        const version = core.version;
        return analyses.run(key, what, (a, job) => a.spectrum({ edge, version }, job));
      },

      async edgeFacts(edge, key) {
        if (!(await engine.ensure())) return { ok: false, error: get().error ?? 'the network cannot run' };
        const facts = await core.api().edgeFacts(edge);
        if (!facts) return { ok: false, error: `no edge "${edge}"` };
        if (facts.rows !== facts.cols) return { ok: true, value: { ...facts, radius: null }, version: core.version };
        const version = core.version;
        const what = `Spectral radius of ${edge} (${facts.rows.toLocaleString('en')} units)`;
        const out = await analyses.run(key, what, (a, job) => a.spectralRadius({ edge, version }, job));
        if (out.ok) return { ...out, value: { ...facts, radius: out.value } };
        return out.cancelled ? { ok: true, value: { ...facts, radius: null, radiusCancelled: true }, version } : out;
      },

      pca: (key, samples) => analyses.run(key, null, (a, job, transfer) => a.pca(transfer(samples), job)),

      ...training,

      async trainedWeights() {
        if (!engine.loaded()) return null;
        const weights = await core.api().trainedWeights();
        return weights && { seed: running().seed, weights };
      },

      async memoryCapacity(request) {
        if (!(await engine.ensure())) return { ok: false, error: get().error ?? 'the network cannot run' };
        const { doc, seed } = running();
        const out = await analyses.run('memory-capacity', `Memory capacity of ${request.node}`, (a, job) => a.memoryCapacity(doc, seed, request, job), { worker: 'task' });
        return out.ok ? out.value : taskFailure(out);
      },

      documentChanged(doc, opened) {
        if (!opened && engine.loaded()) {
          engine.edited(doc);
          return;
        }
        core.generation++;
        analyses.cancelAll();
        engine.forget();
        void loop.stop();
        live.reset();
        set({ status: 'idle', frame: null, divergence: null, error: null, notice: null, nodes: [], edges: [], schedule: [], seed: doc.seed, training: null });
        void engine.ensure();
      },
    };
  });

  // Analyses yield to stepping while the network runs at full speed.
  store.subscribe((s, prev) => {
    if (atFullSpeed(s) !== atFullSpeed(prev)) paceAnalyses(atFullSpeed(s) ? FULL_SPEED_ANALYSIS_PACE : 100);
  });

  return Object.assign(store, {
    /** The live windows and step counter (read by panels when they draw). */
    live,
    /** Ends the workers. */
    dispose() {
      endAnalyses();
      client?.dispose();
      client = null;
    },
  });
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
