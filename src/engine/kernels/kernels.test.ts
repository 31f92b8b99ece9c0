/**
 * The WASM SIMD kernels against the plain-JS reference: bit-identical products (and so within
 * 1e-12) on awkward sizes, CSR with empty rows, event delivery, single precision, the vectorised
 * tanh/σ error bounds, placement in a workspace, a helper thread, and a reproducible build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { jsKernels } from './js-kernels.ts';
import { createWasmKernels } from './wasm-kernels.ts';
import { SIGMOID_MAX_REL_ERROR, TANH_MAX_REL_ERROR, sigmoidFast, tanhFast } from './vector-math.ts';
import { assembleKernels, generatedModuleText } from './wasm/assemble.ts';
import { instantiate, kernelModule } from './wasm/loader.ts';
import type { Kernels } from './kernels.ts';

const wasm = createWasmKernels()!;

/** Deterministic pseudo-random numbers in [−1, 1) (a small LCG: tests state what they draw). */
function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

function randomArray(n: number, r: () => number): Float64Array {
  return Float64Array.from({ length: n }, r);
}

function randomCsr(rows: number, cols: number, density: number, r: () => number) {
  const rowPtr = new Int32Array(rows + 1);
  const colIdx: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    const empty = i % 5 === 2; // every fifth row has no synapses
    for (let j = 0; j < cols && !empty; j++) {
      if ((r() + 1) / 2 < density) {
        colIdx.push(j);
        values.push(r() * 3);
      }
    }
    rowPtr[i + 1] = colIdx.length;
  }
  return { rowPtr, colIdx: Int32Array.from(colIdx), values: Float64Array.from(values) };
}

function expectSame(a: Float64Array, b: Float64Array): void {
  let maxDiff = 0;
  for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
  expect(maxDiff).toBeLessThanOrEqual(1e-12);
  expect(Array.from(b)).toEqual(Array.from(a)); // in fact bit for bit
}

const ROWS = [1, 3, 17, 1023];
const COLS = [1, 3, 4, 5, 8, 9, 12, 17, 64, 1023];

/** A random 10 %-dense sparsity pattern in compressed columns (draws from r in column order). */
function randomCsc(rows: number, cols: number, r: () => number): { colPtr: Int32Array; rowIdx: number[] } {
  const colPtr = new Int32Array(cols + 1);
  const rowIdx: number[] = [];
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) if ((r() + 1) / 2 < 0.1) rowIdx.push(i);
    colPtr[j + 1] = rowIdx.length;
  }
  return { colPtr, rowIdx };
}

describe('WASM SIMD kernels', () => {
  it('are available in this Node (WebAssembly SIMD)', () => {
    expect(kernelModule(false)).not.toBeNull();
    expect(wasm.name).toBe('wasm-simd');
  });

  it.each(ROWS)('dense f64, %i rows: identical to the JS reference for every column count', (rows) => {
    const r = rand(rows);
    for (const cols of COLS) {
      const w = randomArray(rows * cols, r);
      const x = randomArray(cols + 2, r);
      const out = randomArray(rows, r);
      const a = out.slice();
      const b = out.slice();
      jsKernels.denseMatVecAdd(w, rows, cols, x, 2, a);
      wasm.denseMatVecAdd(w, rows, cols, x, 2, b);
      expectSame(a, b);
    }
  });

  it.each(ROWS)('CSR f64 with empty rows, %i rows: identical to the JS reference', (rows) => {
    const r = rand(100 + rows);
    for (const cols of [1, 17, 1023]) {
      for (const density of [0.05, 0.5]) {
        const { rowPtr, colIdx, values } = randomCsr(rows, cols, density, r);
        const x = randomArray(cols, r);
        const out = randomArray(rows, r);
        const a = out.slice();
        const b = out.slice();
        jsKernels.csrMatVecAdd(rowPtr, colIdx, values, rows, x, 0, a);
        wasm.csrMatVecAdd(rowPtr, colIdx, values, rows, x, 0, b);
        expectSame(a, b);
      }
    }
  });

  it.each(ROWS)('single precision, %i rows: dense and CSR identical to the Math.fround reference', (rows) => {
    const r = rand(200 + rows);
    for (const cols of COLS) {
      const w = Float32Array.from(randomArray(rows * cols, r));
      const x = randomArray(cols, r);
      const a = new Float64Array(rows);
      const b = new Float64Array(rows);
      jsKernels.denseMatVecAddF32(w, rows, cols, x, 0, a);
      wasm.denseMatVecAddF32(w, rows, cols, x, 0, b);
      expect(Array.from(b)).toEqual(Array.from(a));
      const csr = randomCsr(rows, cols, 0.3, r);
      const v32 = Float32Array.from(csr.values);
      const c = new Float64Array(rows);
      const d = new Float64Array(rows);
      jsKernels.csrMatVecAddF32(csr.rowPtr, csr.colIdx, v32, rows, x, 0, c);
      wasm.csrMatVecAddF32(csr.rowPtr, csr.colIdx, v32, rows, x, 0, d);
      expect(Array.from(d)).toEqual(Array.from(c));
      // and close to the double-precision product (relative to Σ|w·x|)
      const e = new Float64Array(rows);
      jsKernels.denseMatVecAdd(Float64Array.from(w), rows, cols, x, 0, e);
      for (let i = 0; i < rows; i++) expect(Math.abs(b[i] - e[i])).toBeLessThanOrEqual(1e-6 * cols);
    }
  });

  it('event delivery (placed in a workspace) is identical to the JS reference', () => {
    const r = rand(7);
    const rows = 300;
    const cols = 257;
    const { colPtr, rowIdx } = randomCsc(rows, cols, r);
    const nnz = rowIdx.length;
    const values = randomArray(nnz * 2, r);
    const valIdx = Int32Array.from({ length: nnz }, (_, k) => 2 * k + 1);
    const x = Float64Array.from({ length: cols }, () => (r() > 0.6 ? 1 : 0));
    // spikes and target in the workspace too (node state), so the WASM kernel runs rather than the JS fallback
    const ws = wasm.workspace({ state: true });
    const xs = ws.alloc!.f64(cols);
    xs.set(x);
    const targets = [ws.alloc!.f64(rows), ws.alloc!.f64(rows)];
    const [cp, ri, vi, vs] = ws.place([colPtr, Int32Array.from(rowIdx), valIdx, values], Math.max(rows, cols));
    for (const withValIdx of [true, false]) {
      const a = new Float64Array(rows);
      const b = targets[withValIdx ? 0 : 1];
      jsKernels.eventMatVecAdd(colPtr, Int32Array.from(rowIdx), withValIdx ? valIdx : null, values, cols, x, 0, a);
      wasm.eventMatVecAdd(cp as Int32Array, ri as Int32Array, withValIdx ? (vi as Int32Array) : null, vs as Float64Array, cols, xs, 0, b);
      expectSame(a, b);
    }
    ws.dispose();
  });

  it('shared-weight event delivery: the general delivery with every value w, bit for bit, in JS and placed in a workspace', () => {
    const r = rand(9);
    const rows = 300;
    const cols = 257;
    const { colPtr, rowIdx } = randomCsc(rows, cols, r);
    const w = -0.5 + 0.1 * r();
    const rows32 = Int32Array.from(rowIdx);
    const x = Float64Array.from({ length: cols + 3 }, () => (r() > 0.6 ? 1 + Math.floor(3 * ((r() + 1) / 2)) : 0));
    const start = Float64Array.from({ length: rows }, () => r());
    const general = Float64Array.from(start);
    jsKernels.eventMatVecAdd(colPtr, rows32, null, new Float64Array(rowIdx.length).fill(w), cols, x, 3, general);
    const js = Float64Array.from(start);
    jsKernels.eventSharedMatVecAdd(colPtr, rows32, w, cols, x, 3, js);
    expectSame(general, js);
    const ws = wasm.workspace({ state: true });
    const xs = ws.alloc!.f64(x.length);
    xs.set(x);
    const out = ws.alloc!.f64(rows);
    out.set(start);
    const [cp, ri] = ws.place([colPtr, rows32], Math.max(rows, cols));
    wasm.eventSharedMatVecAdd(cp as Int32Array, ri as Int32Array, w, cols, xs, 3, out);
    expectSame(general, out);
    ws.dispose();
  });

  it('placed matrices give the same products as unplaced ones, across memory growth', () => {
    const r = rand(11);
    const ws = wasm.workspace();
    for (const n of [20, 700]) {
      const w = randomArray(n * n, r);
      const x = randomArray(n, r);
      const [placed] = ws.place([w], n);
      expect(placed === w).toBe(false);
      const a = new Float64Array(n);
      const b = new Float64Array(n);
      jsKernels.denseMatVecAdd(w, n, n, x, 0, a);
      wasm.denseMatVecAdd(placed as Float64Array, n, n, x, 0, b);
      expectSame(a, b);
    }
    ws.dispose();
  });
});

describe('vectorised tanh and sigmoid', () => {
  /** Arguments: uniform over several ranges, tiny and huge magnitudes, and special values. */
  function args(): Float64Array {
    const r = rand(3);
    const xs: number[] = [0, -0, 1e-300, -1e-300, 1e-9, 0.5493, 0.55, 19.9, 20, 20.1, 22, 40, 700, 710, 745, 1e308, Infinity, -Infinity];
    for (const scale of [1e-6, 0.1, 1, 3, 10, 40]) for (let i = 0; i < 330_000; i++) xs.push(r() * scale);
    return Float64Array.from(xs);
  }
  const xs = args();

  function maxRel(f: (v: Float64Array, n: number) => void, ref: (x: number) => number): { rel: number; at: number } {
    const v = xs.slice();
    f(v, v.length);
    let rel = 0;
    let at = 0;
    for (let i = 0; i < xs.length; i++) {
      const want = ref(xs[i]);
      const e = want === 0 ? Math.abs(v[i]) : Math.abs(v[i] - want) / Math.abs(want);
      if (e > rel) {
        rel = e;
        at = xs[i];
      }
    }
    return { rel, at };
  }

  const kernels: [string, Kernels][] = [
    ['WASM', wasm],
    ['JS port', jsKernels],
  ];
  it.each(kernels)('%s tanh: max relative error against Math.tanh ≤ 1e-15', (_name, k) => {
    const { rel } = maxRel((v, n) => k.tanhApprox(v, n), Math.tanh);
    console.log(`tanh max relative error vs Math.tanh over ${xs.length} arguments: ${rel.toExponential(3)}`);
    expect(rel).toBeLessThanOrEqual(TANH_MAX_REL_ERROR);
  });

  it.each(kernels)('%s sigmoid: max relative error against 1/(1 + Math.exp(−x)) ≤ 1e-15', (_name, k) => {
    const { rel } = maxRel((v, n) => k.sigmoidApprox(v, n), (x) => 1 / (1 + Math.exp(-x)));
    console.log(`sigmoid max relative error vs 1/(1+Math.exp(-x)) over ${xs.length} arguments: ${rel.toExponential(3)}`);
    expect(rel).toBeLessThanOrEqual(SIGMOID_MAX_REL_ERROR);
  });

  it('the JS port is bit-identical to the WASM kernel; NaN, ±0 and ±∞ behave', () => {
    const a = xs.slice();
    const b = xs.slice();
    const mismatches = () => a.reduce((count, v, i) => count + (Object.is(v, b[i]) ? 0 : 1), 0);
    wasm.tanhApprox(a, a.length);
    jsKernels.tanhApprox(b, b.length);
    expect(mismatches()).toBe(0);
    a.set(xs);
    b.set(xs);
    wasm.sigmoidApprox(a, a.length);
    jsKernels.sigmoidApprox(b, b.length);
    expect(mismatches()).toBe(0);
    expect(Object.is(tanhFast(-0), -0)).toBe(true);
    expect(tanhFast(Infinity)).toBe(1);
    expect(tanhFast(-Infinity)).toBe(-1);
    expect(tanhFast(NaN)).toBeNaN();
    expect(sigmoidFast(-Infinity)).toBe(0);
    expect(sigmoidFast(Infinity)).toBe(1);
    const special = Float64Array.of(NaN, -0, Infinity, -Infinity, 5);
    wasm.tanhApprox(special, special.length);
    expect(Number.isNaN(special[0])).toBe(true);
    expect(Object.is(special[1], -0)).toBe(true);
    expect(Array.from(special.subarray(2))).toEqual([1, -1, tanhFast(5)]);
  });
});

describe('elementwise kernels (tanh, σ, the fused rate update)', () => {
  const SENTINEL = 12345.5;
  const LENGTHS = [0, 1, 2, 3, 11, 12, 13, 23, 25, 1001];

  /** A kernels instance over its own memory, with n values at byte 1024 and sentinels around. */
  function kernelsWithArrays(count: number, n: number) {
    const memory = new WebAssembly.Memory({ initial: 4 });
    const k = instantiate(memory, false);
    const f = new Float64Array(memory.buffer);
    const stride = n + 16; // 16 sentinels after each array
    f.fill(SENTINEL);
    const at = (a: number) => 1024 + 8 * a * stride;
    const view = (a: number) => f.subarray(at(a) >> 3, (at(a) >> 3) + n);
    const sentinelsIntact = () => {
      for (let a = 0; a < count; a++) for (let i = n; i < stride; i++) if (f[(at(a) >> 3) + i] !== SENTINEL) return false;
      return f[(at(0) >> 3) - 1] === SENTINEL;
    };
    return { k, at, view, sentinelsIntact };
  }

  it.each(LENGTHS)('tanh and σ over %i values: the JS port bit for bit, nothing written past n', (n) => {
    const r = rand(700 + n);
    for (const [fn, ref] of [['tanh_f64', jsKernels.tanhApprox], ['sigmoid_f64', jsKernels.sigmoidApprox]] as const) {
      const { k, at, view, sentinelsIntact } = kernelsWithArrays(1, n);
      const values = randomArray(n, r).map((v) => v * 8);
      view(0).set(values);
      k[fn](at(0), n);
      ref(values, n);
      expect(Array.from(view(0))).toEqual(Array.from(values));
      expect(sentinelsIntact()).toBe(true);
    }
  });

  it.each(LENGTHS)('the fused rate update over %i units equals the builder’s JS loops, nothing written past n', (n) => {
    const r = rand(800 + n);
    for (const activation of ['tanh', 'sigmoid'] as const) {
      const { k, at, view, sentinelsIntact } = kernelsWithArrays(5, n);
      const [input, bias, x] = [randomArray(n, r).map((v) => v * 4), randomArray(n, r), randomArray(n, r)];
      view(0).set(input);
      view(1).set(bias);
      view(2).set(x);
      const leak = 0.3;
      (activation === 'tanh' ? k.rate_tanh : k.rate_sigmoid)(at(0), at(1), at(2), at(3), at(4), n, 1 - leak, leak);
      // the reference: compile/builders/rate.ts's loops with the JS kernels
      const net = input.map((v, i) => v + bias[i]);
      const act = net.slice();
      (activation === 'tanh' ? jsKernels.tanhApprox : jsKernels.sigmoidApprox)(act, n);
      const next = x.map((v, i) => (1 - leak) * v + leak * act[i]);
      expect(Array.from(view(3))).toEqual(Array.from(net));
      expect(Array.from(view(4))).toEqual(Array.from(act));
      expect(Array.from(view(2))).toEqual(Array.from(next));
      expect(sentinelsIntact()).toBe(true);
    }
  });
});

describe('two threads (helper worker over shared memory)', () => {
  const ws = wasm.workspace({ threads: 2 });
  afterAll(() => ws.dispose());

  it('split products are identical to one thread', async () => {
    await ws.whenReady();
    expect(ws.threads).toBe(2);
    const r = rand(5);
    const rows = 1001;
    const cols = 999;
    const w = randomArray(rows * cols, r);
    const csr = randomCsr(rows, cols, 0.2, r);
    const x = randomArray(cols, r);
    const [pw, rp, ci, cv, w32] = ws.place([w, csr.rowPtr, csr.colIdx, csr.values, Float32Array.from(w)] as const, Math.max(rows, cols));
    for (let rep = 0; rep < 20; rep++) {
      const a = new Float64Array(rows);
      const b = new Float64Array(rows);
      jsKernels.denseMatVecAdd(w, rows, cols, x, 0, a);
      wasm.denseMatVecAdd(pw as Float64Array, rows, cols, x, 0, b);
      expectSame(a, b);
      const c = new Float64Array(rows);
      const d = new Float64Array(rows);
      jsKernels.csrMatVecAdd(csr.rowPtr, csr.colIdx, csr.values, rows, x, 0, c);
      wasm.csrMatVecAdd(rp as Int32Array, ci as Int32Array, cv as Float64Array, rows, x, 0, d);
      expectSame(c, d);
      const e = new Float64Array(rows);
      const f = new Float64Array(rows);
      jsKernels.denseMatVecAddF32(Float32Array.from(w), rows, cols, x, 0, e);
      wasm.denseMatVecAddF32(w32 as Float32Array, rows, cols, x, 0, f);
      expect(Array.from(f)).toEqual(Array.from(e));
      x[rep] += 1;
    }
  });
});

describe('the committed WebAssembly', () => {
  it('is exactly what the WAT source assembles to (npm run build:wasm reproduces it)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('./wasm/kernels.generated.ts', import.meta.url)), 'utf8');
    expect(generatedModuleText(await assembleKernels())).toBe(committed);
  });
});
