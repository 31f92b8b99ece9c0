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
  const pattern = isConnectionRule(connectivity) ? sampleConnections(connectivity, n, m, selfEdge, rng) : null;
  // exact with a connection rule; otherwise a bound the count rarely exceeds (the list grows if it does)
  const expected = pattern ? pattern.colIdx.length : init.type === 'identity' ? Math.min(n, m) : countBound(n * m, connectivity as number);
  const synapses = new SynapseList(expected);
  const keep = (i: number, j: number) => {
    const v = value(i, j);
    if (v !== 0) synapses.push(j, v);
  };
  if (pattern) {
    for (let i = 0; i < n; i++) {
      for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) keep(i, pattern.colIdx[k]);
      rowPtr[i + 1] = synapses.length;
      rowDone(i + 1);
    }
  } else if ((connectivity as number) < 1 && init.type !== 'identity') {
    const logMiss = log(1 - (connectivity as number));
    const total = n * m;
    let row = 0;
    for (let k = nextGap(rng, logMiss); k < total; k += 1 + nextGap(rng, logMiss)) {
      const i = Math.floor(k / m);
      while (row < i) {
        rowPtr[++row] = synapses.length;
        rowDone(row);
      }
      keep(i, k - i * m);
    }
    while (row < n) rowPtr[++row] = synapses.length;
  } else {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        if (init.type === 'identity' && i !== j) continue;
        if ((connectivity as number) < 1 && !(rng.uniform() < (connectivity as number))) continue;
        keep(i, j);
      }
      rowPtr[i + 1] = synapses.length;
      rowDone(i + 1);
    }
  }
  let factor = spec.scale ?? 1;
  const csr = { rows: n, cols: m, rowPtr, colIdx: synapses.columns(), values: synapses.values() };
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

/** The stored synapses of a sampling in row order: column and value, in typed arrays that grow. */
class SynapseList {
  private cols: Int32Array;
  private vals: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.cols = new Int32Array(Math.max(16, capacity));
    this.vals = new Float64Array(this.cols.length);
  }

  push(col: number, value: number): void {
    if (this.length === this.cols.length) {
      const cols = new Int32Array(2 * this.length);
      const vals = new Float64Array(2 * this.length);
      cols.set(this.cols);
      vals.set(this.vals);
      this.cols = cols;
      this.vals = vals;
    }
    this.cols[this.length] = col;
    this.vals[this.length++] = value;
  }

  /** The columns, exactly `length` of them (a view of the storage: no copy of millions of synapses). */
  columns(): Int32Array {
    return this.cols.subarray(0, this.length);
  }

  values(): Float64Array {
    return this.vals.subarray(0, this.length);
  }
}

/**
 * Synapses drawn with probability p among `entries` that exist at most, but for a chance below
 * 10⁻⁹: the binomial count's mean N·p plus six standard deviations √(N·p·(1 − p)).
 */
function countBound(entries: number, p: number): number {
  if (p >= 1) return entries;
  const mean = entries * p;
  return Math.min(entries, Math.ceil(mean + 6 * Math.sqrt(mean * (1 - p)) + 16));
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
