/**
 * Simulation state seen by the UI, composed of parts with one job each (simulation/):
 * `engineSync` keeps the engine's network in step with the open document, `liveLoop` drives it
 * (Run, Pause, Step, the probe windows), `taskRunner` runs work that leaves it at step 0 (Reset,
 * Train, Memory capacity). The engine lives in a worker (or in the page as a fallback); this
 * store only talks to its client. The zustand state changes only when the status, speed, seed
 * or network changes; the hot values live in `live`.
 */
import { create } from 'zustand';
import type { GraphDocument } from '../model/index.ts';
import type { EngineClient } from '../engine/worker/client.ts';
import type { MeasureRequest } from '../engine/worker/protocol.ts';
import { createMeasureQueue } from './measureQueue.ts';
import { LiveData } from './probeWindow.ts';
import { createEngineSync } from './simulation/engineSync.ts';
import { createLiveLoop } from './simulation/liveLoop.ts';
import { createTaskRunner } from './simulation/taskRunner.ts';
import { DEFAULT_SPEED, DEFAULT_WINDOW, type SimulationCore, type SimulationState } from './simulation/types.ts';

export { SPEEDS, DEFAULT_SPEED, DEFAULT_WINDOW, summarizeFrame } from './simulation/types.ts';
export type { FrameSummary, RunOutcome, SimulationState, SimulationStatus } from './simulation/types.ts';

function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

export interface SimulationStoreOptions {
  /** Makes the engine client (called once, on first use). */
  engine: () => EngineClient;
  /** The open document. */
  doc: () => GraphDocument;
  /** Told the new seed after Reseed (the app writes it into the document, so a share link reproduces the run). */
  onReseed?: (seed: number) => void;
}

export function createSimulationStore(options: SimulationStoreOptions) {
  let client: EngineClient | null = null;
  const live = new LiveData();

  const store = create<SimulationState>()((set, get) => {
    const core: SimulationCore = {
      get,
      set,
      api() {
        client ??= options.engine();
        if (get().engineMode === null) set({ engineMode: client.mode });
        return client.api;
      },
      live,
      doc: options.doc,
      generation: 0,
      fail(error) {
        set({ status: 'error', error });
        return { ok: false, error };
      },
    };
    const measures = createMeasureQueue((request: MeasureRequest) => core.api().measure(request));
    const engine = createEngineSync(core, () => loop.resubscribe());
    const loop = createLiveLoop(core, engine);
    const tasks = createTaskRunner(core, engine, loop, () => measures.clear());

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

      async measure(key, request) {
        const gen = core.generation;
        if (!engine.loaded()) return null;
        const reply = await measures.request(key, request);
        return gen === core.generation ? reply : null;
      },

      async weights(edge, max) {
        if (!(await engine.ensure())) return null;
        return core.api().weights(edge, max);
      },

      async spectrum(edge) {
        if (!(await engine.ensure())) return null;
        return core.api().spectrum(edge);
      },

      train: () => tasks.run(() => core.api().train()),
      memoryCapacity: (request) => tasks.run(() => core.api().memoryCapacity(request)),

      documentChanged(doc, opened) {
        if (!opened && engine.loaded()) {
          engine.edited(doc);
          return;
        }
        core.generation++;
        measures.clear();
        engine.forget();
        void loop.stop();
        live.reset();
        set({ status: 'idle', frame: null, divergence: null, error: null, notice: null, nodes: [], edges: [], seed: doc.seed });
        void engine.ensure();
      },
    };
  });

  return Object.assign(store, {
    /** The live windows and step counter (read by panels when they draw). */
    live,
    /** Ends the engine (its worker). */
    dispose() {
      client?.dispose();
      client = null;
    },
  });
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
