/**
 * Sampling an edge's n×m weight matrix from its initialisation rule (model/weights.ts).
 * Order of random draws (fixed, so a seed reproduces the matrix): synapses in row-major order;
 * with connectivity p < 1 the gap to the next existing synapse is drawn first (geometric,
 * G = ⌊ln U / ln(1 − p)⌋, the same distribution as an independent draw per synapse but in
 * O(pnm) draws, Devroye 1986 §X.2), then the synapse's value. With a connection rule the whole
 * synapse pattern is drawn first (connection-rules.ts), then the values in row-major order.
 */
import { isConnectionRule, type Connectivity, type EdgeParams, type WeightInit } from '../../model/index.ts';
import type { Rng } from '../rng.ts';
import type { WeightMatrix } from './types.ts';
import { spectralRadius } from '../linalg/spectral-radius.ts';
import { log } from '../math/detmath.ts';
import { sampleConnections } from './connection-rules.ts';

/** Density at or below which the compiler stores a matrix as CSR rather than dense. */
export const CSR_DENSITY_THRESHOLD = 0.2;

export interface WeightSpec {
  init: WeightInit;
  /** A probability per synapse (1: all exist), or a connection rule. */
  connectivity: Connectivity;
  spectralRadius?: number;
  scale?: number;
}

/** The rule of an edge's weights: `weight` and the options beside it in `params`. */
export function weightSpecOf(params: EdgeParams): WeightSpec {
  return { init: params.weight, connectivity: params.connectivity ?? 1, spectralRadius: params.spectralRadius, scale: params.scale };
}

export class WeightError extends Error {}

/** Rows between two progress reports of a sampling. */
const PROGRESS_ROWS = 1024;

/**
 * Samples W (n rows = target units, m columns = source units); `selfEdge`: source and target are
 * the same node (a connection rule then leaves out autapses unless asked). The spectral-radius
 * rescale W ← W · (ρ* ÷ ρ(W)) follows Jaeger 2001 (ESN recipe); `scale` multiplies afterwards.
 * `progress` is told the rows sampled so far, every PROGRESS_ROWS rows (a large edge takes seconds).
 */
export function sampleWeights(spec: WeightSpec, n: number, m: number, rng: Rng, selfEdge = false, progress?: (rows: number) => void): WeightMatrix {
  const { init, connectivity } = spec;
  const rowPtr = new Int32Array(n + 1);
  /** Tells `progress` the rows sampled so far, every PROGRESS_ROWS rows. */
  const rowDone = (i: number) => {
    if (progress && i % PROGRESS_ROWS === 0) progress(i);
  };
  const value = valueSampler(init, rng, m);
  let synapses: SynapseBuffer;
  if (isConnectionRule(connectivity)) {
    const pattern = sampleConnections(connectivity, n, m, selfEdge, rng);
    synapses = new SynapseBuffer(pattern.colIdx.length);
    for (let i = 0; i < n; i++) {
      for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) synapses.keep(pattern.colIdx[k], value(i, pattern.colIdx[k]));
      rowPtr[i + 1] = synapses.length;
      rowDone(i + 1);
    }
  } else if (connectivity < 1 && init.type !== 'identity') {
    const logMiss = log(1 - connectivity);
    const total = n * m;
    synapses = new SynapseBuffer(expectedBound(total, connectivity));
    let row = 0;
    for (let k = nextGap(rng, logMiss); k < total; k += 1 + nextGap(rng, logMiss)) {
      const i = Math.floor(k / m);
      while (row < i) {
        rowPtr[++row] = synapses.length;
        rowDone(row);
      }
      const j = k - i * m;
      synapses.keep(j, value(i, j));
    }
    while (row < n) rowPtr[++row] = synapses.length;
  } else {
    synapses = new SynapseBuffer(init.type === 'identity' ? Math.min(n, m) : expectedBound(n * m, connectivity));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (init.type === 'identity' && i !== j) continue;
        if (connectivity < 1 && !(rng.uniform() < connectivity)) continue;
        synapses.keep(j, value(i, j));
      }
      rowPtr[i + 1] = synapses.length;
      rowDone(i + 1);
    }
  }
  let factor = spec.scale ?? 1;
  const csr = { rows: n, cols: m, rowPtr, ...synapses.arrays() };
  if (spec.spectralRadius !== undefined) {
    const rho = spectralRadius(csr);
    if (!(rho > 1e-12)) throw new WeightError(`cannot rescale to spectral radius ${spec.spectralRadius}: the sampled matrix has spectral radius 0`);
    factor *= spec.spectralRadius / rho;
  }
  if (factor !== 1) for (let k = 0; k < csr.values.length; k++) csr.values[k] *= factor;
  const density = n * m === 0 ? 0 : csr.values.length / (n * m);
  if (density <= CSR_DENSITY_THRESHOLD) return { format: 'csr', ...csr };
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) data[i * m + csr.colIdx[k]] = csr.values[k];
  return { format: 'dense', rows: n, cols: m, data };
}

/**
 * Synapses that exist at most: the expected count N·p plus six standard deviations of the
 * binomial count (√(N·p·(1 − p)); exceeded with probability < 10⁻⁹), so the buffer rarely grows.
 */
function expectedBound(entries: number, p: number): number {
  if (p >= 1) return entries;
  const mean = entries * p;
  return Math.min(entries, Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p)) + 16));
}

/**
 * A CSR matrix's column indices and values as they are sampled, in typed arrays sized for the
 * expected count and doubled when full: no JavaScript array of millions of numbers and no copy
 * into typed arrays afterwards (an edge at the limits has 20 M synapses).
 */
class SynapseBuffer {
  private cols: Int32Array;
  private vals: Float64Array;
  length = 0;

  constructor(expected: number) {
    const capacity = Math.max(16, expected);
    this.cols = new Int32Array(capacity);
    this.vals = new Float64Array(capacity);
  }

  /** Keeps the synapse from column j with value v (a zero weight is no synapse). */
  keep(j: number, v: number): void {
    if (v === 0) return;
    if (this.length === this.cols.length) this.grow();
    this.cols[this.length] = j;
    this.vals[this.length++] = v;
  }

  /** The column indices and values kept (views of the buffers, without a copy). */
  arrays(): { colIdx: Int32Array; values: Float64Array } {
    return { colIdx: this.cols.subarray(0, this.length), values: this.vals.subarray(0, this.length) };
  }

  private grow(): void {
    const cols = new Int32Array(this.cols.length * 2);
    const vals = new Float64Array(this.vals.length * 2);
    cols.set(this.cols);
    vals.set(this.vals);
    this.cols = cols;
    this.vals = vals;
  }
}

/**
 * Hopfield's prescription (Hopfield 1982): W_ij = (1/N) Σ_p p_i p_j for i ≠ j, W_ii = 0, N units.
 * Computed exactly per entry (a sum of ±1 products, then one division), so W is symmetric.
 */
function hebbianSampler(patterns: number[][], n: number): (i: number, j: number) => number {
  return (i, j) => {
    if (i === j) return 0;
    let s = 0;
    for (const p of patterns) s += p[i] * p[j];
    return s / n;
  };
}

function valueSampler(init: WeightInit, rng: Rng, m: number): (i: number, j: number) => number {
  switch (init.type) {
    case 'constant':
      return () => init.value;
    case 'uniform':
      return () => rng.between(init.low, init.high);
    case 'normal':
      return () => init.mean + init.std * rng.gaussian();
    case 'matrix':
      return (i, j) => init.values[i][j];
    case 'identity':
      return () => init.value;
    case 'hebbian':
      return hebbianSampler(init.patterns, m);
  }
}

/** Missing synapses before the next existing one: ⌊ln U / ln(1 − p)⌋, U ∈ (0, 1]. */
function nextGap(rng: Rng, logMiss: number): number {
  const g = Math.floor(log(1 - rng.uniform()) / logMiss);
  return g < 2147483648 ? g : 2147483648;
}

/** Number of stored synapses. */
export function nonzeros(w: WeightMatrix): number {
  if (w.format === 'csr') return w.values.length;
  let count = 0;
  for (let k = 0; k < w.data.length; k++) if (w.data[k] !== 0) count++;
  return count;
}
