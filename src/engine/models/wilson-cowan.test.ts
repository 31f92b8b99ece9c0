import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, diffs, mean, record, std } from '../../test-support/run.ts';
import { wcGain } from '../../kinds/wilson-cowan/builder.ts';

function run(params: Record<string, unknown>, steps: number, dt: number) {
  const sim = Simulator.fromDocument(valid(rawDoc([node('wc', 'wilson-cowan', params)], [], { dt })));
  const r = record(sim, ['wc.E', 'wc.I', 'wc'], steps);
  return { E: column(r['wc.E']), I: column(r['wc.I']), out: r.wc };
}

/** Neuromatch W2D4 T2: the oscillating parameter set. */
const OSCILLATING = { w_EE: 6.4, w_EI: 4.8, w_IE: 6.0, w_II: 1.2, I_ext_E: 0.8 };

describe('wilson-cowan (Wilson & Cowan 1972; Neuromatch parameters)', () => {
  it('with the default parameters it settles on a stable fixed point, which depends on the start (0.32 vs 0.33)', () => {
    const ends = [0.32, 0.33].map((init_E) => {
      const { E, I, out } = run({ init_E, init_I: 0.15, integrator: 'rk4' }, 1000, 0.1);
      const e = E[E.length - 1];
      const i = I[I.length - 1];
      expect(out[out.length - 1]).toEqual([e, i]);
      // A fixed point of both equations.
      expect(Math.abs(-e + wcGain(9 * e - 4 * i, 1.2, 2.8))).toBeLessThan(1e-9);
      expect(Math.abs(-i + wcGain(13 * e - 11 * i, 1, 4))).toBeLessThan(1e-9);
      return e;
    });
    expect(ends[0]).toBeLessThan(0.01); // the quiescent state
    expect(ends[1]).toBeGreaterThan(0.5); // the high-activity state
  });

  it('with the oscillation parameters it reaches a limit cycle; Euler and RK4 measure the same period', () => {
    const measure = (integrator: string, dt: number) => {
      const steps = Math.round(200 / dt);
      const { E } = run({ ...OSCILLATING, integrator }, steps, dt);
      const from = Math.round(100 / dt);
      const p: number[] = [];
      for (let t = from; t < E.length - 1; t++) if (E[t] > E[t - 1] && E[t] >= E[t + 1]) p.push(t * dt);
      const late = E.slice(from);
      return { period: mean(diffs(p)), jitter: std(diffs(p)), amplitude: Math.max(...late) - Math.min(...late) };
    };
    const rk4 = measure('rk4', 0.05);
    const euler = measure('euler', 0.01);
    expect(rk4.amplitude).toBeGreaterThan(0.2);
    expect(rk4.jitter).toBeLessThan(0.06);
    expect(rk4.period).toBeGreaterThan(5);
    expect(rk4.period).toBeLessThan(50);
    expect(Math.abs(euler.period - rk4.period) / rk4.period).toBeLessThan(0.01);
    console.log(`Wilson–Cowan limit cycle period: ${rk4.period.toFixed(3)} ms (RK4, dt 0.05), ${euler.period.toFixed(3)} ms (Euler, dt 0.01)`);
  });
});
