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
import { countBound, SynapseList, type ArrayStorage } from './synapse-list.ts';
import { sampleEntries, valueRule, valueStream, wasmSampler } from './sample-wasm.ts';
import { planSplit } from './sample-split.ts';
import type { SamplingThread } from './sampling-thread.ts';

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

export interface SampleOptions {
  /**
   * Draw in WebAssembly where the rule allows (constant, uniform or normal values; default true when
   * available). Both paths give the same bits; the TypeScript loops are the reference.
   */
  wasm?: boolean;
  /**
   * Where rowPtr and the synapses' columns and values are written (the kernels' memory, so that
   * placing them costs no copy): room for n + 1 row ends and `inPlaceCapacity` synapses.
   */
  storage?: ArrayStorage;
  /**
   * A helper thread that draws the second part of a large gap walk into shared `storage` at the
   * same time (the same bits; sample-wasm.ts planSplit says when).
   */
  thread?: SamplingThread | null;
  /** Tests: the share of the synapses the engine's thread draws in a split walk, and the least expected synapses to split. */
  split?: { share?: number; minSynapses?: number };
}

/**
 * The most synapses an edge's sampling stores, when the result is surely CSR (a connectivity p
 * whose count bound stays under the CSR density) and drawn by the WebAssembly sampler; else null.
 */
export function inPlaceCapacity(spec: WeightSpec, n: number, m: number): number | null {
  const p = spec.connectivity;
  if (isConnectionRule(p) || p >= 1 || n * m === 0 || valueRule(spec.init) === null || wasmSampler() === null) return null;
  const bound = countBound(n * m, p);
  return bound / (n * m) <= CSR_DENSITY_THRESHOLD ? bound : null;
}

/**
 * Samples W (n rows = target units, m columns = source units); `selfEdge`: source and target are
 * the same node (a connection rule then leaves out autapses unless asked). The spectral-radius
 * rescale W ← W · (ρ* ÷ ρ(W)) follows Jaeger 2001 (ESN recipe); `scale` multiplies afterwards.
 * `progress` is told the rows sampled so far, every PROGRESS_ROWS rows (a large edge takes seconds).
 */
export function sampleWeights(spec: WeightSpec, n: number, m: number, rng: Rng, selfEdge = false, progress?: (rows: number) => void, options: SampleOptions = {}): WeightMatrix {
  const { init, connectivity } = spec;
  const rowPtr = options.storage ? options.storage.i32(n + 1) : new Int32Array(n + 1);
  rowPtr[0] = 0;
  let reported = 0;
  /** Tells `progress` every multiple of PROGRESS_ROWS up to `rows` not told yet. */
  const rowsDone = (rows: number) => {
    if (!progress) return;
    for (let r = reported + PROGRESS_ROWS; r <= rows; r += PROGRESS_ROWS) progress(r);
    reported = Math.max(reported, rows - (rows % PROGRESS_ROWS));
  };
  const wasm = options.wasm === false ? null : wasmSampler();
  const rule = wasm && valueRule(init);
  const pattern = isConnectionRule(connectivity) ? sampleConnections(connectivity, n, m, selfEdge, rng) : null;
  // exact with a connection rule; otherwise a bound the count rarely exceeds (the list grows if it does)
  const expected = pattern ? pattern.colIdx.length : init.type === 'identity' ? Math.min(n, m) : countBound(n * m, connectivity as number);
  const synapses = new SynapseList(expected, options.storage);
  if (pattern) {
    // a constant draws nothing: only random values are worth the module's stream
    const valueOf = rule && init.type !== 'constant' ? valueStream(wasm!, rng, rule, pattern.colIdx.length) : valueSampler(init, rng, m);
    for (let i = 0; i < n; i++) {
      for (let k = pattern.rowPtr[i]; k < pattern.rowPtr[i + 1]; k++) {
        const v = valueOf(i, pattern.colIdx[k]);
        if (v !== 0) synapses.push(pattern.colIdx[k], v);
      }
      rowPtr[i + 1] = synapses.length;
      rowsDone(i + 1);
    }
  }
  let factor = spec.scale ?? 1;
  if (!pattern) {
    if (rule && n * m > 0) {
      // the scale is applied as each value is stored (the same product); a spectral radius needs the matrix first
      const p = connectivity as number;
      const valueFactor = spec.spectralRadius === undefined ? factor : 1;
      const split = p < 1 ? planSplit(options.thread, rule, n * m * p, synapses, rng.spareGaussian !== null, { ...options.split, factor: valueFactor }) : null;
      sampleEntries(wasm!, rng, rule, valueFactor, p < 1 ? log(1 - p) : null, n, m, rowPtr, synapses, rowsDone, split);
      if (spec.spectralRadius === undefined) factor = 1;
    } else {
      sampleEntriesJs(init, connectivity as number, n, m, rng, rowPtr, synapses, rowsDone);
    }
  }
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

/**
 * The TypeScript reference of the entry walk (and the path of identity, matrix and Hebbian
 * values): with connectivity p < 1 the gap to the next existing synapse, then its value; else
 * every entry (identity: the diagonal, each kept with probability p).
 */
function sampleEntriesJs(init: WeightInit, p: number, n: number, m: number, rng: Rng, rowPtr: Int32Array, synapses: SynapseList, rowsDone: (rows: number) => void): void {
  const value = valueSampler(init, rng, m);
  const keep = (i: number, j: number) => {
    const v = value(i, j);
    if (v !== 0) synapses.push(j, v);
  };
  if (p < 1 && init.type !== 'identity') {
    const logMiss = log(1 - p);
    const total = n * m;
    let row = 0;
    for (let k = nextGap(rng, logMiss); k < total; k += 1 + nextGap(rng, logMiss)) {
      const i = Math.floor(k / m);
      while (row < i) {
        rowPtr[++row] = synapses.length;
        rowsDone(row);
      }
      keep(i, k - i * m);
    }
    while (row < n) rowPtr[++row] = synapses.length;
    rowsDone(n);
    return;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (init.type === 'identity' && i !== j) continue;
      if (p < 1 && !(rng.uniform() < p)) continue;
      keep(i, j);
    }
    rowPtr[i + 1] = synapses.length;
    rowsDone(i + 1);
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
