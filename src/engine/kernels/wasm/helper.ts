/**
 * The second thread of a product: a helper worker that runs rows [mid, rows) of a matrix–vector
 * product while the engine's thread runs [0, mid), both in the same shared WebAssembly memory.
 *
 * Synchronisation is a control block of Int32 words at address 0 of that memory (Atomics):
 *   SEQ    the engine posts job n by storing n here and notifying;
 *   DONE   the helper stores n when job n is finished and notifies;
 *   STATE  0 starting, 1 waiting for jobs (the engine only posts jobs in state 1), 2 stopped;
 *   FN, ARGS  which kernel and its arguments; CMD 1 asks the helper to stop.
 * Both sides spin before sleeping in Atomics.wait (see SPIN), since jobs of one step follow each
 * other within microseconds.
 *
 * The helper is plain JavaScript in a string, started as a Node `worker_threads` eval worker or
 * a browser Worker from a Blob URL, so it needs no bundler support and no separate build.
 */

export const CTRL = { SEQ: 0, DONE: 1, STATE: 2, FN: 3, CMD: 4, ARGS: 8 } as const;
/** Bytes at the start of the memory reserved for the control block. */
export const CTRL_BYTES = 256;
export const JOB = { DENSE_F64: 1, DENSE_F32: 2, CSR_F64: 3, CSR_F32: 4 } as const;
/**
 * Spin iterations (Atomics.load, a few ns each: a few hundred µs) before sleeping in Atomics.wait.
 * The helper must still be spinning when the next step's product is posted: the rest of a step
 * takes tens of µs, while waking a thread from Atomics.wait can take from tens of µs to
 * milliseconds, which would cost a split product all its gain (README, Benchmarks). When
 * splitting stops paying (SplitStats) no jobs come, and the helper sleeps after one spin.
 */
export const SPIN = 30000;

/** The helper's source (CommonJS in Node, classic worker script in browsers). */
export const HELPER_SOURCE = `'use strict';
const C = ${JSON.stringify(CTRL)};
const SPIN = ${SPIN};
function run(msg, post) {
  const k = new WebAssembly.Instance(msg.module, { env: { memory: msg.memory } }).exports;
  const ctrl = new Int32Array(msg.memory.buffer, 0, 64);
  const fns = [null, k.dense_f64, k.dense_f32, k.csr_f64, k.csr_f32];
  let seen = Atomics.load(ctrl, C.SEQ);
  Atomics.store(ctrl, C.STATE, 1);
  post('ready');
  for (;;) {
    let s = seen;
    for (let i = 0; i < SPIN && s === seen; i++) s = Atomics.load(ctrl, C.SEQ);
    if (s === seen) {
      Atomics.wait(ctrl, C.SEQ, seen);
      continue;
    }
    seen = s;
    if (Atomics.load(ctrl, C.CMD) === 1) break;
    const a = C.ARGS;
    const fn = ctrl[C.FN];
    if (fn <= 2) fns[fn](ctrl[a], ctrl[a + 1], ctrl[a + 2], ctrl[a + 3], ctrl[a + 4], ctrl[a + 5]);
    else fns[fn](ctrl[a], ctrl[a + 1], ctrl[a + 2], ctrl[a + 3], ctrl[a + 4], ctrl[a + 5], ctrl[a + 6]);
    Atomics.store(ctrl, C.DONE, s);
    Atomics.notify(ctrl, C.DONE);
  }
  Atomics.store(ctrl, C.STATE, 2);
}
if (typeof self === 'undefined') {
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', (m) => run(m, (x) => parentPort.postMessage(x)));
} else {
  self.onmessage = (e) => run(e.data, (x) => self.postMessage(x));
}
`;

/** A started helper thread (the platform part: Node worker_threads or a browser Worker). */
export interface HelperThread {
  /** Posts a message to the thread (shared memory and WebAssembly modules are shared, not copied). */
  post(message: unknown): void;
  terminate(): void;
}

/** Whether this thread may block in Atomics.wait (not a browser's main thread). */
export function canBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a helper over `memory`; resolves once it is waiting for jobs, or null when workers are
 * not available here (the products then run on one thread).
 */
export function startHelper(module: WebAssembly.Module, memory: WebAssembly.Memory): Promise<HelperThread | null> {
  return startThread(HELPER_SOURCE, 'recurrence-kernels-helper', { module, memory });
}

/**
 * Starts a thread running `source` (plain JavaScript: a CommonJS script in Node, a classic worker
 * script in browsers) and posts it `init`; resolves once the thread posts its first message back
 * (it is ready), or null when workers are not available here.
 */
export async function startThread(source: string, name: string, init: unknown): Promise<HelperThread | null> {
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined' && typeof Worker === 'undefined';
  if (isNode) {
    const specifier = 'node:worker_threads'; // a variable, so browser bundlers leave it alone
    const { Worker: NodeWorker } = (await import(/* @vite-ignore */ specifier)) as typeof import('node:worker_threads');
    const w = new NodeWorker(source, { eval: true, name });
    w.unref();
    return new Promise((resolve) => {
      w.once('message', () => resolve({ post: (m) => w.postMessage(m), terminate: () => void w.terminate() }));
      w.once('error', () => resolve(null));
      w.postMessage(init);
    });
  }
  if (typeof Worker !== 'function' || typeof Blob !== 'function' || typeof URL.createObjectURL !== 'function') return null;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  try {
    const w = new Worker(url, { name });
    return await new Promise((resolve) => {
      w.onmessage = () => resolve({ post: (m) => w.postMessage(m), terminate: () => w.terminate() });
      w.onerror = () => resolve(null);
      w.postMessage(init);
    });
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
