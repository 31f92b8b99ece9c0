/**
 * Loading the SIMD kernels' WebAssembly the same way in Node and in a (Vite) Web Worker: the
 * binaries are a generated TypeScript module of base64 strings (kernels.generated.ts), decoded
 * and compiled synchronously on first use. Compiling synchronously is allowed in Node and in
 * workers; a browser main thread refuses modules over 4 KB, and then — like an engine without
 * WASM SIMD — the caller falls back to the plain-JS kernels.
 */
import { KERNELS_SHARED_WASM_BASE64, KERNELS_WASM_BASE64, LINALG_WASM_BASE64, SAMPLING_WASM_BASE64 } from './kernels.generated.ts';

/** The exports of the kernels module (all pointers are byte addresses in its memory). */
export interface KernelExports {
  dense_f64(w: number, r0: number, r1: number, cols: number, x: number, out: number): void;
  dense_f32(w: number, r0: number, r1: number, cols: number, x32: number, out: number): void;
  csr_f64(rowPtr: number, colIdx: number, values: number, r0: number, r1: number, x: number, out: number): void;
  csr_f32(rowPtr: number, colIdx: number, values32: number, r0: number, r1: number, x32: number, out: number): void;
  event_f64(colPtr: number, rowIdx: number, valIdx: number, values: number, c0: number, c1: number, x: number, out: number): void;
  event_shared_f64(colPtr: number, rowIdx: number, c0: number, c1: number, x: number, out: number, weight: number): void;
  poisson_counts(state: number, thresholds: number, guide: number, out: number, n: number): void;
  demote(src: number, dst: number, n: number): void;
  tanh_f64(ptr: number, n: number): void;
  sigmoid_f64(ptr: number, n: number): void;
  rate_tanh(input: number, bias: number, x: number, net: number, act: number, n: number, keep: number, leak: number): void;
  rate_sigmoid(input: number, bias: number, x: number, net: number, act: number, n: number, keep: number, leak: number): void;
  lif_step(
    n: number, v: number, spikes: number, refr: number, drive: number, isyn: number, jump: number,
    decay: number, hr: number, vTh: number, vReset: number, refSteps: number,
  ): void;
  izhikevich_step(
    n: number, v: number, u: number, spikes: number, ie: number, isyn: number, jump: number,
    a: number, b: number, c: number, d: number, h: number, substeps: number,
  ): void;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const s = atob(base64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

const modules = new Map<boolean, WebAssembly.Module | null>();

/** The bytes of one variant (for tests and for passing to another thread). */
export function kernelBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  return decode(shared ? KERNELS_SHARED_WASM_BASE64 : KERNELS_WASM_BASE64);
}

/**
 * The compiled module, or null when this engine cannot run it (no WebAssembly, no SIMD, no
 * threads for the shared variant, or synchronous compilation refused).
 */
export function kernelModule(shared = false): WebAssembly.Module | null {
  if (modules.has(shared)) return modules.get(shared)!;
  let mod: WebAssembly.Module | null = null;
  try {
    if (typeof WebAssembly === 'object' && (!shared || typeof SharedArrayBuffer === 'function')) {
      const bytes = kernelBytes(shared);
      // validate() is the feature test: false when v128 (or shared memory) is not supported.
      if (WebAssembly.validate(bytes)) mod = new WebAssembly.Module(bytes);
    }
  } catch {
    mod = null;
  }
  modules.set(shared, mod);
  return mod;
}

/** Whether the SIMD kernels can run here. */
export function wasmSimdSupported(): boolean {
  return kernelModule(false) !== null;
}

/** Whether memory can be shared with a helper worker (SharedArrayBuffer and cross-origin isolation in browsers). */
export function sharedMemorySupported(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || kernelModule(true) === null) return false;
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  return isolated !== false;
}

export function instantiate(memory: WebAssembly.Memory, shared: boolean): KernelExports {
  const mod = kernelModule(shared);
  if (!mod) throw new Error('WASM SIMD kernels are not available');
  return new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as KernelExports;
}

/** The exports of the dense linear-algebra module (linalg-wat.ts; pointers are byte addresses, leading dimensions elements). */
export interface LinalgKernelExports {
  /** C[i, j] −= Σ_p A[i, p]·B[p, j] for i < m, j < n, p < k, row by row. */
  gemm_rows(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, n: number, k: number): void;
  /** The same update (same bits), four rows of B at a time over all rows of C. */
  gemm_panel(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, n: number, k: number): void;
  /** y[r] = Σ_c A[r, c]·x[c] for r < rows, c < cols. */
  matvec(a: number, lda: number, rows: number, cols: number, x: number, y: number): void;
  /** Double-shift sweeps over [l, hi] as one chain of bulges (shift sums and products: f64 arrays of `bulges`). */
  chain_sweep(a: number, ld: number, l: number, hi: number, sums: number, products: number, bulges: number): void;
}

/**
 * A loader that compiles the module in `base64` on its first call and returns the same module after
 * (null where WebAssembly, a feature it uses, or synchronous compilation is unavailable).
 */
function compiledOnce(base64: string): () => WebAssembly.Module | null {
  let mod: WebAssembly.Module | null | undefined;
  return () => {
    if (mod !== undefined) return mod;
    mod = null;
    try {
      if (typeof WebAssembly === 'object') {
        const bytes = decode(base64);
        if (WebAssembly.validate(bytes)) mod = new WebAssembly.Module(bytes);
      }
    } catch {
      mod = null;
    }
    return mod;
  };
}

/** The compiled linear-algebra module, or null where WASM SIMD or synchronous compilation is unavailable. */
export const linalgKernelModule = compiledOnce(LINALG_WASM_BASE64);

/** An instance of the linear-algebra kernels over `memory`, or null where they cannot run. */
export function instantiateLinalg(memory: WebAssembly.Memory): LinalgKernelExports | null {
  const mod = linalgKernelModule();
  return mod ? (new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as LinalgKernelExports) : null;
}

/** The exports of the weight sampler (sampling-wat.ts; pointers are byte addresses in `memory`). */
export interface SamplingExports {
  memory: WebAssembly.Memory;
  sample_entries(kind: number, p0: number, p1: number, factor: number, every: number, logMiss: number, n: number, m: number, rowPtr: number, cols: number, vals: number, cap: number): number;
  sample_gaps(kind: number, p0: number, p1: number, factor: number, logMiss: number, limit: number, deltas: number, vals: number, cap: number): number;
  sample_values(kind: number, p0: number, p1: number, vals: number, count: number): void;
}

/** The weight sampler's compiled module (to instantiate on a helper thread), or null where WebAssembly is unavailable. */
export const samplingModule = compiledOnce(SAMPLING_WASM_BASE64);

let sampling: SamplingExports | null | undefined;

/**
 * The weight sampler's instance (one per thread, with its own memory), or null where WebAssembly
 * is unavailable or synchronous compilation is refused (a browser's main thread: the TypeScript
 * loops then sample, with the same bits).
 */
export function samplingKernels(): SamplingExports | null {
  if (sampling !== undefined) return sampling;
  const mod = samplingModule();
  sampling = mod && (new WebAssembly.Instance(mod, {}).exports as unknown as SamplingExports);
  return sampling;
}
