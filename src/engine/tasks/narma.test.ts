import { describe, expect, it } from 'vitest';
import { formatIssue, NARMA_MAX_PLAIN_ORDER, validateDocument, type TaskSignal } from '../../model/index.ts';
import { Recorder, Simulator, parseProbe, trainReadouts } from '../index.ts';
import { Rng } from '../rng.ts';
import { makeTask } from './task-signals.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';

/** The target series y(1 … steps) of a NARMA generator run straight from seed `seed`. */
function series(order: number, variant: 'plain' | 'tanh', seed: number, steps: number): Float64Array {
  const g = makeTask({ type: 'narma', order, variant } as TaskSignal);
  g.reset(new Rng(seed, 'narma'));
  const out = new Float64Array(steps);
  const target = new Float64Array(1);
  const output = new Float64Array(1);
  const mask = new Float64Array(1);
  for (let t = 0; t < steps; t++) {
    g.next(t, output, target, mask);
    out[t] = target[0];
  }
  return out;
}

const maxAbs = (xs: Float64Array) => xs.reduce((m, x) => (Math.abs(x) > m || x !== x ? Math.abs(x) : m), 0);

describe('NARMA: the plain recurrence above order 10 is refused, the tanh-bounded form offered', () => {
  const input = (signal: Record<string, unknown>) => rawDoc([node('u', 'input', { signal })]);

  it('validation refuses the plain form above order 10, naming the field and the alternative', () => {
    expect(NARMA_MAX_PLAIN_ORDER).toBe(10);
    const r = validateDocument(input({ type: 'narma', order: 11 }));
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([
      'nodes[0].params.signal.order: the plain NARMA recurrence diverges above order 10 (order 11 in 99 % of 20,000-step runs); use "variant": "tanh" for higher orders, got 11',
    ]);
    expect(validateDocument(input({ type: 'narma', order: 10 })).ok).toBe(true);
    expect(validateDocument(input({ type: 'narma', order: 30, variant: 'tanh' })).ok).toBe(true);
    const bad = validateDocument(input({ type: 'narma', order: 5, variant: 'sigmoid' }));
    expect(bad.ok ? [] : bad.errors.map(formatIssue)).toEqual(['nodes[0].params.signal.variant: must be one of "plain", "tanh", got "sigmoid"']);
  });

  it('the refusal is the recurrence’s behaviour: order 11 escapes in every one of 8 seeded runs, order 9 stays below 1.1', () => {
    for (let seed = 1; seed <= 8; seed++) {
      expect(maxAbs(series(11, 'plain', seed, 20_000))).toBeGreaterThan(1e6);
      expect(maxAbs(series(9, 'plain', seed, 20_000))).toBeLessThan(1.1);
    }
  });

  it('the tanh form follows y(t+1) = tanh(0.3y + 0.05y·Σy + 1.5u(t−n+1)u(t) + 0.1) and stays in (−1, 1) at order 30', () => {
    const sim = Simulator.fromDocument(valid(input({ type: 'narma', order: 30, variant: 'tanh' })));
    const u = new Recorder(sim, parseProbe('u'), 2000);
    const d = new Recorder(sim, parseProbe('u.target'), 2000);
    sim.run(2000, () => {
      u.record();
      d.record();
    });
    const us = u.rows().map((r) => r[0]);
    const ds = d.rows().map((r) => r[0]);
    const y = [0];
    for (let t = 0; t < 2000; t++) {
      let sum = 0;
      for (let i = 0; i < 30; i++) sum += t - i >= 0 ? y[t - i] : 0;
      y.push(Math.tanh(0.3 * y[t] + 0.05 * y[t] * sum + 1.5 * (t - 29 >= 0 ? us[t - 29] : 0) * us[t] + 0.1));
      expect(ds[t]).toBeCloseTo(y[t + 1], 12);
      expect(Math.abs(ds[t])).toBeLessThan(1);
    }
    // Saturated but not constant: the target still carries the inputs.
    const late = y.slice(1000);
    const mean = late.reduce((a, b) => a + b, 0) / late.length;
    const sd = Math.sqrt(late.reduce((a, b) => a + (b - mean) ** 2, 0) / late.length);
    expect(mean).toBeGreaterThan(0.9);
    expect(sd).toBeGreaterThan(0.003);
  });

  it('a plain NARMA-10 target that diverges during training ends it with the reason (seed 232 escapes at step 683)', () => {
    const doc = valid(
      rawDoc(
        [
          node('u', 'input', { signal: { type: 'narma', order: 10 } }),
          node('res', 'rate', { size: 20, activation: 'tanh', leak: 1 }),
          node('out', 'readout', { target: 'u.target', washout: 100, train: 1000, test: 200 }),
        ],
        [
          edge('in', 'u', 'res', { type: 'uniform', low: -0.5, high: 0.5 }),
          edge('rec', 'res', 'res', { type: 'normal' }, 1, { spectralRadius: 0.9 }),
          { id: 'r', source: 'res', target: 'out' },
        ],
        { seed: 232 },
      ),
    );
    expect(() => trainReadouts(Simulator.fromDocument(doc))).toThrow(
      /^the target of readout "out" \(u\.target\) became (Infinity|NaN) at step 6\d\d: its signal diverged .* use "variant": "tanh" or another seed$/,
    );
    const other = valid({ ...doc, seed: 1 });
    expect(trainReadouts(Simulator.fromDocument(other)).out.nrmse_test).toBeLessThan(1);
  });
});
