/**
 * The weight sampler's WebAssembly path against the TypeScript loops it replaces (the reference):
 * the same matrices bit for bit and the generator left in the same state, over shapes, densities,
 * value rules, connection rules with and without autapses, and a stream that starts with a kept
 * Box–Muller value.
 */
import { describe, expect, it } from 'vitest';
import type { WeightMatrix } from './types.ts';
import { expectSameBits } from '../../test-support/same-bits.ts';
import { Rng } from '../rng.ts';
import { sampleWeights, type WeightSpec } from './sample-weights.ts';
import { wasmSampler } from './sample-wasm.ts';

const normal = { type: 'normal', mean: 0.25, std: 1.5 } as WeightSpec['init'];
const uniform = { type: 'uniform', low: -0.5, high: 2 } as WeightSpec['init'];
const constant = { type: 'constant', value: -0.75 } as WeightSpec['init'];

/** Samples with both paths from the same stream; checks the matrices and the generators after. */
function compare(spec: WeightSpec, n: number, m: number, selfEdge = false, before?: (rng: Rng) => void): WeightMatrix {
  const rngJs = new Rng(17, 'edge:w');
  const rngWasm = new Rng(17, 'edge:w');
  before?.(rngJs);
  before?.(rngWasm);
  const js = sampleWeights(spec, n, m, rngJs, selfEdge, undefined, { wasm: false });
  const wasm = sampleWeights(spec, n, m, rngWasm, selfEdge);
  expectSameBits(wasm, js);
  expect([rngWasm.spareGaussian, rngWasm.uniform(), rngWasm.gaussian()]).toEqual([rngJs.spareGaussian, rngJs.uniform(), rngJs.gaussian()]);
  return wasm;
}

describe('the WebAssembly weight sampler', () => {
  it('runs here (so the comparisons below exercise it)', () => {
    expect(wasmSampler()).not.toBeNull();
  });

  it('draws the same sparse matrices as the TypeScript loops (geometric gaps)', () => {
    for (const init of [normal, uniform, constant]) {
      for (const [n, m, p] of [
        [300, 200, 0.01],
        [1000, 700, 0.002],
        [64, 3000, 0.15],
        [5, 5, 0.5],
        [2000, 1, 0.3],
      ] as const) {
        const w = compare({ init, connectivity: p }, n, m);
        expect(w.format).toBe(p <= 0.15 ? 'csr' : 'dense');
      }
    }
  });

  it('a large edge: 400,000 synapses over several chunks, with progress told the same rows', () => {
    const spec = { init: normal, connectivity: 0.004 };
    const rowsJs: number[] = [];
    const rowsWasm: number[] = [];
    const js = sampleWeights(spec, 10_000, 10_000, new Rng(3, 'edge:big'), true, (r) => void rowsJs.push(r), { wasm: false });
    const wasm = sampleWeights(spec, 10_000, 10_000, new Rng(3, 'edge:big'), true, (r) => void rowsWasm.push(r));
    expectSameBits(wasm, js);
    expect(rowsWasm).toEqual(rowsJs);
    expect(rowsWasm).toEqual([1024, 2048, 3072, 4096, 5120, 6144, 7168, 8192, 9216]);
    if (wasm.format === 'csr') expect(wasm.values.length).toBeGreaterThan(390_000);
  });

  it('draws the same dense matrices (every entry) and the same matrices after a scale or spectral radius', () => {
    for (const init of [normal, uniform, constant]) {
      expect(compare({ init, connectivity: 1 }, 40, 30).format).toBe('dense');
      compare({ init, connectivity: 1, scale: 0.3 }, 1, 500);
    }
    compare({ init: normal, connectivity: 0.1, spectralRadius: 0.9 }, 120, 120, true);
  });

  it('draws the same values for connection rules, with and without autapses', () => {
    for (const init of [normal, uniform, constant]) {
      compare({ init, connectivity: { rule: 'fixed-indegree', k: 20 } } as WeightSpec, 500, 400);
      compare({ init, connectivity: { rule: 'fixed-indegree', k: 30, autapses: false } } as WeightSpec, 300, 300, true);
      compare({ init, connectivity: { rule: 'fixed-indegree', k: 30, autapses: true } } as WeightSpec, 300, 300, true);
      compare({ init, connectivity: { rule: 'fixed-outdegree', k: 7 } } as WeightSpec, 200, 90);
      compare({ init, connectivity: { rule: 'fixed-total', n: 70_000 } } as WeightSpec, 400, 400, true);
    }
  });

  it('continues a stream that holds a kept Gaussian, and stores no zero values', () => {
    compare({ init: normal, connectivity: 0.05 }, 200, 200, false, (rng) => void rng.gaussian());
    compare({ init: { type: 'constant', value: 0 } as WeightSpec['init'], connectivity: 0.05 }, 200, 200);
    const w = compare({ init: { type: 'uniform', low: 0, high: 1e-300 } as WeightSpec['init'], connectivity: 0.5 }, 50, 50);
    if (w.format === 'dense') expect(w.data.some((v) => v !== 0)).toBe(true);
  });
});
