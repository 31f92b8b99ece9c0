/**
 * The engine's worker protocol: what the app may ask of a simulation running in a Web Worker
 * (or, as a fallback, in the page). Calls go through Comlink (promise-based RPC); frames carry
 * their samples in typed arrays that are transferred, not copied.
 *
 * Two ways to run:
 *  - `run(steps, probes)`: one batch, every step of each probe (the CLI-like "run N steps");
 *  - the live loop: `subscribe` the probes the panels show (each with its ring-buffer window),
 *    then `advance(steps)` once per animation frame (speed = steps per frame) — each call
 *    returns only the new samples, at most one window per probe. Start, pause, step(n), reset
 *    and reseed are the client's calls of `advance` and `reset`; `update` applies an edited
 *    document to the running network (engine/live-update.ts).
 *
 * Analyses run in the analysis worker (analysis-protocol.ts), never here and never in the page:
 * this worker only hands out copies of what they read — an edge's weights, the windows it keeps
 * of the probes `retain`ed across batches — to the analysis worker itself, over the port the page
 * gives it with `link` (engine-link.ts), so the page never carries them; and it takes back what a
 * training changed (`applyTraining`).
 */
import type { GraphDocument, ValidationIssue } from '../../model/index.ts';
import type { ScheduleEntry } from '../compile/types.ts';
import type { Discretisation, MeasureSpec, WindowedResult } from '../../measures/index.ts';
import type { TrainedWeights } from './analysis-protocol.ts';
import type { Projection } from './projections.ts';

export interface NodeInfo {
  id: string;
  kind: string;
  size: number;
  variables: string[];
  /** Outputs are spike events (1 in a step with a spike, else 0). */
  spiking: boolean;
}

export interface EdgeInfo {
  id: string;
  source: string;
  target: string;
  rows: number;
  cols: number;
  /** Learning rules change its weights while running. */
  plastic: boolean;
}

export type LoadResult =
  | { ok: true; nodes: NodeInfo[]; edges: EdgeInfo[]; schedule: ScheduleEntry[] }
  | { ok: false; errors: ValidationIssue[]; cancelled?: true };

/** Samples of one probe: `count` steps × `width` values, row-major, oldest first. */
export interface ProbeFrame {
  width: number;
  count: number;
  data: Float64Array;
  /** Step number of this probe's first sample when it differs from the frame's (a window cut the batch). */
  firstStep?: number;
  /** A projection's rows only: the fit they lie on (`Projection.fitId`). */
  fitId?: number;
}

/** The result of running a batch of steps. */
export interface Frame {
  /** Steps taken since reset, after this batch. */
  t: number;
  /** Step number of the first sample in this frame (1-based). */
  firstStep: number;
  probes: Record<string, ProbeFrame>;
  /** Set when the batch stopped early because a state became non-finite. */
  divergence?: { node: string; step: number; message: string };
  /** Wall-clock milliseconds the batch took inside the engine. */
  elapsedMs: number;
}

/** A probe the live loop records, with the number of most recent steps a client keeps of it. */
export interface Subscription {
  probe: string;
  /** Ring-buffer window in steps (default 1,000). */
  window: number;
}

export type SubscribeResult = { ok: true } | { ok: false; errors: Record<string, string> };

/** What an edited document did to the running network. */
export type UpdateResult =
  | { ok: true; change: 'none' | 'params'; t: number; message: string }
  | { ok: true; change: 'recompiled'; t: number; message: string; kept: string[]; nodes: NodeInfo[]; edges: EdgeInfo[]; schedule: ScheduleEntry[] }
  | { ok: false; errors: ValidationIssue[] };

/**
 * An edge's weight matrix, dense row-major (rows = target units, cols = source units), or — when
 * a maximum size was asked for and the matrix is larger — its blocks of blockRows × blockCols
 * units, each cell the entry of largest |w| (worker/weightBlocks.ts).
 */
export interface WeightsSnapshot {
  edge: string;
  rows: number;
  cols: number;
  data: Float64Array;
  /** Source units per cell (1 × 1: the full matrix). */
  blockRows: number;
  blockCols: number;
  /** Size of the full matrix. */
  sourceRows: number;
  sourceCols: number;
  /** Step the snapshot was taken after. */
  t: number;
}

/**
 * Eigenvalues λ = re + i·im of a square weight matrix, and its spectral radius max |λ|. Above
 * ALL_EIGENVALUES_LIMIT units (engine/linalg/hessenberg-qr.ts) only the leading eigenvalues (largest |λ|, by
 * Arnoldi) are computed: `complete` is false.
 */
export interface SpectrumSnapshot {
  edge: string;
  re: Float64Array;
  im: Float64Array;
  radius: number;
  complete: boolean;
  /** Units (rows) of the matrix. */
  size: number;
  t: number;
}

/** Facts of an edge of the running network, from its current weights. */
export interface EdgeFacts {
  edge: string;
  rows: number;
  cols: number;
  /** Nonzero weights now. */
  nonzeros: number;
  /** Synapses the rule draws on average: rows × cols × p (identity: the diagonal), or a connection rule's count. */
  expected: number;
  t: number;
}

/**
 * A measure of a probe's recorded window: the last `window` steps the session retained of
 * `probe` (and of `source`, for mi and te), one estimate per unit.
 */
export interface MeasureRequest {
  /** The measured (target) probe: `ID`, `ID.VAR`, `ID[i]`; it must be retained. */
  probe: string;
  /** The source probe for mi and te (retained too): one unit serves every target unit, the same width pairs units, else its mean. */
  source?: string;
  /** Units of the probe to measure (default: all, up to the estimator's cap). */
  units?: number[];
  /** Sliding window: the last this many steps (fewer while the run is shorter). */
  window: number;
  spec: MeasureSpec;
  /** How the discrete estimator discretises each unit (default: threshold at its median). */
  discretise?: Discretisation;
  /** Return local values (default true). */
  locals?: boolean;
}

/** A measure's reply: the windowed result (measures/windowed.ts: units, averages, locals …) and where its window lies. */
export type MeasureReply =
  | (WindowedResult & {
      ok: true;
      /** Step the window ends at (steps taken since reset). */
      t: number;
      /** Step number of the window's first sample, and its length. */
      firstStep: number;
      steps: number;
      /** Milliseconds the measure took in the engine. */
      elapsedMs: number;
    })
  | {
      ok: false;
      error: string;
      /** Nothing recorded yet (not retained, or no steps since): ask again after the next batch. */
      waiting?: boolean;
    };

export type { MemoryCapacityReply, MemoryCapacityRequest, TrainReply } from '../tasks/task-runs.ts';
export type { MatrixSnapshot } from './analysis-protocol.ts';
export type { Projection, ProjectionFit } from './projections.ts';

/** Told how far a load is (0…1) and what it does ("compiling 5,000 neurons"). */
export type LoadProgress = (fraction: number, text: string) => void;

/**
 * Cancels a load in progress: the load stops (between chunks of its sampling) once flag[0] is no
 * longer `token`. The page writes the flag (a SharedArrayBuffer, so the worker sees it while it
 * compiles) when another network is opened or the open one is closed.
 */
export interface LoadCancel {
  flag: Int32Array;
  token: number;
}

export interface EngineApi {
  /**
   * Compiles a validated document (the page's document store validated it: validateDocument's
   * `doc`) and resets to its seed (`progress`: see LoadProgress). `version`: the network's
   * version as the page counts them (default: one more than before), named by the analysis
   * worker's requests (engine-link.ts). `cancel`: see LoadCancel — a cancelled load answers
   * `{ ok: false, cancelled: true }` and leaves no network.
   */
  load(doc: GraphDocument, progress?: LoadProgress, version?: number, cancel?: LoadCancel): Promise<LoadResult>;
  /** Back to step 0 with this seed (default: the current one). */
  reset(seed?: number): Promise<{ t: number; seed: number }>;
  /** Runs `steps` steps and returns every step's value of each probe (`ID`, `ID.VAR`, `ID[i]`). */
  run(steps: number, probes: string[]): Promise<Frame>;
  /** Sets what `advance` records (replacing the previous subscriptions). */
  subscribe(subscriptions: Subscription[]): Promise<SubscribeResult>;
  /**
   * Sets the derived probes `advance` adds to its frames (replacing the previous set): each a
   * source probe projected on a PCA fit, two values per step under the projection's name, tagged
   * with the fit's id. A new fit comes with the source's rows the page holds; projected once, they
   * open the next frame's rows of the projection (projections.ts).
   */
  project(projections: Projection[]): Promise<SubscribeResult>;
  /**
   * Runs up to `steps` steps (fewer when `budgetMs` of wall-clock time is spent or the network
   * diverges) and returns the subscribed probes' new samples, the last `window` of each.
   * `spare`: buffers of earlier frames the page has copied out (transferred back), which the
   * worker records into again instead of allocating (buffer-pool.ts).
   */
  advance(steps: number, budgetMs?: number, spare?: ArrayBuffer[]): Promise<Frame>;
  /**
   * Applies an edited, validated document to the running network: classifies the edit once
   * (engine/live-update.ts) and patches it in, rescales, or recompiles keeping state. When it
   * changed the network, the network's version becomes `version` (default: one more).
   */
  update(doc: GraphDocument, version?: number): Promise<UpdateResult>;
  /** The current weights of an edge (null: no such edge), downsampled in blocks to at most `max` cells per axis. */
  weights(edge: string, max?: { rows: number; cols: number }): Promise<WeightsSnapshot | null>;
  /** What the inspector shows of an edge: shape, synapses drawn and expected (null: no such edge). */
  edgeFacts(edge: string): Promise<EdgeFacts | null>;
  /** Sets the probes the session keeps its own window of, for measures (replacing the previous set). */
  retain(subscriptions: Subscription[]): Promise<SubscribeResult>;
  /**
   * Answers the analysis worker's requests for an edge's weights and measure windows on `port`
   * (the page's channel between the two workers; a new port replaces and closes the previous one).
   */
  link(port: MessagePort): Promise<void>;
  /** Puts what a training on the task worker changed into the network (nothing when it does not fit) and resets it to step 0. */
  applyTraining(trained: TrainedWeights): Promise<{ ok: true } | { ok: false; error: string }>;
  /** What the last applyTraining put into the network (null: none, or the network was recompiled since), for the export. */
  trainedWeights(): Promise<TrainedWeights | null>;
}

export type { GraphDocument };
