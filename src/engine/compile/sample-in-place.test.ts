/**
 * Large sparse edges are sampled straight into the kernels' workspace (placement.ts
 * `reserveInPlace`): the weights are the same bits as a sampling into fresh arrays, they live in
 * the workspace's memory without a copy, and a network runs the same trace as with the plain-JS
 * kernels (no workspace) — also after a reset, which samples into the same memory again.
 */
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../model/index.ts';
import { validateDocument } from '../../model/validate.ts';
import { jsKernels } from '../kernels/js-kernels.ts';
import { Rng } from '../rng.ts';
import { Simulator } from '../simulator.ts';
import { compile } from './compile.ts';
import { IN_PLACE_MIN_SYNAPSES } from './placement.ts';
import { sampleWeights } from './sample-weights.ts';

/** 3,000 leaky-tanh units, p = 0.02 (≈ 180,000 recurrent synapses), a 1-unit input and a small edge. */
function network(): GraphDocument {
  const v = validateDocument({
    format: 'recurrence-graph',
    version: 2,
    title: 'in place',
    seed: 21,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'sine', amplitude: 1, period: 20 } } },
      { id: 'res', kind: 'rate', position: { x: 200, y: 0 }, params: { size: 3000, activation: 'tanh', leak: 0.5 } },
      { id: 'out', kind: 'rate', position: { x: 400, y: 0 }, params: { size: 40, activation: 'tanh', leak: 1 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 }, delay: 0 } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.02, scale: 1.1 / Math.sqrt(60), delay: 1 } },
      { id: 'ro', source: 'res', target: 'out', params: { weight: { type: 'uniform', low: -0.1, high: 0.1 }, connectivity: 0.05, delay: 0 } },
    ],
    panels: [],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.doc;
}

function trace(sim: Simulator, steps: number): Float64Array {
  const out = new Float64Array(steps * 3000);
  for (let t = 0; t < steps; t++) {
    sim.step();
    out.set(sim.node('res').output, t * 3000);
  }
  return out;
}

function sameBits(a: Float64Array | Int32Array, b: Float64Array | Int32Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

describe('sampling straight into the workspace', () => {
  it('gives the same weights as fresh arrays, in the workspace memory, and the same trace as the JS kernels, after a reset too', () => {
    const doc = network();
    const wasm = new Simulator(compile(doc), doc.seed);
    const js = new Simulator(compile(doc, { kernels: jsKernels }), doc.seed);
    const rec = wasm.program.edges.find((e) => e.id === 'rec')!;
    const w = rec.weights;
    if (w.format !== 'csr') throw new Error('expected a CSR edge');
    expect(w.values.length).toBeGreaterThan(IN_PLACE_MIN_SYNAPSES);
    const fresh = sampleWeights(rec.spec, 3000, 3000, new Rng(doc.seed, 'edge:rec'), true, undefined, { wasm: false });
    if (fresh.format !== 'csr') throw new Error('expected a CSR edge');
    expect([sameBits(w.rowPtr, fresh.rowPtr), sameBits(w.colIdx, fresh.colIdx), sameBits(w.values, fresh.values)]).toEqual([true, true, true]);
    // the weights live in the workspace's (shared) memory, like the population's state
    expect([w.values.buffer, wasm.node('res').output.buffer].map((b) => b instanceof SharedArrayBuffer)).toEqual([true, true]);
    expect(sameBits(trace(wasm, 30), trace(js, 30))).toBe(true);
    wasm.reset(99);
    js.reset(99);
    expect(sameBits(trace(wasm, 30), trace(js, 30))).toBe(true);
    wasm.program.dispose();
  });
});
