/**
 * WebAssembly SIMD kernels (wasm/kernels-wat.ts): the same results as the plain-JS reference,
 * bit for bit (same operations in the same order), several times faster on large products.
 *
 * Memory: WASM code can only read its own linear memory. A compiled program therefore keeps its
 * matrices in a workspace (one WebAssembly.Memory per program, `Kernels.workspace`): after every
 * weight sampling the compiler `place`s the arrays there and uses the returned views. Vectors
 * (x, the output) are copied into the workspace's scratch area per product — O(rows + cols)
 * against O(rows·cols) or O(nnz) of work. Arrays that were not placed (tests, small edges) are
 * copied into a per-thread scratch memory for the call.
 *
 * Two threads: a workspace created with `threads: 2` lives in a shared memory and starts a
 * helper worker (wasm/helper.ts) that runs the second half of the rows of large products; until
 * it is ready, and wherever shared memory or blocking waits are unavailable, one thread does all.
 * Rows are independent, so splitting never changes a result.
 *
 * Shared memory needs cross-origin isolation in browsers: every response of the app must carry
 *   Cross-Origin-Opener-Policy: same-origin
 *   Cross-Origin-Embedder-Policy: require-corp
 * (vite.config.ts sets them for dev and preview; public/_headers for Netlify / Cloudflare Pages;
 * nginx: `add_header Cross-Origin-Opener-Policy same-origin always;` and the same for COEP).
 * Without them products run on one thread and large spiking populations keep their state in
 * ordinary arrays (their JS loops) — same results, slower.
 */
import { jsKernels } from './js-kernels.ts';
import { NARROW_COLS, type KernelWorkspace, type Kernels, type StateAllocator, type WorkspaceOptions } from './kernels.ts';
import { CTRL, CTRL_BYTES, JOB, SPIN, canBlock, startHelper, type HelperThread } from './wasm/helper.ts';
import { instantiate, kernelModule, sharedMemorySupported, type KernelExports } from './wasm/loader.ts';
import { SHARED_MAX_PAGES } from './wasm/kernels-wat.ts';
import { SplitStats } from './split-stats.ts';


const PAGE = 65536;
/** Below this many multiply–adds a product runs on one thread. */
export const SPLIT_MIN_WORK = 1 << 15;
/** Unplaced products smaller than this run in plain JS (copying would cost more than it saves). */
const ADHOC_MIN_WORK = 64;

type Typed = Float64Array | Float32Array | Int32Array;

const align16 = (n: number) => (n + 15) & ~15;

/** Which workspace memory a typed array's buffer belongs to. */
const owners = new WeakMap<ArrayBufferLike, WasmMemory>();

class WasmMemory {
  readonly memory: WebAssembly.Memory;
  readonly k: KernelExports;
  f64!: Float64Array;
  f32!: Float32Array;
  i32!: Int32Array;
  ctrl!: Int32Array;
  /** Scratch capacity (elements) of x, x32 and out; data starts after them. */
  cap = 0;
  /** End of the control block and the node state (allocState); scratch and data follow. */
  base = CTRL_BYTES;
  /** Whether layout() ran: state can no longer be allocated. */
  laidOut = false;
  xPtr = CTRL_BYTES;
  x32Ptr = CTRL_BYTES;
  outPtr = CTRL_BYTES;
  dataPtr = CTRL_BYTES;
  helper: HelperThread | null = null;
  helperReady = false;
  private seq = 0;
  disposed = false;

  constructor(readonly shared: boolean) {
    this.memory = shared ? new WebAssembly.Memory({ initial: 1, maximum: SHARED_MAX_PAGES, shared: true }) : new WebAssembly.Memory({ initial: 1 });
    this.k = instantiate(this.memory, shared);
    this.refresh();
  }

  /** Views of the whole memory (again after it grew). */
  refresh(): void {
    const b = this.memory.buffer;
    if (this.f64 && this.f64.buffer === b) return;
    this.f64 = new Float64Array(b);
    this.f32 = new Float32Array(b);
    this.i32 = new Int32Array(b);
    this.ctrl = new Int32Array(b, 0, 64);
    owners.set(b, this);
  }

  /** Lays out scratch for vectors of `cap` elements and makes room for `dataBytes` after it. */
  layout(cap: number, dataBytes: number): void {
    this.laidOut = true;
    this.cap = cap;
    this.xPtr = this.base;
    this.x32Ptr = this.xPtr + align16(cap * 8);
    this.outPtr = this.x32Ptr + align16(cap * 4);
    this.dataPtr = this.outPtr + align16(cap * 8);
    const need = this.dataPtr + dataBytes;
    const have = this.memory.buffer.byteLength;
    if (need > have) this.memory.grow(Math.ceil((need - have) / PAGE));
    this.refresh();
  }

  /** Reserves `bytes` for node state (shared memory only, before any layout); returns its address. */
  allocState(bytes: number): number {
    if (!this.shared || this.laidOut) throw new Error('node state needs a shared workspace, allocated before the weights');
    const at = this.base;
    this.base = align16(at + bytes);
    const have = this.memory.buffer.byteLength;
    if (this.base > have) this.memory.grow(Math.ceil((this.base - have) / PAGE));
    this.refresh();
    return at;
  }

  /**
   * The address of x[xOff] for a product: in place when x lives in this memory (node state in a
   * workspace), else x[xOff … xOff + n) copied to the x scratch.
   */
  xAt(x: Float64Array, xOff: number, n: number): number {
    if (owners.get(x.buffer) === this) return x.byteOffset + 8 * xOff;
    const f = this.f64;
    const xb = this.xPtr >> 3;
    if (xOff === 0 && x.length === n) f.set(x, xb);
    else for (let j = 0; j < n; j++) f[xb + j] = x[xOff + j];
    return this.xPtr;
  }

  /** The address of out[0 … rows) for a product: in place, or copied to the out scratch (see outDone). */
  outAt(out: Float64Array, rows: number): number {
    if (owners.get(out.buffer) === this) return out.byteOffset;
    const f = this.f64;
    const ob = this.outPtr >> 3;
    if (out.length === rows) f.set(out, ob);
    else for (let i = 0; i < rows; i++) f[ob + i] = out[i];
    return this.outPtr;
  }

  /** After a product: copies the out scratch back to out[0 … rows) when outAt used it. */
  outDone(out: Float64Array, rows: number, at: number): void {
    if (at !== this.outPtr) return;
    const f = this.f64;
    const ob = this.outPtr >> 3;
    if (rows > 256) out.set(f.subarray(ob, ob + rows));
    else for (let i = 0; i < rows; i++) out[i] = f[ob + i];
  }

  private stats = new Map<number, SplitStats>();

  /**
   * The split statistics of the product at `key` (its matrix address) when the helper may take
   * part (a product of ≥ SPLIT_MIN_WORK multiply–adds, ≥ 8 rows), else null.
   */
  splitStats(key: number, work: number, rows: number): SplitStats | null {
    if (!this.helperReady || work < SPLIT_MIN_WORK || rows < 8) return null;
    let st = this.stats.get(key);
    if (!st) this.stats.set(key, (st = new SplitStats()));
    return st;
  }

  /** Posts rows [mid, rows) of a product to the helper (arguments in the control block). */
  post(fn: number, args: number[]): void {
    const c = this.ctrl;
    for (let i = 0; i < args.length; i++) c[CTRL.ARGS + i] = args[i];
    c[CTRL.FN] = fn;
    this.seq = (this.seq + 1) | 0;
    Atomics.store(c, CTRL.SEQ, this.seq);
    Atomics.notify(c, CTRL.SEQ);
  }

  /** Waits until the helper finished the last posted job. */
  join(): void {
    const c = this.ctrl;
    const seq = this.seq;
    let done = Atomics.load(c, CTRL.DONE);
    for (let i = 0; i < SPIN && done !== seq; i++) done = Atomics.load(c, CTRL.DONE);
    while (done !== seq) {
      Atomics.wait(c, CTRL.DONE, done, 1000);
      done = Atomics.load(c, CTRL.DONE);
    }
  }

  /** out += W·x over W at wPtr, x at x64 (f64; demoted to the f32 scratch when `f32`), out at o. */
  dense(wPtr: number, f32: boolean, rows: number, cols: number, x64: number, o: number): void {
    const xp = f32 ? this.x32Ptr : x64;
    if (f32) this.k.demote(x64, this.x32Ptr, cols);
    const run = f32 ? this.k.dense_f32 : this.k.dense_f64;
    const st = this.splitStats(wPtr, rows * cols, rows);
    if (st) {
      const split = st.next();
      const t0 = performance.now();
      if (split) {
        const mid = rows >> 1;
        this.post(f32 ? JOB.DENSE_F32 : JOB.DENSE_F64, [wPtr, mid, rows, cols, xp, o]);
        run(wPtr, 0, mid, cols, xp, o);
        this.join();
      } else {
        run(wPtr, 0, rows, cols, xp, o);
      }
      st.record(split, performance.now() - t0);
    } else {
      run(wPtr, 0, rows, cols, xp, o);
    }
  }

  /** out += W·x over a CSR W (byte addresses of its arrays), x at x64 with `cols` entries, out at o. */
  csr(rowPtr: number, colIdx: number, values: number, f32: boolean, rows: number, cols: number, x64: number, o: number): void {
    const xp = f32 ? this.x32Ptr : x64;
    if (f32) this.k.demote(x64, this.x32Ptr, cols);
    const run = f32 ? this.k.csr_f32 : this.k.csr_f64;
    const rp = rowPtr >> 2;
    const nnz = this.i32[rp + rows] - this.i32[rp];
    const st = this.splitStats(values, nnz, rows);
    const split = st?.next() ?? false;
    const t0 = st ? performance.now() : 0;
    if (split) {
      // the row where half of the synapses are done (binary search on rowPtr)
      const half = this.i32[rp] + (nnz >> 1);
      let lo = 0;
      let hi = rows;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (this.i32[rp + m] < half) lo = m + 1;
        else hi = m;
      }
      const mid = Math.min(Math.max(lo, 1), rows - 1);
      this.post(f32 ? JOB.CSR_F32 : JOB.CSR_F64, [rowPtr, colIdx, values, mid, rows, xp, o]);
      run(rowPtr, colIdx, values, 0, mid, xp, o);
      this.join();
    } else {
      run(rowPtr, colIdx, values, 0, rows, xp, o);
    }
    st?.record(split, performance.now() - t0);
  }

  async startHelper(): Promise<void> {
    const mod = kernelModule(true);
    if (!mod || !this.shared) return;
    const helper = await startHelper(mod, this.memory);
    if (!helper) return;
    if (this.disposed) {
      helper.terminate();
      return;
    }
    this.helper = helper;
    this.helperReady = Atomics.load(this.ctrl, CTRL.STATE) === 1;
  }

  dispose(): void {
    this.disposed = true;
    if (this.helper) {
      Atomics.store(this.ctrl, CTRL.CMD, 1);
      this.post(0, []);
      this.helper.terminate();
      this.helper = null;
    }
    this.helperReady = false;
  }
}

/** Per-thread memory for products over arrays that were not placed in a workspace. */
let scratchMemory: WasmMemory | null = null;

function adhoc(cap: number, dataBytes: number): WasmMemory {
  scratchMemory ??= new WasmMemory(false);
  const m = scratchMemory;
  if (m.cap < cap || m.memory.buffer.byteLength < m.dataPtr + dataBytes) m.layout(Math.max(cap, m.cap), dataBytes);
  return m;
}

/** Copies `src` into memory m at byte address `at` (returns the next 16-aligned address). */
function copyIn(m: WasmMemory, src: Typed, at: number): number {
  if (src instanceof Float64Array) m.f64.set(src, at >> 3);
  else if (src instanceof Float32Array) m.f32.set(src, at >> 2);
  else m.i32.set(src, at >> 2);
  return at + align16(src.byteLength);
}

function placedIn(a: Typed): WasmMemory | undefined {
  const m = owners.get(a.buffer);
  return m && !m.disposed && a.byteLength > 0 ? m : undefined;
}

class Workspace implements KernelWorkspace {
  private m: WasmMemory;
  private ready: Promise<void> | null = null;
  readonly alloc?: StateAllocator;

  constructor(threads: number, state: boolean) {
    const two = threads >= 2 && sharedMemorySupported() && canBlock();
    const shared = two || (state && sharedMemorySupported());
    const m = (this.m = new WasmMemory(shared));
    if (two) this.ready = m.startHelper();
    if (shared && state) {
      this.alloc = {
        f64: (n) => {
          const at = m.allocState(n * 8); // first: it may grow the memory (a new buffer object)
          return new Float64Array(m.memory.buffer, at, n);
        },
        i32: (n) => {
          const at = m.allocState(n * 4);
          return new Int32Array(m.memory.buffer, at, n);
        },
      };
    }
  }

  get threads(): number {
    return this.m.helperReady ? 2 : 1;
  }

  /** Resolves once the helper worker is running (or could not be started). */
  whenReady(): Promise<void> {
    return this.ready ?? Promise.resolve();
  }

  /** The reservation of the layout under way (reserve → place), or null. */
  private reserved: { buffer: ArrayBufferLike; start: number; end: number } | null = null;

  reserve(scratch: number, bytes: number): StateAllocator {
    const m = this.m;
    m.layout(Math.max(scratch, 1), bytes);
    const r = (this.reserved = { buffer: m.memory.buffer, start: m.dataPtr, end: m.dataPtr + bytes });
    let next = r.start;
    const take = (n: number, size: number) => {
      const at = next;
      next = align16(at + n * size);
      if (next > r.end) throw new Error('workspace reservation exceeded');
      return at;
    };
    return {
      f64: (n) => new Float64Array(m.memory.buffer, take(n, 8), n),
      i32: (n) => new Int32Array(m.memory.buffer, take(n, 4), n),
    };
  }

  place<T extends Typed>(arrays: readonly T[], scratch: number): T[] {
    const m = this.m;
    const r = this.reserved;
    this.reserved = null;
    // addresses of the arrays written into the reservation, read before the memory may grow
    const kept = new Map<T, number>();
    if (r) {
      if (Math.max(scratch, 1) > m.cap) throw new Error('place: more scratch than the reservation laid out');
      for (const a of arrays) if (a.buffer === r.buffer && a.byteOffset >= r.start && a.byteOffset + a.byteLength <= r.end) kept.set(a, a.byteOffset);
    }
    let bytes = 0;
    for (const a of arrays) if (!kept.has(a)) bytes += align16(a.byteLength);
    const from = r ? r.end - r.start : 0;
    m.layout(r ? m.cap : Math.max(scratch, 1), from + bytes);
    let at = m.dataPtr + from;
    return arrays.map((a) => {
      const Ctor = a.constructor as new (b: ArrayBufferLike, offset: number, length: number) => T;
      const keptAt = kept.get(a);
      if (keptAt !== undefined) return new Ctor(m.memory.buffer, keptAt, a.length);
      const start = at;
      at = copyIn(m, a, at);
      return new Ctor(m.memory.buffer, start, a.length);
    });
  }

  dispose(): void {
    this.m.dispose();
  }
}

/** The WASM SIMD kernels, or null when this engine cannot run them (then use jsKernels). */
export function createWasmKernels(): (Kernels & { workspace(options?: WorkspaceOptions): KernelWorkspace }) | null {
  if (!kernelModule(false)) return null;
  return {
    name: 'wasm-simd',
    denseMatVecAdd(w, rows, cols, x, xOffset, out) {
      dense(w, false, rows, cols, x, xOffset, out);
    },
    denseMatVecAddF32(w, rows, cols, x, xOffset, out) {
      dense(w, true, rows, cols, x, xOffset, out);
    },
    csrMatVecAdd(rowPtr, colIdx, values, rows, x, xOffset, out) {
      csr(rowPtr, colIdx, values, false, rows, x, xOffset, out);
    },
    csrMatVecAddF32(rowPtr, colIdx, values, rows, x, xOffset, out) {
      csr(rowPtr, colIdx, values, true, rows, x, xOffset, out);
    },
    eventMatVecAdd(colPtr, rowIdx, valIdx, values, cols, x, xOffset, out) {
      // Only when the spikes and the target are in the same memory as the synapses (node state in
      // a workspace): copying them in and out would cost more than the few synapses of a step.
      const m = placedIn(values);
      if (!m || placedIn(colPtr) !== m || placedIn(rowIdx) !== m || (valIdx !== null && placedIn(valIdx) !== m) || placedIn(x) !== m || placedIn(out) !== m) {
        return jsKernels.eventMatVecAdd(colPtr, rowIdx, valIdx, values, cols, x, xOffset, out);
      }
      m.k.event_f64(colPtr.byteOffset, rowIdx.byteOffset, valIdx ? valIdx.byteOffset : 0, values.byteOffset, 0, cols, x.byteOffset + 8 * xOffset, out.byteOffset);
    },
    eventSharedMatVecAdd(colPtr, rowIdx, weight, cols, x, xOffset, out) {
      const m = placedIn(colPtr);
      if (!m || placedIn(rowIdx) !== m || placedIn(x) !== m || placedIn(out) !== m) return jsKernels.eventSharedMatVecAdd(colPtr, rowIdx, weight, cols, x, xOffset, out);
      m.k.event_shared_f64(colPtr.byteOffset, rowIdx.byteOffset, 0, cols, x.byteOffset + 8 * xOffset, out.byteOffset, weight);
    },
    poissonCounts(state, thresholds, guide, out) {
      const m = placedIn(out);
      if (!m || placedIn(state) !== m || placedIn(thresholds) !== m || placedIn(guide) !== m) return false;
      m.k.poisson_counts(state.byteOffset, thresholds.byteOffset, guide.byteOffset, out.byteOffset, out.length);
      return true;
    },
    lifStep(n, v, spikes, refractory, drive, iSyn, jump, decay, hr, vTh, vReset, refSteps) {
      const m = placedIn(v);
      if (!m || placedIn(spikes) !== m || placedIn(refractory) !== m || placedIn(drive) !== m || placedIn(iSyn) !== m || placedIn(jump) !== m) return false;
      m.k.lif_step(n, v.byteOffset, spikes.byteOffset, refractory.byteOffset, drive.byteOffset, iSyn.byteOffset, jump.byteOffset, decay, hr, vTh, vReset, refSteps);
      return true;
    },
    tanhApprox(values, n) {
      const m = adhoc(n, 0);
      m.f64.set(values.subarray(0, n), m.outPtr >> 3);
      m.k.tanh_f64(m.outPtr, n);
      m.outDone(values, n, m.outPtr);
    },
    sigmoidApprox(values, n) {
      const m = adhoc(n, 0);
      m.f64.set(values.subarray(0, n), m.outPtr >> 3);
      m.k.sigmoid_f64(m.outPtr, n);
      m.outDone(values, n, m.outPtr);
    },
    rateUpdate(activation, n, input, bias, x, net, act, keep, leak) {
      const m = placedIn(x);
      if (!m || placedIn(input) !== m || placedIn(bias) !== m || placedIn(net) !== m || placedIn(act) !== m) return false;
      const run = activation === 'tanh' ? m.k.rate_tanh : m.k.rate_sigmoid;
      run(input.byteOffset, bias.byteOffset, x.byteOffset, net.byteOffset, act.byteOffset, n, keep, leak);
      return true;
    },
    izhikevichStep(n, v, u, spikes, ie, iSyn, jump, a, b, c, d, h, substeps) {
      const m = placedIn(v);
      if (!m || [u, spikes, ie, iSyn, jump, a, b, c, d].some((x) => placedIn(x) !== m)) return false;
      m.k.izhikevich_step(n, v.byteOffset, u.byteOffset, spikes.byteOffset, ie.byteOffset, iSyn.byteOffset, jump.byteOffset, a.byteOffset, b.byteOffset, c.byteOffset, d.byteOffset, h, substeps);
      return true;
    },
    workspace(options = {}) {
      return new Workspace(options.threads ?? 1, options.state === true);
    },
  };
}

/** A dense product (f64 or f32 weights) in WASM, or in JS where vectorising cannot pay. */
function dense(w: Float64Array | Float32Array, f32: boolean, rows: number, cols: number, x: Float64Array, xOffset: number, out: Float64Array): void {
  let m = placedIn(w);
  if (cols < NARROW_COLS || (!m && rows * cols < ADHOC_MIN_WORK)) {
    if (f32) jsKernels.denseMatVecAddF32(w as Float32Array, rows, cols, x, xOffset, out);
    else jsKernels.denseMatVecAdd(w as Float64Array, rows, cols, x, xOffset, out);
    return;
  }
  let wPtr = w.byteOffset;
  if (!m) {
    m = adhoc(Math.max(rows, cols), w.byteLength);
    wPtr = m.dataPtr;
    copyIn(m, w, wPtr);
  }
  const o = m.outAt(out, rows);
  m.dense(wPtr, f32, rows, cols, m.xAt(x, xOffset, cols), o);
  m.outDone(out, rows, o);
}

function csr(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array | Float32Array, f32: boolean, rows: number, x: Float64Array, xOffset: number, out: Float64Array): void {
  let m = placedIn(values);
  let cols = x.length - xOffset; // CSR does not know its column count: every column index is below this
  if (m && placedIn(rowPtr) === m && placedIn(colIdx) === m) {
    cols = Math.min(cols, m.cap); // the workspace scratch holds the widest placed matrix
    const o = m.outAt(out, rows);
    m.csr(rowPtr.byteOffset, colIdx.byteOffset, values.byteOffset, f32, rows, cols, m.xAt(x, xOffset, cols), o);
    m.outDone(out, rows, o);
    return;
  }
  if (values.length < ADHOC_MIN_WORK) {
    if (f32) jsKernels.csrMatVecAddF32(rowPtr, colIdx, values as Float32Array, rows, x, xOffset, out);
    else jsKernels.csrMatVecAdd(rowPtr, colIdx, values as Float64Array, rows, x, xOffset, out);
    return;
  }
  m = adhoc(Math.max(rows, cols), align16(rowPtr.byteLength) + align16(colIdx.byteLength) + align16(values.byteLength));
  const rp = m.dataPtr;
  const ci = copyIn(m, rowPtr, rp);
  const vs = copyIn(m, colIdx, ci);
  copyIn(m, values, vs);
  const o = m.outAt(out, rows);
  m.csr(rp, ci, vs, f32, rows, cols, m.xAt(x, xOffset, cols), o);
  m.outDone(out, rows, o);
}

let defaultWasm: ReturnType<typeof createWasmKernels> | undefined;

/** The process-wide WASM kernels (created on first use), or null without WASM SIMD. */
export function wasmKernels(): ReturnType<typeof createWasmKernels> {
  if (defaultWasm === undefined) defaultWasm = createWasmKernels();
  return defaultWasm;
}

/** The fastest kernels available here: WASM SIMD, else the plain-JS reference (same results). */
export function bestKernels(): Kernels {
  return wasmKernels() ?? jsKernels;
}
