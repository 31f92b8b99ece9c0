/**
 * Each schedule operation's backward against central finite differences of its own forward:
 * the rate update (every differentiable activation, leak < 1), the readout update (linear and
 * logistic, with a loss gradient), a delivery (dense and CSR, delayed) and the per-step losses.
 * The objective is a random linear functional L = c·(operation's output), so ∂L/∂(anything) is
 * exactly what the backward of that one operation must produce.
 */
import { describe, expect, it } from 'vitest';
import { rateBuilder } from '../../kinds/rate/builder.ts';
import { readoutBuilder } from '../../kinds/readout/builder.ts';
import type { ReadoutRuntime } from '../compile/readout.ts';
import { jsKernels } from '../kernels/js-kernels.ts';
import { bestKernels } from '../kernels/wasm-kernels.ts';
import { Rng } from '../rng.ts';
import type { AdjointStep } from './types.ts';
import type { NodeRuntime } from '../compile/types.ts';
import type { CompiledEdge } from '../compile/compile.ts';
import { DeliverAdjoint } from './deliver-adjoint.ts';
import { stepLoss } from './loss.ts';
import { valid, rawDoc, node } from '../../test-support/docs.ts';
import type { Kernels } from '../kernels/kernels.ts';

const H = 1e-6;
const rng = new Rng(42, 'operations-test');
const random = (n: number, scale = 1) => Float64Array.from({ length: n }, () => scale * (2 * rng.uniform() - 1));

/** Central difference of f with respect to a[i]. */
function fd(a: Float64Array, i: number, f: () => number): number {
  const v = a[i];
  a[i] = v + H;
  const plus = f();
  a[i] = v - H;
  const minus = f();
  a[i] = v;
  return (plus - minus) / (2 * H);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function expectClose(analytic: number, numeric: number): void {
  expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(numeric)));
}

function build(kind: 'rate' | 'readout', params: Record<string, unknown>, extra: Record<string, unknown>[] = []): NodeRuntime {
  const doc = valid(rawDoc([node('n', kind, params), ...extra], extra.length ? [{ id: 'e', source: extra[0].id, target: 'n' }] : []));
  const builder = kind === 'rate' ? rateBuilder : readoutBuilder;
  // the compiler adds what the kind declares (kind, spiking) to what its builder built
  return Object.assign(builder.build(doc.nodes[0] as never, { doc, dt: 1, kernels: jsKernels }), { kind, spiking: false });
}

function step(size: number, dY: Float64Array, saved: Float64Array[], din: Float64Array, grads: Float64Array[], dzLoss: Float64Array | null = null): AdjointStep {
  return { dY, row: size, saved, savedAt: saved.map(() => 0), din, grads, dzLoss, dzAt: 0 };
}

describe('backward of the rate update y[t] = (1 − a)·y[t−1] + a·f(in + b)', () => {
  it.each(['tanh', 'sigmoid', 'relu', 'linear'] as const)('%s, leak 0.7: ∂L/∂in, ∂L/∂b and ∂L/∂y[t−1] match finite differences', (activation) => {
    const n = 5;
    const r = build('rate', { size: n, activation, leak: 0.7, bias: Array.from(random(n, 0.5)) });
    const prev = random(n);
    const input = random(n, 2);
    const c = random(n);
    const bias = r.adjoint!.params[0].values;
    const L = () => {
      r.output.set(prev);
      r.input.set(input);
      r.update(0);
      return dot(c, r.output);
    };
    L();
    const dY = new Float64Array(2 * n);
    dY.set(c, n);
    const din = new Float64Array(n);
    const gb = new Float64Array(n);
    r.adjoint!.backward(step(n, dY, r.adjoint!.saved.map((a) => Float64Array.from(a)), din, [gb]));
    for (let i = 0; i < n; i++) {
      expectClose(din[i], fd(input, i, L));
      expectClose(gb[i], fd(bias, i, L));
      expectClose(dY[i], fd(prev, i, L));
    }
  });

  it('refuses the step activation and intrinsic plasticity, naming why', () => {
    expect(build('rate', { size: 2, activation: 'step' }).adjoint!.refusal()).toMatch(/activation "step" has no derivative/);
    expect(build('rate', { size: 2, activation: 'tanh', plasticity: { rule: 'ip-schrauwen' } }).adjoint!.refusal()).toMatch(/intrinsic plasticity/);
    expect(build('rate', { size: 2, activation: 'relu' }).adjoint!.refusal()).toBeNull();
  });
});

describe('backward of the readout update z = W_out·[φ; 1], y = z or σ(z)', () => {
  it.each([
    ['linear (mse)', { method: 'bptt', loss: 'mse' }],
    ['logistic (bce)', { method: 'bptt', loss: 'bce' }],
  ])('%s: ∂L/∂W_out and ∂L/∂φ match finite differences, the loss gradient added at z', (_name, training) => {
    const source = node('s', 'input', { size: 4, signal: { type: 'constant', value: 0 } });
    const r = build('readout', { size: 2, training }, [source]) as ReadoutRuntime;
    r.reset(new Rng(1, 'w'));
    const W = r.readout.weights;
    W.set(random(W.length));
    const phi = r.readout.phi;
    phi.set(random(4));
    const c = random(2);
    const e = random(2); // ∂J/∂z from a loss at this step
    // L = c·y + e·z: the backward gets c as ∂J/∂y and e as the loss's ∂J/∂z
    const L = () => {
      r.update(0);
      return dot(c, r.output) + dot(e, r.readout.preActivation);
    };
    L();
    const dY = new Float64Array(4);
    dY.set(c, 2);
    const din = new Float64Array(4);
    const gW = new Float64Array(W.length);
    r.adjoint!.backward(step(2, dY, r.adjoint!.saved.map((a) => Float64Array.from(a)), din, [gW], e));
    for (let k = 0; k < W.length; k++) expectClose(gW[k], fd(W, k, L));
    for (let j = 0; j < 4; j++) expectClose(din[j], fd(phi, j, L));
  });
});

describe('backward of a delivery in[t] += W·y_src[t − d] (its delay line: the adjoint row t − d)', () => {
  function edgeOf(format: 'dense' | 'csr', rows: number, cols: number, delay: number): CompiledEdge {
    if (format === 'dense') return { id: 'e', source: 's', target: 't', delay, rows, cols, weights: { format, rows, cols, data: random(rows * cols) } } as CompiledEdge;
    // every other synapse exists
    const rowPtr = new Int32Array(rows + 1);
    const colIdx: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = (i % 2); j < cols; j += 2) colIdx.push(j);
      rowPtr[i + 1] = colIdx.length;
    }
    return { id: 'e', source: 's', target: 't', delay, rows, cols, weights: { format, rows, cols, rowPtr, colIdx: Int32Array.from(colIdx), values: random(colIdx.length) } } as CompiledEdge;
  }

  it.each([
    ['dense, JS kernels', 'dense', jsKernels],
    ['dense, best kernels', 'dense', bestKernels()],
    ['CSR', 'csr', jsKernels],
  ] as const)('%s, delay 2: ∂L/∂W (existing synapses) and ∂L/∂y_src[t − 2]', (_name, format, kernels: Kernels) => {
    const rows = 9;
    const cols = 12;
    const delay = 2;
    const capacity = 4;
    const history = 2;
    const edge = edgeOf(format, rows, cols, delay);
    const yTape = random((history + capacity) * cols);
    const dyTape = new Float64Array(yTape.length);
    const c = random(rows);
    const din = new Float64Array(rows + 3);
    din.set(c, 3);
    const adjoint = new DeliverAdjoint({ edge, kernels, din, dinOffset: 3, yTape, dyTape, trainable: true, capacity, history });
    adjoint.sync();
    const k = 1;
    const s = history + k;
    adjoint.begin();
    adjoint.backward(s, k);
    adjoint.finish(capacity);
    const values = edge.weights.format === 'dense' ? edge.weights.data : edge.weights.values;
    const L = () => {
      const out = new Float64Array(rows);
      const w = edge.weights;
      if (w.format === 'dense') jsKernels.denseMatVecAdd(w.data, rows, cols, yTape, (s - delay) * cols, out);
      else jsKernels.csrMatVecAdd(w.rowPtr, w.colIdx, w.values, rows, yTape, (s - delay) * cols, out);
      return dot(c, out);
    };
    for (let q = 0; q < values.length; q++) expectClose(adjoint.grad![q], fd(values, q, L));
    for (let j = 0; j < cols; j++) {
      expectClose(dyTape[(s - delay) * cols + j], fd(yTape, (s - delay) * cols + j, L));
    }
    // nothing lands on any other step's row
    dyTape.fill(0, (s - delay) * cols, (s - delay + 1) * cols);
    expect(dyTape.every((v) => v === 0)).toBe(true);
  });
});

describe('per-step losses and their gradient with respect to the readout pre-activation', () => {
  it.each(['mse', 'bce'] as const)('%s', (kind) => {
    const m = 3;
    const z = random(m, 3);
    const d = Float64Array.from([0, 1, kind === 'bce' ? 0.3 : -0.7]);
    const y = () => (kind === 'mse' ? z : z.map((v) => 1 / (1 + Math.exp(-v))));
    const dz = new Float64Array(m);
    const loss = stepLoss(kind, y(), z, d, dz, 0);
    const direct = kind === 'mse' ? y().reduce((s, v, i) => s + (v - d[i]) ** 2, 0) / m : y().reduce((s, p, i) => s - (d[i] * Math.log(p) + (1 - d[i]) * Math.log(1 - p)), 0) / m;
    expect(loss).toBeCloseTo(direct, 12);
    for (let i = 0; i < m; i++) expectClose(dz[i], fd(z, i, () => stepLoss(kind, y(), z, d, null, 0)));
  });
});
