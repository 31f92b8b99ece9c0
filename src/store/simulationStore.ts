/**
 * Simulation state seen by the UI: the engine client's status, the last frame's summary and the
 * probe data of the last run, and the divergence message when a run blew up. The engine itself
 * lives in a worker (or in the page as a fallback); this store only talks to its client.
 */
import { create } from 'zustand';
import type { GraphDocument } from '../model/index.ts';
import { formatIssue } from '../model/index.ts';
import type { EngineClient } from '../engine/worker/client.ts';
import type { Frame, ProbeFrame } from '../engine/worker/protocol.ts';
import { probesFor, traceNodeOf } from './traces.ts';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'error';

/** What a run produced, without the samples. */
export interface FrameSummary {
  /** Steps taken since reset. */
  t: number;
  /** Step number of the first sample (1-based). */
  firstStep: number;
  /** Samples recorded per probe (less than asked when the run diverged). */
  steps: number;
  elapsedMs: number;
  divergence: Frame['divergence'] | null;
  probes: Record<string, { width: number; count: number }>;
}

export type RunOutcome = { ok: true; frame: FrameSummary } | { ok: false; error: string };

export interface SimulationState {
  engineMode: EngineClient['mode'] | null;
  status: SimulationStatus;
  frame: FrameSummary | null;
  /** Samples of the last run by node id: `count` steps × `width` units, row-major. */
  traces: Record<string, ProbeFrame>;
  /** Human-readable message of the last run's divergence, if any. */
  divergence: string | null;
  /** Why the last run could not start (engine error, document the compiler rejected). */
  error: string | null;
  /** The node the trace panel shows, as chosen by the user (null: the default node). */
  traceNode: string | null;
  setTraceNode(id: string | null): void;
  /**
   * Loads `doc` into the engine, resets it to the document's seed and runs `steps` steps,
   * recording the nodes in `probes` (default: as many as fit the budget, the trace's node first).
   */
  run(doc: GraphDocument, steps: number, probes?: string[]): Promise<RunOutcome>;
  /** Forgets the last run (e.g. when another document is opened). */
  clear(): void;
}

export function summarizeFrame(frame: Frame): FrameSummary {
  const probes: FrameSummary['probes'] = {};
  let steps = 0;
  for (const [id, p] of Object.entries(frame.probes)) {
    probes[id] = { width: p.width, count: p.count };
    steps = Math.max(steps, p.count);
  }
  return { t: frame.t, firstStep: frame.firstStep, steps, elapsedMs: frame.elapsedMs, divergence: frame.divergence ?? null, probes };
}

/** Builds the simulation store; the engine client is created on the first run. */
export function createSimulationStore(createClient: () => EngineClient) {
  let client: EngineClient | null = null;
  let runId = 0;
  return create<SimulationState>()((set, get) => ({
    engineMode: null,
    status: 'idle',
    frame: null,
    traces: {},
    divergence: null,
    error: null,
    traceNode: null,
    setTraceNode: (traceNode) => set({ traceNode }),
    async run(doc, steps, probes) {
      const id = ++runId;
      set({ status: 'running', error: null });
      const fail = (error: string): RunOutcome => {
        if (id === runId) set({ status: 'error', error });
        return { ok: false, error };
      };
      try {
        client ??= createClient();
        set({ engineMode: client.mode });
        const loaded = await client.api.load(doc);
        if (!loaded.ok) return fail(loaded.errors.map(formatIssue).join('\n'));
        const frame = await client.api.run(steps, probes ?? probesFor(doc, steps, traceNodeOf(doc, get().traceNode)));
        const summary = summarizeFrame(frame);
        if (id === runId) {
          set({ status: 'done', frame: summary, traces: frame.probes, divergence: frame.divergence?.message ?? null });
        }
        return { ok: true, frame: summary };
      } catch (err) {
        return fail(err instanceof Error ? err.message : String(err));
      }
    },
    clear() {
      runId++;
      set({ status: 'idle', frame: null, traces: {}, divergence: null, error: null });
    },
  }));
}

export type SimulationStore = ReturnType<typeof createSimulationStore>;
