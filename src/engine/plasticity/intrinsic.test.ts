import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { record } from '../../test-support/run.ts';

/** KL(P‖Q) of the pooled outputs' histogram on [lo, hi] against a target density (bins of equal width). */
function klToTarget(values: number[], lo: number, hi: number, density: (y: number) => number, bins = 20): number {
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
  const q = counts.map((_, k) => {
    let s = 0;
    for (let m = 0; m < 10; m++) s += density(lo + (k + (m + 0.5) / 10) * width);
    return s;
  });
  const qSum = q.reduce((a, b) => a + b, 0);
  let kl = 0;
  counts.forEach((c, k) => {
    const p = c / values.length;
    if (p > 0) kl += p * Math.log(p / Math.max(q[k] / qSum, 1e-12));
  });
  return kl;
}

function ipDoc(activation: string, plasticity: Record<string, unknown>, mean: number) {
  return valid(
    rawDoc(
      [node('u', 'input', { size: 10, signal: { type: 'gaussian', mean, std: 1 } }), node('r', 'rate', { size: 10, activation, plasticity })],
      [edge('in', 'u', 'r', { type: 'identity', value: 1 })],
    ),
  );
}

function sample(sim: Simulator, steps: number): number[] {
  return record(sim, ['r'], steps).r.flat();
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('intrinsic plasticity', () => {
  it('Triesch 2005: logistic units approach the exponential target (KL falls), their mean moves to μ', () => {
    const mu = 0.15;
    const sim = Simulator.fromDocument(ipDoc('sigmoid', { rule: 'ip-triesch', eta: 0.005, mu }, 0.5));
    const ip = sim.program.plasticity[0];
    ip.frozen = true;
    const before = sample(sim, 2000);
    ip.frozen = false;
    sim.run(20_000);
    ip.frozen = true;
    const after = sample(sim, 2000);
    const target = (y: number) => Math.exp(-y / mu);
    const klBefore = klToTarget(before, 0, 1, target);
    const klAfter = klToTarget(after, 0, 1, target);
    expect(klAfter).toBeLessThan(0.5 * klBefore);
    expect(Math.abs(avg(before) - mu)).toBeGreaterThan(0.2);
    expect(Math.abs(avg(after) - mu)).toBeLessThan(0.02);
    const gain = sim.node('r').vars.gain;
    expect(gain.every((g) => g !== 1)).toBe(true);
  });

  it('Schrauwen et al. 2008: tanh units approach the Gaussian target N(μ, σ²)', () => {
    const mu = 0;
    const sigma = 0.2;
    const sim = Simulator.fromDocument(ipDoc('tanh', { rule: 'ip-schrauwen', eta: 0.002, mu, sigma }, 0.8));
    const ip = sim.program.plasticity[0];
    ip.frozen = true;
    const before = sample(sim, 2000);
    ip.frozen = false;
    sim.run(20_000);
    ip.frozen = true;
    const after = sample(sim, 2000);
    const target = (y: number) => Math.exp(-((y - mu) ** 2) / (2 * sigma * sigma));
    expect(klToTarget(after, -1, 1, target)).toBeLessThan(0.5 * klToTarget(before, -1, 1, target));
    expect(Math.abs(avg(after) - mu)).toBeLessThan(0.03);
    const sd = Math.sqrt(avg(after.map((y) => (y - avg(after)) ** 2)));
    expect(Math.abs(sd - sigma)).toBeLessThan(0.05);
  });

  it('frozen: true compiles the rule but changes nothing; unfreezing at run time resumes learning', () => {
    const sim = Simulator.fromDocument(ipDoc('sigmoid', { rule: 'ip-triesch', eta: 0.01, mu: 0.2, frozen: true }, 0));
    sim.run(100);
    expect([...sim.node('r').vars.gain]).toEqual(new Array(10).fill(1));
    expect([...sim.node('r').vars.bias]).toEqual(new Array(10).fill(0));
    sim.program.plasticity[0].frozen = false;
    sim.run(10);
    expect(sim.node('r').vars.bias.every((b) => b !== 0)).toBe(true);
  });

  it('threshold IP (SORN): T += η(x − h_ip) drives each unit to fire with probability h_ip', () => {
    const doc = valid(
      rawDoc(
        [
          node('u', 'input', { size: 20, signal: { type: 'uniform', low: 0, high: 1 } }),
          node('s', 'threshold', { size: 20, threshold: { type: 'uniform', low: 0, high: 0.2 }, plasticity: { rule: 'ip-threshold', eta: 0.01, h_ip: 0.1 } }),
        ],
        [edge('in', 'u', 's', { type: 'identity', value: 1 })],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const t0 = Float64Array.from(sim.node('s').vars.threshold);
    sim.run(5000);
    const x = record(sim, ['s'], 5000).s.flat();
    expect(Math.abs(avg(x) - 0.1)).toBeLessThan(0.01);
    // With input U(0, 1), firing with probability 0.1 needs T ≈ 0.9.
    for (const t of sim.node('s').vars.threshold) expect(Math.abs(t - 0.9)).toBeLessThan(0.05);
    expect(t0.every((t) => t <= 0.2)).toBe(true);
  });
});
