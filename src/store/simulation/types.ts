/** The simulation store's state and the shapes its parts share. */
import type { EngineClient } from '../../engine/worker/client.ts';
import type { EdgeSnapshot, GradientFlowReply, PcaFit, SampleWindow, TrainedWeights, TrainingEpoch } from '../../engine/worker/analysis-protocol.ts';
import type { ProjectionFit } from '../../engine/worker/projections.ts';
import type { KeptParameters } from '../../model/index.ts';
import type { ScheduleEntry } from '../../engine/compile/types.ts';
import type { AnalysisOutcome, AnalysisProgress } from './analyses.ts';
import type { GraphDocument, ValidationResult } from '../../model/index.ts';
import type {
  EdgeFacts,
  EdgeInfo,
  EngineApi,
  Frame,
  MeasureReply,
  MeasureRequest,
  MemoryCapacityReply,
  MemoryCapacityRequest,
  NodeInfo,
  SpectrumSnapshot,
  TrainReply,
  WeightsSnapshot,
} from '../../engine/worker/protocol.ts';
import type { LiveData } from '../probeWindow.ts';

export type SimulationStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

/**
 * The last training as the page follows it: a BPTT training's epochs as they finish (the Loss
 * and Gradient flow panels draw them), the trained edges' latest weights (the weight panel shows
 * them changing), and, once it has succeeded, what "Keep trained weights" writes.
 */
export interface TrainingView {
  /** Tells trainings apart (a newer one replaces the view). */
  run: number;
  /** The network version it started on. */
  version: number;
  status: 'running' | 'paused' | 'done' | 'cancelled' | 'failed';
  /** Whether this page can pause a training (the worker waits on shared memory). */
  canPause: boolean;
  /** Epochs as they finished; epoch 0 is the evaluation before the first update. Empty for readouts without BPTT. */
  epochs: TrainingEpoch[];
  /** Each trained edge's weights after the latest epoch. */
  edges: Record<string, EdgeSnapshot & { epoch: number }>;
  /** What the training set, as the document stores it (null until it has succeeded). */
  kept: KeptParameters | null;
  /** Whether the stepping worker runs the trained values (until they are discarded or the network is recompiled). */
  applied: boolean;
}

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

/** Whether the simulation steps as fast as it can (speed "max", 0): panels redraw less often and analyses yield. */
export function atFullSpeed(sim: { status: string; speed: number }): boolean {
  return sim.status === 'running' && sim.speed === 0;
}

/**
 * Percentage of wall-clock time the analysis worker computes while a network runs at full speed:
 * on a machine whose CPUs are shared, what it computes is taken from the stepping worker.
 */
export const FULL_SPEED_ANALYSIS_PACE = 25;
/** Default ring-buffer window of a probe, in steps. */
export const DEFAULT_WINDOW = 1000;

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
  /** Counts the network's changes (loads, applied edits): analyses carry the version they were computed on. */
  version: number;
  /** The update schedule of one step, as the engine compiled it. */
  schedule: ScheduleEntry[];
  /** The load in progress (compiling, sampling the weights), or null. */
  loading: { fraction: number; text: string } | null;
  /** Loads the engine stopped before their end because another network was opened (or the open one closed). */
  loadsCancelled: number;
  /** Labelled analyses running now (eigenvalues, training …), by key, with their progress. */
  analyses: Record<string, AnalysisProgress>;
  /** The last training (null: none since the document was opened). */
  training: TrainingView | null;
  /** Holds the running training between two of its segments, or lets it go on. */
  pauseTraining(paused: boolean): void;
  /** The training's values were written into the document (Keep and Discard are no longer offered). */
  trainingKept(): void;
  /** Back to the network as the document defines it (the trained values are dropped from the run). */
  discardTraining(): Promise<void>;
  /** The gradient flow of the network as it is now, on the task worker (`key`: the asking panel). */
  gradientFlow(key: string): Promise<AnalysisOutcome<GradientFlowReply>>;
  /** Stops an analysis (its promise resolves as cancelled). */
  cancelAnalysis(key: string): void;
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
   * Has the stepping worker project `source` (a node) on a PCA fit and stream the two columns
   * under `name` (a live window of width 2, as long as the source's), again with each new fit:
   * the fit goes with the source's window the page holds, which the worker projects, so the live
   * window changes from one fit's points to the other's in one frame. Returns the function that
   * removes the projection.
   */
  project(name: string, source: string, fit: ProjectionFit | null): () => void;
  /** The fit (as passed to `project`) the points of the projection's live window lie on; null: none yet. */
  projectedFit(name: string): ProjectionFit | null;
  /**
   * Measures a retained window on the analysis worker. A newer request under the same `key` (a
   * panel) cancels an older one, which resolves null, as do requests outlived by a reset or load.
   */
  measure(key: string, request: MeasureRequest): Promise<MeasureReply | null>;
  /** An edge's weights, downsampled in the engine to at most `max` cells per axis. */
  weights(edge: string, max?: { rows: number; cols: number }): Promise<WeightsSnapshot | null>;
  /** Eigenvalues of an edge's current weights (all, or the leading ones of a large matrix), computed on the analysis worker. */
  spectrum(edge: string, key: string): Promise<AnalysisOutcome<SpectrumSnapshot>>;
  /**
   * An edge's shape and synapses, and (square edges) the spectral radius of its current weights,
   * computed on the analysis worker as a labelled run under `key` (progress in `analyses[key]`;
   * `cancelAnalysis(key)` stops it, and the facts come back without the radius).
   */
  edgeFacts(edge: string, key: string): Promise<AnalysisOutcome<EdgeFactsView>>;
  /** PC1 and PC2 of a probe window (null: too few steps or units). */
  pca(key: string, samples: SampleWindow): Promise<AnalysisOutcome<PcaFit | null>>;
  /** The open document was replaced (`opened`) or edited. */
  documentChanged(doc: GraphDocument, opened: boolean): void;
  /**
   * Trains the readouts on the task worker (washout, train and test windows from a reset);
   * the run is then back at step 0 with the trained weights. Null: cancelled.
   */
  train(): Promise<TrainReply | null>;
  /**
   * What the running network holds from a training (readouts' W_out, BPTT's edges and parameters)
   * and the seed it runs, for the export; null when nothing was trained (or the network was
   * recompiled since).
   */
  trainedWeights(): Promise<{ seed: number; weights: TrainedWeights } | null>;
  /** Jaeger's memory capacity of a node, on the task worker (the run goes on). Null: cancelled. */
  memoryCapacity(request: MemoryCapacityRequest): Promise<MemoryCapacityReply | null>;
}

/** An edge's facts and the spectral radius of its current weights (null: not square, or not computed). */
export interface EdgeFactsView extends EdgeFacts {
  radius: number | null;
  /** Set when the radius of a square edge was not computed: the user cancelled it. */
  radiusCancelled?: true;
}

/** What the parts of the simulation store (engine sync, live loop, task runner) share. */
export interface SimulationCore {
  get(): SimulationState;
  set(partial: Partial<SimulationState>): void;
  /** The engine (its client is created on first use). */
  api(): EngineApi;
  /** Prepares a callback to pass to the engine. */
  callback<F extends (...args: never[]) => unknown>(fn: F): F;
  /** Marks buffers of an argument to be moved to the engine's worker, not copied; returns the argument. */
  transfer<T>(value: T, buffers: ArrayBuffer[]): T;
  /** The live windows and step counter (read by panels when they draw). */
  live: LiveData;
  /** The open document. */
  doc(): GraphDocument;
  /** `doc` validated, by the document store's one validation of it (the engine runs `doc` of the answer). */
  checked(doc: GraphDocument): ValidationResult;
  /** Counts replacements of the run (open, reset, task): work begun in an older generation is dropped. */
  generation: number;
  /** Counts changes of the network (loads, applied edits); mirrored in the state's `version`. */
  version: number;
  /** The network changed (a load, an applied edit). */
  changed(): void;
  /** Records an error as the run's state and returns it as an outcome. */
  fail(error: string): { ok: false; error: string };
}

export function summarizeFrame(frame: Frame): FrameSummary {
  const probes: FrameSummary['probes'] = {};
  for (const [id, p] of Object.entries(frame.probes)) probes[id] = { width: p.width, count: p.count };
  return { t: frame.t, firstStep: frame.firstStep, steps: frame.t - frame.firstStep + 1, elapsedMs: frame.elapsedMs, divergence: frame.divergence ?? null, probes };
}

/** The message of a thrown value. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
