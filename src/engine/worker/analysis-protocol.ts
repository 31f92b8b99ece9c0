/**
 * The analysis worker's protocol: the long computations that must never delay a step — all
 * eigenvalues of a weight matrix (or the leading ones), spectral radii for the inspector, PCA
 * fits for the phase portrait, windowed information measures, training and the memory-capacity
 * task. The stepping worker (protocol.ts) hands out copies of what they read (a matrix, probe
 * windows, its validated document and seed); the analysis worker computes on those and knows no
 * running network. Every call takes a JobHandle (job.ts): a stop flag the page can raise and a progress
 * callback.
 */
import type { GraphDocument } from '../../model/index.ts';
import type { WeightMatrix } from '../compile/types.ts';
import type { TrainedParameters } from '../bptt/trainer.ts';
import type { JobHandle } from './job.ts';
import type { MeasureWindows } from './measure-requests.ts';
import type { MeasureReply, MeasureRequest, MemoryCapacityReply, MemoryCapacityRequest, SpectrumSnapshot, TrainReply } from './protocol.ts';

/** A matrix as the stepping worker copies it out (dense or CSR, as the engine stores it). */
export type MatrixSnapshot = WeightMatrix;

/** How many leading eigenvalues the spectrum offers for a matrix too large for all of them. */
export const LEADING_EIGENVALUES = 40;

/** The first two principal axes of a window, and the window projected on them. */
export interface PcaFit {
  /** Units used (the first PCA_MAX_UNITS of the probe). */
  units: number;
  /** Per-unit mean, and the two unit axes (row-major, 2 × units). */
  mean: Float64Array;
  axes: Float64Array;
  /** Share of the variance along PC1 and PC2. */
  explained: [number, number];
  /** Step of the first sample, and the window's PC1 and PC2. */
  firstStep: number;
  x: Float64Array;
  y: Float64Array;
}

/** Steps of a probe window for PCA: `count` rows of `width` values. */
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

export type TrainOutcome = { reply: TrainReply; weights: TrainedWeights };

export interface AnalysisApi {
  /** All eigenvalues of a square matrix up to the size where that takes a few seconds, else the leading ones (Arnoldi). */
  spectrum(edge: string, matrix: MatrixSnapshot, t: number, job?: JobHandle): Promise<SpectrumSnapshot>;
  /** The spectral radius max |λ| of a square matrix. */
  spectralRadius(matrix: MatrixSnapshot, job?: JobHandle): Promise<number>;
  /** PC1 and PC2 of a window (null: too few steps or units). */
  pca(samples: SampleWindow, job?: JobHandle): Promise<PcaFit | null>;
  /** A windowed information measure of windows the stepping worker copied out. */
  measure(request: MeasureRequest, windows: MeasureWindows, job?: JobHandle): Promise<MeasureReply>;
  /** Trains the readouts of `doc` from a reset with `seed` (as `recurrence train`); returns the report and what it trained (for the stepping worker's applyTraining). */
  train(doc: GraphDocument, seed: number, job?: JobHandle): Promise<TrainOutcome>;
  /** Jaeger's memory capacity of a node of `doc`, from a reset with `seed`. */
  memoryCapacity(doc: GraphDocument, seed: number, request: MemoryCapacityRequest, job?: JobHandle): Promise<MemoryCapacityReply>;
}
