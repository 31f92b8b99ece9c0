/**
 * The analysis workers' protocol: the long computations that must never delay a step — all
 * eigenvalues of a weight matrix (or the leading ones), spectral radii for the inspector, PCA
 * fits for the phase portrait, windowed information measures, training, gradient flow and the
 * memory-capacity task. The page runs two workers of this protocol (analysis-client.ts,
 * AnalysisWorker): the analysis worker for the analyses of the running network, which fetches
 * the engine data they read (a matrix, probe windows) from the stepping worker itself, over the
 * link the page sets up (engine-link.ts: the page sends the request and receives the small
 * result, never the data); and the task worker for training, gradient flow and memory capacity,
 * which the page gives the document and seed and which simulate a copy of their own (no link).
 * Both compute on copies and know no running network. Every call takes a JobHandle (job.ts): a
 * stop flag the page can raise and a progress callback.
 */
import type { GraphDocument, KeptParameters } from '../../model/index.ts';
import type { WeightMatrix } from '../compile/types.ts';
import type { EpochResult, TrainedParameters } from '../bptt/trainer.ts';
import type { JobHandle } from './job.ts';
import type { EngineEndpoint } from './engine-link.ts';
import type { MeasureReply, MeasureRequest, MemoryCapacityReply, MemoryCapacityRequest, SpectrumSnapshot, TrainReply } from './protocol.ts';

/** A matrix as the stepping worker copies it out (dense or CSR, as the engine stores it). */
export type MatrixSnapshot = WeightMatrix;

/** How many leading eigenvalues the spectrum offers for a matrix too large for all of them. */
export const LEADING_EIGENVALUES = 40;

/** The first two principal axes of a window (projections.ts lays steps onto them). */
export interface PcaFit {
  /** Units used (the first PCA_MAX_UNITS of the probe). */
  units: number;
  /** Per-unit mean, and the two unit axes (row-major, 2 × units). */
  mean: Float64Array;
  axes: Float64Array;
  /** Share of the variance along PC1 and PC2. */
  explained: [number, number];
}

export interface SampleWindow {
  firstStep: number;
  count: number;
  width: number;
  data: Float64Array;
}

/**
 * What a training changed, to hand to the stepping worker (`applyTraining`): every readout's
 * fitted weights by node id, and what BPTT trained upstream (edges' weights, nodes' parameters
 * such as a rate population's bias; null when no readout trains by BPTT).
 */
export interface TrainedWeights {
  readouts: Record<string, Float64Array>;
  parameters: TrainedParameters | null;
}

/**
 * A training's outcome: the report, what to hand to the stepping worker, and what it trained as
 * the document stores it ("Keep trained weights": trained edges dense, rows = target units; BPTT's
 * node parameters and every readout's W_out; null when the training failed).
 */
export type TrainOutcome = {
  reply: TrainReply;
  weights: TrainedWeights;
  kept: KeptParameters | null;
  /** A BPTT training's epochs (as sent with the progress; only the last with its edges' weights). */
  epochs: TrainingEpoch[];
};

/** A trained edge's weights after an epoch, dense and row-major (rows = target units). */
export interface EdgeSnapshot {
  id: string;
  rows: number;
  cols: number;
  values: Float64Array;
}

/** Edges larger than this many entries are not copied out after every epoch. */
export const SNAPSHOT_MAX_ENTRIES = 250_000;

/**
 * A BPTT training's partial result, sent with the progress after every epoch (and the evaluation
 * before the first): the epoch's losses, gradient norm and gradient flow, and the trained edges'
 * weights (up to SNAPSHOT_MAX_ENTRIES each).
 */
export interface TrainingEpoch extends EpochResult {
  epochs: number;
  edges: EdgeSnapshot[];
}

/** The gradient flow of an untrained network: what the Gradient flow panel shows before a training. */
export type GradientFlowReply = { ok: true; flow: number[]; loss: number | null } | { ok: false; error: string };

/** An edge of the running network at a network version (engine-link.ts): what an analysis of a matrix names. */
export interface EdgeAt {
  edge: string;
  version: number;
}

export interface AnalysisApi {
  /** Fetches engine data from `endpoint` from now on (the page's port to the stepping worker; in one thread, its link). */
  link(endpoint: EngineEndpoint): Promise<void>;
  /**
   * All eigenvalues of an edge's square matrix up to the size where that takes a few seconds,
   * else the leading ones (Arnoldi). Fails with StaleNetworkError when the network is no longer at the version.
   */
  spectrum(source: EdgeAt, job?: JobHandle): Promise<SpectrumSnapshot>;
  /** The spectral radius max |λ| of an edge's square matrix (StaleNetworkError as for spectrum). */
  spectralRadius(source: EdgeAt, job?: JobHandle): Promise<number>;
  /** PC1 and PC2 of a window (null: too few steps or units). */
  pca(samples: SampleWindow, job?: JobHandle): Promise<PcaFit | null>;
  /**
   * A windowed information measure of the windows the stepping worker keeps, at network
   * `version` (a stale version, or no windows yet, is a `waiting` reply: ask again after the next batch).
   */
  measure(request: MeasureRequest, version: number, job?: JobHandle): Promise<MeasureReply>;
  /**
   * Trains the readouts of `doc` from a reset with `seed` (as `recurrence train`); returns the
   * report and what it trained (for the stepping worker's applyTraining, and for the document).
   * A BPTT training reports a TrainingEpoch as the progress's detail after every epoch, and can
   * be paused between its segments.
   */
  train(doc: GraphDocument, seed: number, job?: JobHandle): Promise<TrainOutcome>;
  /** ‖∂ℓ(T)/∂x(T − k)‖ against k for the BPTT readouts of `doc` as it is (no update), from a reset with `seed`. */
  gradientFlow(doc: GraphDocument, seed: number, job?: JobHandle): Promise<GradientFlowReply>;
  /** Jaeger's memory capacity of a node of `doc`, from a reset with `seed`. */
  memoryCapacity(doc: GraphDocument, seed: number, request: MemoryCapacityRequest, job?: JobHandle): Promise<MemoryCapacityReply>;
}
