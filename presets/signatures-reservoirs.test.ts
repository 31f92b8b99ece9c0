/**
 * Signature behaviour of the presets of chapters 5–7 (reservoirs, intrinsic plasticity, active
 * information storage), each run from its own file and seed.
 */
import { describe, expect, it } from 'vitest';
import { memoryCapacity, Simulator, trainReadouts } from '../src/engine/index.ts';
import { loadPreset, rawNodeParams } from '../src/test-support/docs.ts';
import { record } from '../src/test-support/run.ts';
import { edgeOfChaosPoint } from '../scripts/edge-of-chaos-study.ts';

describe('chapter 5: reservoirs', () => {
  it('esn-mackey-glass: one-step-ahead prediction of Mackey–Glass with test NRMSE ≤ 0.05', () => {
    const report = trainReadouts(Simulator.fromDocument(loadPreset('esn-mackey-glass'))).out;
    expect(report.nrmse_test!).toBeLessThanOrEqual(0.05);
    console.log(`esn-mackey-glass: NRMSE train ${report.nrmse_train.toFixed(4)}, test ${report.nrmse_test!.toFixed(4)}`);
  });

  it('esn-narma10: 100 units reach NARMA-10 test NRMSE ≤ 0.4', () => {
    const report = trainReadouts(Simulator.fromDocument(loadPreset('esn-narma10'))).out;
    expect(report.nrmse_test!).toBeLessThanOrEqual(0.4);
    console.log(`esn-narma10: NRMSE train ${report.nrmse_train.toFixed(4)}, test ${report.nrmse_test!.toFixed(4)}`);
  });

  it('esn-memory-capacity: MC ≤ N and grows with N (Jaeger 2001); r²(k) falls from ≈ 1', () => {
    const mc = (size?: number) => {
      const doc = loadPreset('esn-memory-capacity', (raw) => {
        if (size !== undefined) rawNodeParams(raw, 'res').size = size;
      });
      const readout = doc.nodes.find((n) => n.kind === 'readout');
      if (readout?.kind !== 'readout') throw new Error('expected a readout');
      const { washout, train, test, training } = readout.params;
      const lambda = training.method === 'ridge' ? training.lambda : 1e-8;
      return memoryCapacity(Simulator.fromDocument(doc), { node: 'res', input: 'u', maxDelay: 60, washout, train, test, lambda });
    };
    const sizes = [10, 20, 30];
    const results = sizes.map((n, i) => (i === sizes.length - 1 ? mc() : mc(n)));
    results.forEach((r, i) => expect(r.mc).toBeLessThanOrEqual(sizes[i]));
    for (let i = 1; i < results.length; i++) expect(results[i].mc).toBeGreaterThan(results[i - 1].mc + 3);
    expect(results[2].curve[0]).toBeGreaterThan(0.99);
    expect(results[2].curve[59]).toBeLessThan(0.05);
    console.log(`esn-memory-capacity: MC(N = 10, 20, 30) = ${results.map((r) => r.mc.toFixed(2)).join(', ')}`);
  });
});

/** KL(p ‖ q) of the histogram of `values` over 40 bins of [−1, 1] against N(μ, σ²) restricted to [−1, 1]. */
function klToGaussian(values: number[], mu: number, sigma: number): number {
  const bins = 40;
  const p = new Array<number>(bins).fill(0);
  for (const v of values) p[Math.min(bins - 1, Math.max(0, Math.floor(((v + 1) / 2) * bins)))]++;
  const q = p.map((_, b) => Math.exp(-(((-1 + (b + 0.5) * (2 / bins) - mu) / sigma) ** 2) / 2));
  const qs = q.reduce((a, c) => a + c, 0);
  let kl = 0;
  for (let b = 0; b < bins; b++) {
    const pb = p[b] / values.length;
    const qb = Math.max(q[b] / qs, 1e-12);
    if (pb > 0) kl += pb * Math.log(pb / qb);
  }
  return kl;
}

describe('chapter 6: intrinsic plasticity', () => {
  it('esn-ip: Gaussian IP (Schrauwen 2008) moves the activation histogram towards N(0, 0.2²) and changes the NARMA-10 error', () => {
    const activations = (frozen: boolean) => {
      const doc = loadPreset('esn-ip', (raw) => {
        (rawNodeParams(raw, 'res').plasticity as { frozen: boolean }).frozen = frozen;
      });
      const rows = record(Simulator.fromDocument(doc), ['res'], 3000).res.slice(2500);
      const report = trainReadouts(Simulator.fromDocument(doc)).out;
      return { kl: klToGaussian(rows.flat(), 0, 0.2), nrmse: report.nrmse_test! };
    };
    const before = activations(true);
    const after = activations(false);
    expect(after.kl).toBeLessThan(0.5 * before.kl);
    expect(Math.abs(after.nrmse - before.nrmse)).toBeGreaterThan(0.05);
    console.log(`esn-ip: KL to N(0, 0.2²) ${before.kl.toFixed(3)} (IP frozen) → ${after.kl.toFixed(3)} (IP); NARMA-10 test NRMSE ${before.nrmse.toFixed(3)} → ${after.nrmse.toFixed(3)}`);
  });
});

describe('chapter 7: active information storage', () => {
  /**
   * λ_max and the mean AIS (KSG, k = 2, units 0–9, 1,000 steps after a washout of 200) of the
   * preset at spectral radius ρ and document seed `seed` (scripts/edge-of-chaos-study.ts, whose
   * full sweep over 8 seeds and ρ = 0.5 … 2.5 gives the figures of the README and the lesson).
   */
  const point = (rho: number, seed: number) => edgeOfChaosPoint(rho, seed, { ais: true, units: 10, aisSteps: 1000, steps: 1200 });

  it('edge-of-chaos: across seeds the AIS peaks at ρ ≈ 1.1–1.4, where λ_max ≈ 0 — not at one crossing point (Boedecker et al. 2012)', () => {
    const radii = [0.9, 1.1, 1.2, 1.3, 1.4, 1.6, 1.8];
    const lines: string[] = [];
    for (const seed of [2012, 1, 3, 5]) {
      const sweep = radii.map((rho) => point(rho, seed));
      const peak = sweep.reduce((a, b) => (b.ais! > a.ais! ? b : a));
      expect(peak.rho, `seed ${seed}`).toBeGreaterThanOrEqual(1.1);
      expect(peak.rho, `seed ${seed}`).toBeLessThanOrEqual(1.4);
      expect(Math.abs(peak.lambda), `seed ${seed}`).toBeLessThan(0.005); // the edge: neither ordered nor chaotic
      expect(sweep[0].lambda).toBeLessThan(-0.08); // ρ = 0.9: ordered
      expect(sweep.at(-1)!.lambda).toBeGreaterThan(0.02); // ρ = 1.8: chaotic
      expect(peak.ais!).toBeGreaterThan(4 * sweep[0].ais!);
      expect(peak.ais!).toBeGreaterThan(2 * sweep.at(-1)!.ais!);
      lines.push(`seed ${seed}: ${sweep.map((s) => `ρ ${s.rho} AIS ${s.ais!.toFixed(3)} λ ${s.lambda.toFixed(4)}`).join(', ')}`);
    }
    console.log(`edge-of-chaos:\n${lines.join('\n')}`);
  });

  it('edge-of-chaos: λ_max ≈ 0 over a range of ρ for the preset’s seed (|λ| < 0.005 from 1.05 to 1.6), not at one point', () => {
    for (const rho of [1.05, 1.2, 1.4, 1.6]) expect(Math.abs(edgeOfChaosPoint(rho, 2012).lambda), `ρ = ${rho}`).toBeLessThan(0.005);
    expect(edgeOfChaosPoint(0.95, 2012).lambda).toBeLessThan(-0.05);
    expect(edgeOfChaosPoint(1.8, 2012).lambda).toBeGreaterThan(0.02);
  });

  it('edge-of-chaos: a seed whose W drives the reservoir to a fixed point (seed 6) stays ordered up to ρ = 1.8, with no AIS peak', () => {
    for (const rho of [1.2, 1.5, 1.8]) {
      const p = point(rho, 6);
      expect(p.lambda).toBeLessThan(-0.04);
      expect(p.ais!).toBeLessThan(0.25);
    }
  });
});
