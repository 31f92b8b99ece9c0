/**
 * The hot kernels of a step behind one small interface, so a faster implementation (WASM SIMD)
 * can replace the plain-JS one without touching the compiler or the simulator.
 */

/**
 * Dense products with fewer columns than this (input edges) run in plain JS in every
 * implementation: there is nothing to vectorise, and copying vectors would cost more. Such
 * matrices therefore stay in ordinary arrays, which V8 reads faster than views of WASM memory.
 */
export const NARROW_COLS = 8;

/**
 * One forward-Euler step of n LIF neurons over their state arrays (the JS loop is `lifStep` in
 * compile/builders/lif.ts; `Kernels.lifStep` runs the same step in the kernels' memory):
 * decay = 1 − dt/τ, hr = (dt/τ)·r_m, refSteps = refractory steps.
 */
export type LifStepFn = (
  n: number,
  v: Float64Array,
  spikes: Float64Array,
  refractory: Int32Array,
  drive: Float64Array,
  iSyn: Float64Array,
  jump: Float64Array,
  decay: number,
  hr: number,
  vTh: number,
  vReset: number,
  refSteps: number,
) => void;

export interface Kernels {
  readonly name: string;
  /**
   * out[i] += Σ_j W[i·cols + j] · x[xOffset + j] for i < rows (dense, row-major W).
   */
  denseMatVecAdd(w: Float64Array, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void;
  /**
   * out[i] += Σ_{k ∈ [rowPtr[i], rowPtr[i+1])} values[k] · x[xOffset + colIdx[k]] (CSR W).
   */
  csrMatVecAdd(
    rowPtr: Int32Array,
    colIdx: Int32Array,
    values: Float64Array,
    rows: number,
    x: Float64Array,
    xOffset: number,
    out: Float64Array,
  ): void;
  /**
   * Event-driven delivery (spiking sources), column-wise over a transposed index:
   * for every column j < cols with s = x[xOffset + j] ≠ 0 (a spike),
   *   out[rowIdx[k]] += values[valIdx ? valIdx[k] : k] · s   for k ∈ [colPtr[j], colPtr[j+1]).
   * Only the synapses of units that spiked are touched: O(spikes × fan-out) instead of O(rows × cols).
   */
  eventMatVecAdd(
    colPtr: Int32Array,
    rowIdx: Int32Array,
    valIdx: Int32Array | null,
    values: Float64Array,
    cols: number,
    x: Float64Array,
    xOffset: number,
    out: Float64Array,
  ): void;
  /**
   * Event-driven delivery when every synapse has the same weight w (SynapseColumns.shared):
   *   out[rowIdx[k]] += w · s   for k ∈ [colPtr[j], colPtr[j+1]), s = x[xOffset + j] ≠ 0;
   * eventMatVecAdd's result with every value equal to w, bit for bit, without reading values.
   */
  eventSharedMatVecAdd(colPtr: Int32Array, rowIdx: Int32Array, weight: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void;
  /**
   * Single precision (float32 mode): out[i] += f64(Σ_j W[i·cols + j] ⊗ f32(x[xOffset + j])), the
   * products and sums rounded to float (order: see js-kernels-extra.ts; bit-identical in every
   * implementation).
   */
  denseMatVecAddF32(w: Float32Array, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void;
  /** Single precision CSR product, each row summed in storage order in float. */
  csrMatVecAddF32(
    rowPtr: Int32Array,
    colIdx: Int32Array,
    values: Float32Array,
    rows: number,
    x: Float64Array,
    xOffset: number,
    out: Float64Array,
  ): void;
  /** values[i] = tanh(values[i]) for i < n by the vectorised algorithm of vector-math.ts (≤ 1e-15 relative error). */
  tanhApprox(values: Float64Array, n: number): void;
  /** values[i] = σ(values[i]) for i < n by the vectorised algorithm of vector-math.ts (≤ 1e-15 relative error). */
  sigmoidApprox(values: Float64Array, n: number): void;
  /**
   * Optional: the leaky update of a whole rate population (compile/builders/rate.ts) over arrays
   * in the kernels' memory (KernelWorkspace.alloc), for i < n:
   *   net[i] = input[i] + bias[i];  act[i] = f(net[i]);  x[i] = keep·x[i] + leak·act[i]
   * with f the vectorised tanh or σ (`tanhApprox`, `sigmoidApprox`) and keep = 1 − leak. Returns
   * false, doing nothing, when the arrays are not there; the caller then runs its JS loops (same
   * results, bit for bit).
   */
  rateUpdate?(
    activation: 'tanh' | 'sigmoid',
    n: number,
    input: Float64Array,
    bias: Float64Array,
    x: Float64Array,
    net: Float64Array,
    act: Float64Array,
    keep: number,
    leak: number,
  ): boolean;
  /**
   * Optional: one forward-Euler step of n LIF neurons (compile/builders/lif.ts, `lifStep`) over
   * arrays allocated in the kernels' memory (KernelWorkspace.alloc). Returns false, doing
   * nothing, when the arrays are not there; the caller then runs its JS loop (same results).
   */
  lifStep?(...args: Parameters<LifStepFn>): boolean;
  /**
   * Optional: Poisson counts by table inversion (engine/poisson-sampler.ts) for out.length units,
   * continuing the xoshiro128** stream whose state is state[0…3] (updated): the counts and the
   * state the JS path (Rng.fillUint32, poissonCounts) gives. Every array in the kernels' memory
   * (KernelWorkspace.alloc); returns false, doing nothing, otherwise.
   */
  poissonCounts?(state: Int32Array, thresholds: Float64Array, guide: Int32Array, out: Float64Array): boolean;
  /**
   * Optional: one step (`substeps` Euler substeps of h) of n Izhikevich neurons
   * (compile/builders/izhikevich.ts) over arrays in the kernels' memory; false when they are not.
   */
  izhikevichStep?(
    n: number,
    v: Float64Array,
    u: Float64Array,
    spikes: Float64Array,
    ie: Float64Array,
    iSyn: Float64Array,
    jump: Float64Array,
    a: Float64Array,
    b: Float64Array,
    c: Float64Array,
    d: Float64Array,
    h: number,
    substeps: number,
  ): boolean;
  /**
   * A store for one program's matrices in the kernels' own memory (WASM linear memory), or
   * undefined when the kernels work on any typed array (plain JS). See KernelWorkspace.
   */
  workspace?(options?: WorkspaceOptions): KernelWorkspace;
}

export interface WorkspaceOptions {
  /** Threads that may share a product (1, or 2 with a helper worker over shared memory). */
  threads?: number;
  /** Also hold node state (`alloc`): the workspace then needs shared memory, which never moves. */
  state?: boolean;
}

/** Typed arrays for a program's state in the kernels' memory (valid for the program's life). */
export interface StateAllocator {
  f64(n: number): Float64Array;
  i32(n: number): Int32Array;
}

/**
 * Memory of one compiled program. `place` copies arrays in (one call for all of them, after each
 * weight sampling) and returns views to use in their place: products over placed arrays run
 * without copying the matrix. Each call invalidates the views of the previous one.
 */
export interface KernelWorkspace {
  place<T extends Float64Array | Float32Array | Int32Array>(arrays: readonly T[], scratch: number): T[];
  /**
   * Starts the data layout afresh for vectors of `scratch` elements and reserves `bytes` at its
   * start, for arrays written there directly (sampled weights: no copy afterwards); returns an
   * allocator of views inside the reservation. The next `place` (with the same `scratch`) keeps the
   * arrays that lie in the reservation where they are and lays the others out after it.
   */
  reserve?(scratch: number, bytes: number): StateAllocator;
  /** Threads actually sharing the products (2 once a helper worker is running). */
  readonly threads: number;
  /** Resolves when a requested helper worker runs (or could not be started). */
  whenReady(): Promise<void>;
  /** Node state in the workspace (requested with `state`, where shared memory is available). */
  readonly alloc?: StateAllocator;
  /** Frees the memory and stops a helper worker. */
  dispose(): void;
}
