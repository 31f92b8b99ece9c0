import { describe, expect, it } from 'vitest';
import { makeSignal } from './signals.ts';
import { poissonCount, poissonCounts, poissonTable } from './poisson-sampler.ts';
import { Rng } from './rng.ts';
import { jsKernels } from './kernels/js-kernels.ts';
import { createWasmKernels } from './kernels/wasm-kernels.ts';
import { Simulator } from './simulator.ts';
import { node, rawDoc, valid } from '../test-support/docs.ts';

const TWO32 = 2 ** 32;

/** Poisson pmf e^(−λ)λ^k/k!, computed by the recurrence P(k) = P(k−1)·λ/k. */
function pmf(lambda: number, k: number): number {
  let p = Math.exp(-lambda);
  for (let j = 1; j <= k; j++) p *= lambda / j;
  return p;
}

describe('Rng.fillUint32', () => {
  it('continues the stream exactly as nextUint32 does, and leaves the stream where it would be', () => {
    const a = new Rng(7, 'x');
    const b = new Rng(7, 'x');
    const words = new Uint32Array(1000);
    a.fillUint32(words);
    for (let i = 0; i < words.length; i++) expect(words[i]).toBe(b.nextUint32());
    expect(a.uniform()).toBe(b.uniform());
  });
});

describe('Poisson table inversion (input signal {"type": "poisson", "mean"})', () => {
  it('thresholds are F(k)·2³² and every word maps to the first k with x < T[k] (both sides of each threshold)', () => {
    const table = poissonTable(2);
    const t = table.thresholds;
    let cdf = 0;
    for (let k = 0; k < t.length - 1; k++) {
      cdf += pmf(2, k);
      expect(Math.abs(t[k] - cdf * TWO32), `T[${k}]`).toBeLessThanOrEqual(1);
    }
    expect(t[t.length - 1]).toBe(TWO32);
    expect(t.length).toBeGreaterThan(14); // P(count ≥ 14) ≈ 3·10⁻⁸ is far above 2⁻³²
    // F(0) = 0.1353, F(1) = 0.4060, F(2) = 0.6767, F(5) = 0.9834, F(6) = 0.9955
    expect(poissonCount(table, 0)).toBe(0);
    expect(poissonCount(table, Math.floor(0.5 * TWO32))).toBe(2);
    expect(poissonCount(table, Math.floor(0.99 * TWO32))).toBe(6);
    expect(poissonCount(table, TWO32 - 1)).toBe(t.length - 1);
    for (let k = 0; k < t.length - 1; k++) {
      if (t[k] > 0) expect(poissonCount(table, t[k] - 1), `below T[${k}]`).toBe(firstAbove(t, t[k] - 1));
      expect(poissonCount(table, t[k]), `at T[${k}]`).toBe(firstAbove(t, t[k]));
    }
  });

  it.each([0, 0.01, 2, 37.5, 100])('λ = %s: the guide table never starts past the answer (every top-8-bit bucket, its edges)', (mean) => {
    const table = poissonTable(mean);
    for (let b = 0; b < 256; b++) {
      for (const x of [b * 2 ** 24, b * 2 ** 24 + 2 ** 23, (b + 1) * 2 ** 24 - 1]) expect(poissonCount(table, x), `x = ${x}`).toBe(firstAbove(table.thresholds, x));
    }
    if (mean === 0) expect([...table.thresholds]).toEqual([TWO32]);
  });

  it('400,000 draws at λ = 2 (Brunel’s drive): integer counts, mean and variance 2, frequencies within 4 s.e. of the pmf (χ² small)', () => {
    const fn = makeSignal({ type: 'poisson', mean: 2 });
    const out = new Float64Array(1000);
    const rng = new Rng(5, 'poisson');
    const counts = new Array<number>(20).fill(0);
    let sum = 0;
    let sq = 0;
    let nonInteger = 0;
    const draws = 400_000;
    for (let t = 0; t < draws / out.length; t++) {
      fn(t, out, rng);
      for (const k of out) {
        if (!Number.isInteger(k)) nonInteger++;
        counts[Math.min(k, 19)]++;
        sum += k;
        sq += k * k;
      }
    }
    expect(nonInteger).toBe(0);
    const mean = sum / draws;
    const variance = sq / draws - mean * mean;
    expect(Math.abs(mean - 2)).toBeLessThan(4 * Math.sqrt(2 / draws));
    expect(Math.abs(variance - 2)).toBeLessThan(0.03);
    let chi2 = 0;
    for (let k = 0; k <= 9; k++) {
      const expected = draws * pmf(2, k);
      chi2 += (counts[k] - expected) ** 2 / expected;
      expect(Math.abs(counts[k] - expected), `k = ${k}`).toBeLessThan(4 * Math.sqrt(expected) + 1);
    }
    expect(chi2).toBeLessThan(30); // 10 bins: the 99.9 % point of χ²(9) is 27.9
  });

  it('λ = 37.5: mean and variance of 200,000 counts within 4 s.e.', () => {
    const fn = makeSignal({ type: 'poisson', mean: 37.5 });
    const out = new Float64Array(2000);
    const rng = new Rng(11, 'poisson');
    let sum = 0;
    let sq = 0;
    const draws = 200_000;
    for (let t = 0; t < draws / out.length; t++) {
      fn(t, out, rng);
      for (const k of out) {
        sum += k;
        sq += k * k;
      }
    }
    const mean = sum / draws;
    const variance = sq / draws - mean * mean;
    expect(Math.abs(mean - 37.5)).toBeLessThan(4 * Math.sqrt(37.5 / draws));
    // Var of the sample variance of a Poisson: (μ₄ − σ⁴)/n = (λ + 2λ²)/n
    expect(Math.abs(variance - 37.5)).toBeLessThan(4 * Math.sqrt((37.5 + 2 * 37.5 ** 2) / draws));
  });
});

/** The reference answer by linear search from k = 0. */
function firstAbove(t: Float64Array, x: number): number {
  let k = 0;
  while (x >= t[k]) k++;
  return k;
}

describe('Poisson counts in the kernels’ memory (WASM poisson_counts)', () => {
  const wasm = createWasmKernels()!;

  it.each([2, 37.5])('λ = %s: the counts and the stream’s state of the JS path, bit for bit', (mean) => {
    const table = poissonTable(mean);
    const ws = wasm.workspace({ state: true });
    const n = 5001;
    const out = ws.alloc!.f64(n);
    const thresholds = ws.alloc!.f64(table.thresholds.length);
    thresholds.set(table.thresholds);
    const guide = ws.alloc!.i32(256);
    guide.set(table.guide);
    const state = ws.alloc!.i32(4);
    const a = new Rng(17, 'drive');
    const b = new Rng(17, 'drive');
    for (let round = 0; round < 3; round++) {
      a.saveState(state);
      expect(wasm.poissonCounts!(state, thresholds, guide, out)).toBe(true);
      a.loadState(state);
      const words = new Uint32Array(n);
      const expected = new Float64Array(n);
      b.fillUint32(words);
      poissonCounts(table, words, expected);
      expect(Array.from(out)).toEqual(Array.from(expected));
    }
    expect(a.nextUint32()).toBe(b.nextUint32());
    // not in the kernels' memory: refused, nothing written
    expect(wasm.poissonCounts!(state, thresholds, guide, new Float64Array(3))).toBe(false);
    ws.dispose();
  });

  it('a network with a large Poisson drive gives the same spikes with the WASM and the plain-JS kernels', () => {
    const doc = valid(
      rawDoc(
        [node('x', 'input', { size: 1500, signal: { type: 'poisson', mean: 2 } }), node('n', 'lif', { size: 1500, v_rest: 0, v_reset: 10, v_th: 20, tau_m: 20, t_ref: 2 })],
        [{ id: 'drive', source: 'x', target: 'n', params: { weight: { type: 'identity', value: 0.5 }, synapse: { type: 'delta' } } }],
        { dt: 0.1 },
      ),
    );
    const trace = (sim: Simulator) => {
      const rows: number[] = [];
      sim.run(300, () => rows.push(...sim.node('x').output.subarray(0, 50), sim.node('n').output.reduce((s, y) => s + y, 0)));
      sim.program.dispose();
      return rows;
    };
    const fast = trace(Simulator.fromDocument(doc));
    expect(fast.some((v, i) => i % 51 === 50 && v > 0)).toBe(true); // the drive makes the neurons fire
    expect(fast).toEqual(trace(Simulator.fromDocument(doc, { kernels: jsKernels })));
  });
});
