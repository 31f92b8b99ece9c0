import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { record } from '../../test-support/run.ts';

describe('poisson', () => {
  it('spikes with probability rate·dt/1000 per step, seeded and reproducible', () => {
    const doc = valid(rawDoc([node('p', 'poisson', { size: 50, rate: 100 })], [], { dt: 1 }));
    const a = record(Simulator.fromDocument(doc), ['p'], 2000).p;
    const count = a.flat().reduce((s, x) => s + x, 0);
    expect(a.flat().every((x) => x === 0 || x === 1)).toBe(true);
    expect(Math.abs(count / (50 * 2000) - 0.1)).toBeLessThan(0.004); // ±4 standard errors
    expect(record(Simulator.fromDocument(doc), ['p'], 2000).p).toEqual(a);
    expect(record(Simulator.fromDocument(doc, { seed: 99 }), ['p'], 2000).p).not.toEqual(a);
  });
});

describe('threshold (McCulloch–Pitts)', () => {
  it('fires exactly when the summed input reaches the unit’s threshold', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 2, signal: { type: 'sequence', values: [[0, 0], [1, 0], [0, 1], [1, 1]] } }), node('and', 'threshold', { size: 3, threshold: [2, 1, 0.5] })],
        [edge('e', 'u', 'and', { type: 'constant', value: 1 })],
      ),
    );
    // Unit 0 is AND (T = 2), unit 1 is OR (T = 1), unit 2 fires for any input (T = 0.5).
    expect(record(Simulator.fromDocument(doc), ['and'], 4).and).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('draws per-unit thresholds from U(low, high) at reset (SORN)', () => {
    const doc = valid(rawDoc([node('s', 'threshold', { size: 200, threshold: { type: 'uniform', low: 0.2, high: 0.5 }, init: { type: 'bernoulli', p: 0.3 } })]));
    const sim = Simulator.fromDocument(doc);
    const t = sim.node('s').vars.threshold;
    expect(Math.min(...t)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...t)).toBeLessThan(0.5);
    const on = sim.node('s').output.reduce((a, b) => a + b, 0);
    expect(on).toBeGreaterThan(30);
    expect(on).toBeLessThan(90);
  });
});
