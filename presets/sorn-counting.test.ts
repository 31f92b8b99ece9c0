/**
 * Lazar, Pipa & Triesch (2009), Fig. 3: the counting task. Words "a bⁿ c" and "d eⁿ f" follow
 * each other at random; a linear readout of the excitatory state predicts the next letter. After
 * a phase of plasticity (sorn-stdp, normalisation, IP) the SORN predicts far better than the same
 * network left as it was drawn: only its state tells, after n identical letters, that the word ends.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../src/engine/index.ts';
import { Rng } from '../src/engine/rng.ts';
import { solveSymmetricPositiveDefinite } from '../src/engine/linalg/cholesky.ts';
import { presetRaw, rawNodeParams, valid } from '../src/test-support/docs.ts';

const LETTERS = 6;
const N = 8;
const PLASTIC_STEPS = 10_000;
const TRAIN = 5_000;
const TEST = 3_000;

/** Random words "a bⁿ c" (0 1ⁿ 2) and "d eⁿ f" (3 4ⁿ 5), `steps` letters. */
function countingLetters(n: number, steps: number, seed: number): number[] {
  const rng = new Rng(seed, 'counting');
  const out: number[] = [];
  while (out.length < steps) out.push(...(rng.int(2) === 0 ? [0, ...Array<number>(n).fill(1), 2] : [3, ...Array<number>(n).fill(4), 5]));
  return out.slice(0, steps);
}

/**
 * The sorn preset with the counting input: plasticity for PLASTIC_STEPS (or frozen from the start),
 * then frozen; a ridge readout (λ = 0.01) of the excitatory state after step t, fitted on TRAIN
 * steps, predicts letter t+1 on TEST steps. Returns the fraction correct over the predictable
 * letters (all but a word's first) and over the word ends alone (c or f, which need the count).
 */
function countingPerformance(plastic: boolean, seed: number): { all: number; ends: number } {
  const letters = countingLetters(N, PLASTIC_STEPS + TRAIN + TEST + 1, seed);
  const raw = presetRaw('sorn');
  raw.seed = seed;
  const u = rawNodeParams(raw, 'u');
  u.size = LETTERS;
  u.signal = { type: 'sequence', values: letters.map((l) => Array.from({ length: LETTERS }, (_, k) => (k === l ? 1 : 0))), repeat: false };
  const sim = Simulator.fromDocument(valid(raw));
  const E = sim.node('E');
  for (const rule of sim.program.plasticity) rule.frozen = !plastic;
  sim.run(PLASTIC_STEPS);
  for (const rule of sim.program.plasticity) rule.frozen = true;
  const states: number[][] = [];
  sim.run(TRAIN + TEST, () => states.push([...E.output, 1]));
  const next = (t: number) => letters[PLASTIC_STEPS + t + 1];
  const d = E.size + 1;
  const A = { rows: d, cols: d, data: new Float64Array(d * d) };
  const B = { rows: d, cols: LETTERS, data: new Float64Array(d * LETTERS) };
  for (let t = 100; t < TRAIN; t++) {
    const x = states[t];
    for (let i = 0; i < d; i++) {
      if (x[i] === 0) continue;
      for (let j = 0; j < d; j++) A.data[i * d + j] += x[i] * x[j];
      B.data[i * LETTERS + next(t)] += x[i];
    }
  }
  for (let i = 0; i < d; i++) A.data[i * d + i] += 0.01;
  const W = solveSymmetricPositiveDefinite(A, B).data;
  let right = 0;
  let count = 0;
  let rightEnds = 0;
  let ends = 0;
  for (let t = TRAIN; t < TRAIN + TEST - 1; t++) {
    const now = letters[PLASTIC_STEPS + t];
    if (now === 2 || now === 5) continue; // the next word is a coin toss
    const x = states[t];
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < LETTERS; k++) {
      let s = 0;
      for (let i = 0; i < d; i++) s += x[i] * W[i * LETTERS + k];
      if (s > bestScore) [best, bestScore] = [k, s];
    }
    const hit = best === next(t) ? 1 : 0;
    right += hit;
    count++;
    if (next(t) === 2 || next(t) === 5) {
      rightEnds += hit;
      ends++;
    }
  }
  return { all: right / count, ends: rightEnds / ends };
}

describe('sorn: Lazar et al. (2009), the counting task', () => {
  it(`after ${PLASTIC_STEPS} steps of plasticity the SORN predicts words of n = ${N} far better than the network as drawn (2 seeds)`, { timeout: 180_000 }, () => {
    for (const seed of [1, 2]) {
      const sorn = countingPerformance(true, seed);
      const drawn = countingPerformance(false, seed);
      console.log(`sorn counting n = ${N}, seed ${seed}: SORN ${sorn.all.toFixed(3)} (word ends ${sorn.ends.toFixed(3)}), as drawn ${drawn.all.toFixed(3)} (word ends ${drawn.ends.toFixed(3)})`);
      // Measured: SORN 0.92 and 0.94 of the predictable letters (word ends 0.81, 0.84); as drawn 0.67, 0.68 (ends 0).
      expect(drawn.ends).toBeLessThan(0.1);
      expect(drawn.all).toBeLessThan(0.72);
      expect(sorn.ends).toBeGreaterThan(0.6);
      expect(sorn.all).toBeGreaterThan(0.85);
    }
  });
});
