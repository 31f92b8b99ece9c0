/**
 * Simulation state seen by the UI, and the live loop that drives the engine.
 *
 * The engine lives in a worker (or in the page as a fallback); this store only talks to its
 * client. Running is a loop of `advance(speed)` calls, one per animation frame; each frame's new
 * probe samples go into `live` (ring-buffer windows, see probeWindow.ts), which panels read when
 * they draw. Hot values (the current step, steps/s, samples) live in `live`, never in the
 * zustand state, so a running network does not re-render React; the zustand state changes only
 * when the status, speed, seed or network changes.
 *
 * Edits of the open document reach the running network through `documentChanged`: parameter
 * changes are patched in at the next step, structural ones recompile keeping state
 * (engine/live-update.ts), and the notice says which happened.
 */
import { create } from 'zustand';
import type { GraphDocument } from '../model/index.ts';
import { formatIssue } from '../model/index.ts';
import type { EngineClient } from '../engine/worker/client.ts';
import type {
  EdgeInfo,
  Frame,
  MeasureReply,
  MeasureRequest,
  MemoryCapacityReply,
  MemoryCapacityRequest,
  NodeInfo,
  SpectrumSnapshot,
  TrainReply,
  WeightsSnapshot,
} from '../engine/worker/protocol.ts';
import { createMeasureQueue } from './measureQueue.ts';
import { LiveData } from './probeWindow.ts';
import { changesSimulation } from './simulationRelevant.ts';
import { addSubscriber, defaultWindows, mergeSubscriptions, type SubscriptionTable } from './subscriptions.ts';

export type SimulationStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

/** What a batch of steps produced, without the samples. */
export interface FrameSummary {
  /** Steps taken since reset. */
  t: number;
  /** Step number of the first sample of the batch (1-based). */
  firstStep: number;
  /** Steps the batch took (less than asked when the run diverged). */
  steps: number;
  elapsedMs: number;
  divergence: Frame['divergence'] | null;
  probes: Record<string, { width: number; count: number }>;
}

export type RunOutcome = { ok: true; frame: FrameSummary } | { ok: false; error: string };

/** Steps per animation frame the speed menu offers; 0 means "as fast as possible". */
export const SPEEDS = [0.1, 0.5, 1, 5, 20, 100, 500, 0] as const;
export const DEFAULT_SPEED = 5;
/** Default ring-buffer window of a probe, in steps. */
export const DEFAULT_WINDOW = 1000;
/** Wall-clock milliseconds one batch may take at full speed (keeps the page fed with frames). */
const MAX_SPEED_BUDGET_MS = 30;
/** Wall-clock milliseconds any live batch may take. */
const BATCH_BUDGET_MS = 60;

export interface SimulationState {
  engineMode: EngineClient['mode'] | null;
  status: SimulationStatus;
  /** Steps per animation frame (fractions: one step every few frames); 0 = as fast as possible. */
  speed: number;
  /** Seed of the current run (the document's, until Reseed). */
  seed: number | null;
  /** Ring-buffer window of the default probes, in steps. */
  window: number;
  /** Nodes and edges of the compiled network. */
  nodes: NodeInfo[];
  edges: EdgeInfo[];
  /** Summary of the last batch run by step / run (not updated while the loop runs). */
  frame: FrameSummary | null;
  divergence: Frame['divergence'] | null;
  /** Why the network could not run (engine error, document the compiler rejected). */
  error: string | null;
  /** What the last live edit did ("applied to …", "recompiled …"). */
  notice: string | null;
  start(): Promise<void>;
  /** Stops the loop; resolves once the batch in flight has been applied. */
  pause(): Promise<void>;
  /** Advances exactly n steps (pausing first). */
  step(n?: number): Promise<RunOutcome>;
  /** Back to step 0 with the run's seed (or `seed`). */
  reset(seed?: number): Promise<void>;
  /** Back to step 0 with a new random seed. */
  reseed(): Promise<void>;
  /** Resets to the document's seed and runs `steps` steps (the test bridge's `run(steps)`). */
  runFromSeed(steps: number): Promise<RunOutcome>;
  setSpeed(speed: number): void;
  setWindow(steps: number): void;
  /** Also record `probe` with at least this window; returns the unsubscribe function. */
  subscribe(probe: string, window?: number): () => void;
  /** Have the engine keep `probe`'s last `window` steps for measure requests; returns the release function. */
  retain(probe: string, window: number): () => void;
  /**
   * Measures a retained window in the engine. One request is in the worker at a time; a newer
   * request under the same `key` (a panel) replaces a waiting one, which resolves null, as do
   * requests outlived by a reset or load.
   */
  measure(key: string, request: MeasureRequest): Promise<MeasureReply | null>;
  /** An edge's weights, downsampled in the engine to at most `max` cells per axis. */
  weights(edge: string, max?: { rows: number; cols: number }): Promise<WeightsSnapshot | null>;
  spectrum(edge: string): Promise<SpectrumSnapshot | null>;
  /** The open document was replaced (`opened`) or edited. */
  documentChanged(doc: GraphDocument, opened: boolean): void;
  /** Trains the readouts (washout, train and test windows from a reset); the run is then back at step 0 with the trained weights. */
  train(): Promise<TrainReply>;
  /** Jaeger's memory capacity of a node; the run is then back at step 0. */
  memoryCapacity(request: MemoryCapacityRequest): Promise<MemoryCapacityReply>;
}

export function summarizeFrame(frame: Frame): FrameSummary {
  const probes: FrameSummary['probes'] = {};
  for (const [id, p] of Object.entries(frame.probes)) probes[id] = { width: p.width, count: p.count };
  return { t: frame.t, firstStep: frame.firstStep, steps: frame.t - frame.firstStep + 1, elapsedMs: frame.elapsedMs, divergence: frame.divergence ?? null, probes };
}

/** Waits for the next animation frame (a short timeout where there are none, e.g. Node tests). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && !document.hidden) requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });
}

function newSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

export interface SimulationStoreExtras {
  /** The live windows and step counter (read by panels when they draw). */
  live: LiveData;
  /** Where the store reads the open document. */
  connect(getDoc: () => GraphDocument): void;
  /** Called with the new seed after Reseed (the app writes it into the document, so a share link reproduces the run). */
  onReseed(fn: (seed: number) => void): void;
}

/** Builds the simulation store; the engine client is created on first use. */
export function createSimulationStore(createClient: () => EngineClient, initialDoc?: () => GraphDocument) {
  let client: EngineClient | null = null;
  let getDoc: (() => GraphDocument) | null = initialDoc ?? null;
  const live = new LiveData();
  /** The document the engine runs (null: load before the next call). */
  let engineDoc: GraphDocument | null = null;
  /** Increments when the run is replaced (open, reset): frames of an older generation are dropped. */
  let generation = 0;
  let loop: Promise<void> | null = null;
  const extra: SubscriptionTable = new Map();
  /** Probes the engine keeps for measures. */
  const retained: SubscriptionTable = new Map();
  let nextToken = 1;
  let synced = '';
  let edits: Promise<void> = Promise.resolve();
  let loading: Promise<boolean> | null = null;
  let reseeded: ((seed: number) => void) | null = null;

  const store = create<SimulationState>()((set, get) => {
    const api = () => {
      client ??= createClient();
      if (get().engineMode === null) set({ engineMode: client.mode });
      return client.api;
    };
    const fail = (error: string): RunOutcome => {
      set({ status: 'error', error });
      return { ok: false, error };
    };
    const wanted = () => mergeSubscriptions(defaultWindows(get().nodes, get().window), extra);
    const measures = createMeasureQueue((request: MeasureRequest) => api().measure(request));

    /** Loads the open document when the engine has none (or another); false when it cannot run. */
    function ensureEngine(): Promise<boolean> {
      if (engineDoc !== null) return edits.then(() => true);
      loading ??= load(generation).finally(() => {
        loading = null;
      });
      return loading;
    }

    async function load(gen: number): Promise<boolean> {
      if (!getDoc) throw new Error('simulation store is not connected to a document');
      const doc = getDoc();
      try {
        const loaded = await api().load(doc);
        if (gen !== generation) return false;
        if (!loaded.ok) {
          fail(loaded.errors.map(formatIssue).join('\n'));
          return false;
        }
        engineDoc = doc;
        synced = '';
        set({ nodes: loaded.nodes, edges: loaded.edges, seed: doc.seed, error: null, divergence: null, notice: null });
        live.reset();
        // Edits made while loading.
        if (getDoc() !== doc) get().documentChanged(getDoc(), false);
        await edits;
        return true;
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
        return false;
      }
    }

    /** Sends the subscriptions to the engine when they changed since the last batch. */
    async function syncSubscriptions(): Promise<void> {
      const subs = wanted();
      const kept = mergeSubscriptions([], retained);
      const key = JSON.stringify([subs, kept]);
      if (key === synced) return;
      synced = key;
      for (const s of subs) {
        const node = get().nodes.find((n) => n.id === s.probe);
        if (node) live.ensure(s.probe, node.size, s.window);
      }
      const results = [await api().subscribe(subs), await api().retain(kept)];
      const errors = results.flatMap((r) => (r.ok ? [] : Object.values(r.errors)));
      if (errors.length > 0) set({ notice: errors.join('; ') });
    }

    /** Applies a frame of this generation; false when the run must stop (divergence, stale). */
    function applyFrame(frame: Frame, gen: number): boolean {
      if (gen !== generation) return false;
      const capacity = new Map(wanted().map((s) => [s.probe, s.window]));
      for (const [probe, p] of Object.entries(frame.probes)) live.ensure(probe, p.width, capacity.get(probe) ?? Math.max(1, p.count));
      live.apply(frame);
      if (frame.divergence) {
        set({ status: 'diverged', divergence: frame.divergence });
        return false;
      }
      return true;
    }

    async function runLoop(gen: number): Promise<void> {
      let carry = 0;
      while (get().status === 'running' && gen === generation) {
        await syncSubscriptions();
        const speed = get().speed;
        carry += speed === 0 ? 0 : speed;
        const n = speed === 0 ? 1e9 : Math.floor(carry);
        carry -= speed === 0 ? 0 : n;
        if (n > 0) {
          const frame = await api().advance(n, speed === 0 ? MAX_SPEED_BUDGET_MS : BATCH_BUDGET_MS);
          if (!applyFrame(frame, gen)) break;
        }
        await nextFrame();
      }
      live.idle();
    }

    async function stopLoop(): Promise<void> {
      if (get().status === 'running') set({ status: 'paused' });
      await loop;
      loop = null;
    }

    /**
     * Runs something in the engine that leaves the network at step 0 (Reset, Train, Memory
     * capacity): the live loop stops first, and the windows start again afterwards.
     */
    async function runTask<R>(task: () => Promise<R>): Promise<R | { ok: false; error: string }> {
      generation++;
      measures.clear();
      await stopLoop();
      if (!(await ensureEngine())) return { ok: false, error: get().error ?? 'cannot run' };
      try {
        return await task();
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        set({ error });
        return { ok: false, error };
      } finally {
        live.reset();
        set({ status: 'idle', divergence: null, frame: null });
      }
    }

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

      async start() {
        if (get().status === 'running' || get().status === 'diverged') return;
        await stopLoop();
        if (!(await ensureEngine())) return;
        set({ status: 'running', error: null });
        loop = runLoop(generation);
        await Promise.resolve();
      },

      pause: stopLoop,

      async step(n = 1) {
        await stopLoop();
        if (get().status === 'diverged') return { ok: false, error: 'the network diverged: reset it first' };
        if (!(await ensureEngine())) return { ok: false, error: get().error ?? 'cannot run' };
        try {
          await syncSubscriptions();
          const gen = generation;
          const frame = await api().advance(Math.max(1, Math.floor(n)));
          applyFrame(frame, gen);
          const summary = summarizeFrame(frame);
          set({ frame: summary, status: get().status === 'diverged' ? 'diverged' : 'paused' });
          return { ok: true, frame: summary };
        } catch (err) {
          return fail(err instanceof Error ? err.message : String(err));
        }
      },

      async reset(seed) {
        await runTask(async () => {
          const r = await api().reset(seed ?? get().seed ?? undefined);
          set({ seed: r.seed, error: null });
        });
      },

      async reseed() {
        const seed = newSeed();
        await get().reset(seed);
        if (get().seed === seed) reseeded?.(seed);
      },

      async runFromSeed(steps) {
        await get().reset(getDoc?.().seed);
        if (get().status === 'error') return { ok: false, error: get().error ?? 'cannot run' };
        return get().step(steps);
      },

      setSpeed: (speed) => set({ speed: Math.max(0, speed) }),
      setWindow: (steps) => set({ window: Math.max(10, Math.floor(steps)) }),

      subscribe: (probe, window = get().window) => addSubscriber(extra, nextToken++, probe, window),

      retain: (probe, window) => addSubscriber(retained, nextToken++, probe, window),

      async measure(key, request) {
        const gen = generation;
        if (engineDoc === null) return null;
        const reply = await measures.request(key, request);
        return gen === generation ? reply : null;
      },

      async weights(edge, max) {
        if (!(await ensureEngine())) return null;
        return api().weights(edge, max);
      },

      async spectrum(edge) {
        if (!(await ensureEngine())) return null;
        return api().spectrum(edge);
      },

      train: () => runTask(() => api().train()),

      memoryCapacity: (request) => runTask(() => api().memoryCapacity(request)),

      documentChanged(doc, opened) {
        if (opened || engineDoc === null) {
          generation++;
          measures.clear();
          engineDoc = null;
          void stopLoop();
          live.reset();
          loading = null;
          set({ status: 'idle', frame: null, divergence: null, error: null, notice: null, nodes: [], edges: [], seed: doc.seed });
          if (getDoc) void ensureEngine();
          return;
        }
        if (doc === engineDoc) return;
        if (!changesSimulation(engineDoc, doc)) {
          engineDoc = doc; // a move, a rename or a layout change: nothing for the worker
          return;
        }
        edits = edits.then(async () => {
          if (engineDoc === null) return;
          const r = await api().update(doc);
          if (!r.ok) {
            set({ notice: `Not applied: ${r.errors.map(formatIssue).join('; ')}` });
            return;
          }
          engineDoc = doc;
          if (r.change === 'none') return;
          if (r.change === 'recompiled') {
            synced = '';
            set({ nodes: r.nodes, edges: r.edges });
          }
          set({ notice: r.message });
          live.touch();
        });
      },
    };
  });

  const extras: SimulationStoreExtras = {
    live,
    connect(fn) {
      getDoc = fn;
    },
    onReseed(fn) {
      reseeded = fn;
    },
  };
  return Object.assign(store, extras);
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
