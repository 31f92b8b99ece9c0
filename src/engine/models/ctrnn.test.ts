import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, diffs, mean, record, std } from '../../test-support/run.ts';

/** Times (in steps) of the local maxima of a trace after `from`. */
function peaks(xs: number[], from: number): number[] {
  const out: number[] = [];
  for (let t = Math.max(1, from); t < xs.length - 1; t++) if (xs[t] > xs[t - 1] && xs[t] >= xs[t + 1]) out.push(t);
  return out;
}

/**
 * Beer 1995 (with τ_i ẏ_i = −y_i + Σ_j w_ji σ(y_j + θ_j)): w11 = w22 = 4.5, w12 = −1 (1 → 2),
 * w21 = +1 (2 → 1), θ = (−2.75, −1.75), τ = 1. Rows of our W are targets: W[i][j] = w_ji.
 */
function beerOscillator(init: number[], integrator = 'euler', dt = 0.05) {
  return valid(
    rawDoc(
      [node('c', 'ctrnn', { size: 2, tau: 1, bias: [-2.75, -1.75], gain: 1, init, integrator })],
      [edge('w', 'c', 'c', { type: 'matrix', values: [[4.5, 1], [-1, 4.5]] }, 1)],
      { dt },
    ),
  );
}

describe('ctrnn (Beer 1995)', () => {
  it("Beer's 2-neuron circuit oscillates on a limit cycle: same period and amplitude from different starts", () => {
    const results = [[0, 0], [3, -2]].map((init) => {
      const y = column(record(Simulator.fromDocument(beerOscillator(init)), ['c.y'], 8000)['c.y']);
      const late = y.slice(2000);
      const p = peaks(y, 2000);
      const periods = diffs(p);
      expect(periods.length).toBeGreaterThanOrEqual(5);
      return { period: mean(periods) * 0.05, jitter: std(periods), amplitude: Math.max(...late) - Math.min(...late) };
    });
    for (const r of results) {
      expect(r.amplitude).toBeGreaterThan(2);
      expect(r.jitter).toBeLessThanOrEqual(1); // steps
      expect(r.period).toBeGreaterThan(1);
      expect(r.period).toBeLessThan(100);
    }
    expect(Math.abs(results[0].period - results[1].period)).toBeLessThan(0.1);
    expect(Math.abs(results[0].amplitude - results[1].amplitude)).toBeLessThan(0.01);
    // The fixed point inside the cycle is unstable: starting near it still ends on the cycle.
    const near = column(record(Simulator.fromDocument(beerOscillator([2.7, 1.8])), ['c.y'], 8000)['c.y']).slice(2000);
    expect(Math.max(...near) - Math.min(...near)).toBeCloseTo(results[0].amplitude, 2);
  });

  it('a single self-connected unit with w > 4 is bistable (θ = −w/2); with w < 4 it has one fixed point', () => {
    const settle = (w: number, init: number) => {
      const doc = valid(rawDoc([node('c', 'ctrnn', { tau: 1, bias: -w / 2, init, integrator: 'rk4' })], [edge('s', 'c', 'c', { type: 'constant', value: w }, 1)], { dt: 0.05 }));
      const sim = Simulator.fromDocument(doc);
      sim.run(2000);
      return sim.node('c').vars.y[0];
    };
    const low = settle(6, -3);
    const high = settle(6, 9);
    expect(high - low).toBeGreaterThan(4);
    // Both are fixed points: y = w·σ(y + θ).
    for (const y of [low, high]) expect(y).toBeCloseTo(6 / (1 + Math.exp(-(y - 3))), 6);
    expect(Math.abs(settle(3, -3) - settle(3, 9))).toBeLessThan(1e-6);
  });

  it('RK4 integrates dy/dt = (I − y)/τ to 1e-8, far better than Euler at the same dt', () => {
    const run = (integrator: string) => {
      const doc = valid(rawDoc([node('u', 'input', { signal: { type: 'constant', value: 2 } }), node('c', 'ctrnn', { tau: 5, init: 0, integrator })], [edge('e', 'u', 'c', { type: 'constant', value: 1 })], { dt: 0.5 }));
      const y = column(record(Simulator.fromDocument(doc), ['c.y'], 20)['c.y']);
      return Math.max(...y.map((v, t) => Math.abs(v - 2 * (1 - Math.exp(-((t + 1) * 0.5) / 5)))));
    };
    expect(run('rk4')).toBeLessThan(1e-6);
    expect(run('euler')).toBeGreaterThan(1e-3);
  });
});
