/**
 * Signature behaviour of the presets of chapters 5–7 (reservoirs, intrinsic plasticity, active
 * information storage), each run from its own file and seed.
 */
import { describe, expect, it } from 'vitest';
import { memoryCapacity, Simulator, trainReadouts } from '../src/engine/index.ts';
import { computeMeasure } from '../src/measures/index.ts';
import { loadPreset, rawEdgeParams, rawNodeParams } from '../src/test-support/docs.ts';
import { column, record } from '../src/test-support/run.ts';

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
   * Largest Lyapunov exponent along a recorded trajectory of x[t] = tanh(W·x[t−1] + W_in·u[t]):
   * the growth rate of a tangent vector δ ← diag(1 − x[t]²)·W·δ, renormalised every step.
   */
  function lyapunov(w: Float64Array, rows: number[][], from: number): number {
    const n = rows[0].length;
    let d = new Float64Array(n).fill(1 / Math.sqrt(n));
    let sum = 0;
    for (let t = 1; t < rows.length; t++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let a = 0;
        for (let j = 0; j < n; j++) a += w[i * n + j] * d[j];
        next[i] = (1 - rows[t][i] ** 2) * a;
      }
      const norm = Math.hypot(...next);
      if (t >= from) sum += Math.log(norm);
      d = next.map((v) => v / norm);
    }
    return sum / (rows.length - from);
  }

  it('edge-of-chaos: mean AIS (KSG, k = 2) peaks where the Lyapunov exponent is ≈ 0, just above ρ = 1 (Boedecker et al. 2012)', () => {
    const radii = [0.5, 0.8, 0.95, 1.25, 2];
    const washout = 200;
    const units = 20;
    const sweep = radii.map((rho) => {
      const doc = loadPreset('edge-of-chaos', (raw) => {
        rawEdgeParams(raw, 'rec').weight.spectralRadius = rho;
      });
      const sim = Simulator.fromDocument(doc);
      const w = sim.program.edges.find((e) => e.id === 'rec')!.weights;
      if (w.format !== 'dense') throw new Error('expected a dense W');
      const rows = record(sim, ['res'], washout + 1200).res;
      const late = rows.slice(washout);
      let ais = 0;
      for (let i = 0; i < units; i++) ais += computeMeasure({ measure: 'ais', estimator: 'ksg', k: 2, neighbours: 4 }, { series: column(late, i) }, { locals: false }).average;
      return { rho, ais: ais / units, lambda: lyapunov(w.data, rows, washout) };
    });
    const peak = sweep.reduce((a, b) => (b.ais > a.ais ? b : a));
    expect(peak.rho).toBeGreaterThanOrEqual(0.95);
    expect(peak.rho).toBeLessThanOrEqual(1.5);
    expect(Math.abs(peak.lambda)).toBeLessThan(0.01); // the edge: neither ordered nor chaotic
    expect(sweep[0].lambda).toBeLessThan(-0.3); // ordered
    expect(sweep.at(-1)!.lambda).toBeGreaterThan(0.03); // chaotic
    expect(peak.ais).toBeGreaterThan(4 * sweep[0].ais);
    expect(peak.ais).toBeGreaterThan(2 * sweep.at(-1)!.ais);
    console.log(`edge-of-chaos: ${sweep.map((s) => `ρ ${s.rho}: AIS ${s.ais.toFixed(3)} nats, λ ${s.lambda.toFixed(3)}`).join('; ')}`);
  });
});
