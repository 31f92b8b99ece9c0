import { describe, expect, it } from 'vitest';
import { Simulator, describeSchedule } from '../index.ts';
import { formatIssue, validateDocument } from '../../model/index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, mean, record } from '../../test-support/run.ts';

const W = [
  [4.5, 1],
  [-1, 4.5],
];
const THETA = [-2.75, -1.75];

/** Beer's oscillator as one 2-unit ctrnn with a self-edge of delay `delay`. */
function beer(integrator: string, dt: number, delay: number, weights = W) {
  return valid(
    rawDoc(
      [node('c', 'ctrnn', { size: 2, tau: 1, bias: THETA, gain: 1, init: [0, 0], integrator })],
      [edge('w', 'c', 'c', { type: 'matrix', values: weights }, delay)],
      { dt },
    ),
  );
}

/** Mean period (time units) of a sampled trace from its maxima after `from`, each refined by a parabola through three samples. */
function period(y: ArrayLike<number>, dt: number, from: number): number {
  const times: number[] = [];
  for (let t = Math.max(1, from); t < y.length - 1; t++) {
    if (y[t] > y[t - 1] && y[t] >= y[t + 1]) {
      const denom = y[t - 1] - 2 * y[t] + y[t + 1];
      times.push((t + (denom === 0 ? 0 : (0.5 * (y[t - 1] - y[t + 1])) / denom)) * dt);
    }
  }
  return (times[times.length - 1] - times[0]) / (times.length - 1);
}

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** An independent solution: classic RK4 of τẏ = −y + W·σ(y + θ) written out here, small step h. */
function referencePeriod(h: number, T: number): number {
  let y = [0, 0];
  const f = (s: number[]) => {
    const o = s.map((v, i) => sigma(v + THETA[i]));
    return s.map((v, i) => -v + W[i][0] * o[0] + W[i][1] * o[1]);
  };
  const trace = new Float64Array(Math.round(T / h));
  for (let t = 0; t < trace.length; t++) {
    const k1 = f(y);
    const k2 = f(y.map((v, i) => v + (h / 2) * k1[i]));
    const k3 = f(y.map((v, i) => v + (h / 2) * k2[i]));
    const k4 = f(y.map((v, i) => v + h * k3[i]));
    y = y.map((v, i) => v + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
    trace[t] = y[0];
  }
  return period(trace, h, Math.round(100 / h));
}

function enginePeriod(integrator: string, dt: number, delay: number, weights = W): number {
  const steps = Math.round(400 / dt);
  const y = column(record(Simulator.fromDocument(beer(integrator, dt, delay, weights)), ['c.y'], steps)['c.y']);
  return period(y, dt, Math.round(100 / dt));
}

describe('ODE systems: ctrnn and wilson-cowan coupled by delay-0 edges are integrated as one', () => {
  const reference = referencePeriod(0.002, 400);

  it("Beer's oscillator with a delay-0 self-coupling, RK4 at dt = 0.05: period 29.0 τ ± 0.1, the ODE's own", () => {
    expect(Math.abs(reference - 29.0)).toBeLessThan(0.1);
    const p = enginePeriod('rk4', 0.05, 0);
    expect(Math.abs(p - 29.0)).toBeLessThan(0.1);
    expect(Math.abs(p - reference)).toBeLessThan(0.01);
  });

  it('a delay-1 coupling stays a true delay of one step: held over the step, the same circuit runs slow (29.78 τ)', () => {
    const p = enginePeriod('rk4', 0.05, 1);
    expect(p).toBeGreaterThan(29.7);
    expect(p).toBeLessThan(29.9);
  });

  it('Euler converges to the ODE’s period as dt → 0 (first order: halving dt halves the error)', () => {
    const errors = [0.05, 0.025, 0.0125].map((dt) => Math.abs(enginePeriod('euler', dt, 0) - reference));
    expect(errors[0]).toBeGreaterThan(errors[1]);
    expect(errors[1]).toBeGreaterThan(errors[2]);
    expect(errors[0] / errors[1]).toBeGreaterThan(1.7);
    expect(errors[0] / errors[1]).toBeLessThan(2.3);
    expect(errors[1] / errors[2]).toBeGreaterThan(1.7);
    expect(errors[1] / errors[2]).toBeLessThan(2.3);
    expect(errors[2]).toBeLessThan(0.2);
  });

  it('rows are targets: unit 2 excites unit 1 (W[0][1] = +1) and unit 1 inhibits unit 2 (W[1][0] = −1); the transpose settles on a fixed point', () => {
    const transpose = column(record(Simulator.fromDocument(beer('rk4', 0.05, 0, [[4.5, -1], [1, 4.5]])), ['c.y'], 8000)['c.y']).slice(6000);
    expect(Math.max(...transpose) - Math.min(...transpose)).toBeLessThan(1e-6);
    const cycle = column(record(Simulator.fromDocument(beer('rk4', 0.05, 0)), ['c.y'], 8000)['c.y']).slice(6000);
    expect(Math.max(...cycle) - Math.min(...cycle)).toBeGreaterThan(2);
  });

  it('two nodes coupled by delay-0 edges in a loop are one system: the same trajectory as the 2-unit node', () => {
    const split = valid(
      rawDoc(
        [node('a', 'ctrnn', { tau: 1, bias: THETA[0], init: 0, integrator: 'rk4' }), node('b', 'ctrnn', { tau: 1, bias: THETA[1], init: 0, integrator: 'rk4' })],
        [edge('aa', 'a', 'a', { type: 'constant', value: 4.5 }), edge('ba', 'b', 'a', { type: 'constant', value: 1 }), edge('ab', 'a', 'b', { type: 'constant', value: -1 }), edge('bb', 'b', 'b', { type: 'constant', value: 4.5 })],
        { dt: 0.05 },
      ),
    );
    const sim = Simulator.fromDocument(split);
    const ops = describeSchedule(sim.program.schedule);
    expect(ops.map((o) => o.type)).toEqual(['clear', 'clear', 'integrate']);
    expect(ops[2]).toMatchObject({ type: 'integrate', nodes: ['a', 'b'], couplings: ['aa', 'ba', 'ab', 'bb'], method: 'rk4', writes: ['a.y[t]', 'b.y[t]'] });
    expect(ops[2].equation).toMatch(/^one ODE system \{a, b\}, RK4 over dt = 0\.05 ms, every coupling evaluated in every stage: a: τ dy\/dt = −y \+ a\.in \+ W\[aa\]·a\.y \+ W\[ba\]·b\.y/);
    const r = record(sim, ['a.y', 'b.y'], 2000);
    const joint = record(Simulator.fromDocument(beer('rk4', 0.05, 0)), ['c.y'], 2000)['c.y'];
    for (let t = 0; t < 2000; t += 97) {
      expect(r['a.y'][t][0]).toBeCloseTo(joint[t][0], 12);
      expect(r['b.y'][t][0]).toBeCloseTo(joint[t][1], 12);
    }
  });

  it('inputs from outside the system are delivered first and held; a delay d ≥ 1 between ODE nodes delays by d steps', () => {
    const chain = (delay: number) =>
      valid(
        rawDoc(
          [node('u', 'input', { signal: { type: 'pulse', at: 20, width: 5, value: 3 } }), node('a', 'ctrnn', { tau: 2, init: 0 }), node('b', 'ctrnn', { tau: 3, init: 1 })],
          [edge('ua', 'u', 'a', { type: 'constant', value: 1 }), edge('ab', 'a', 'b', { type: 'constant', value: 2 }, delay)],
          { dt: 0.1 },
        ),
      );
    // b starts at rest (y = 2·σ(0) = 1 from a's resting output), so only the pulse moves it.
    const b0 = column(record(Simulator.fromDocument(chain(0)), ['b.y'], 300)['b.y']);
    const b3 = column(record(Simulator.fromDocument(chain(3)), ['b.y'], 300)['b.y']);
    for (let t = 0; t + 3 < 300; t++) expect(b3[t + 3]).toBe(b0[t]);
    // Not a loop: a and b update one after the other, no integrate operation.
    expect(describeSchedule(Simulator.fromDocument(chain(0)).program.schedule).map((o) => o.type)).toEqual(['update', 'clear', 'deliver', 'update', 'clear', 'deliver', 'update']);
  });

  it('two Wilson–Cowan columns coupled E→E without delay form one system with every coupling in every stage', () => {
    const columns = (delay: number) =>
      valid(
        rawDoc(
          [node('w1', 'wilson-cowan', { w_EE: 6.4, w_EI: 4.8, w_IE: 6, w_II: 1.2, I_ext_E: 0.8, integrator: 'rk4' }), node('w2', 'wilson-cowan', { w_EE: 6.4, w_EI: 4.8, w_IE: 6, w_II: 1.2, I_ext_E: 0.8, init_E: 0.5, integrator: 'rk4' })],
          [edge('c12', 'w1', 'w2', { type: 'matrix', values: [[0.3, 0], [0, 0]] }, delay), edge('c21', 'w2', 'w1', { type: 'matrix', values: [[0.3, 0], [0, 0]] }, delay)],
          { dt: 0.1 },
        ),
      );
    const ops = describeSchedule(Simulator.fromDocument(columns(0)).program.schedule);
    expect(ops.filter((o) => o.type === 'integrate').map((o) => o.nodes)).toEqual([['w1', 'w2']]);
    const r = record(Simulator.fromDocument(columns(0)), ['w1.E', 'w2.E'], 4000);
    // Coupled excitatorily, the two columns lock in phase.
    const late = (id: string) => column(r[id]).slice(3000);
    const e1 = late('w1.E');
    const e2 = late('w2.E');
    const m1 = mean(e1);
    const m2 = mean(e2);
    const cov = mean(e1.map((v, t) => (v - m1) * (e2[t] - m2)));
    const sd = (xs: number[], m: number) => Math.sqrt(mean(xs.map((v) => (v - m) ** 2)));
    expect(cov / (sd(e1, m1) * sd(e2, m2))).toBeGreaterThan(0.99);
  });
});

describe('delay-0 loops: allowed among ODE nodes only', () => {
  const errors = (raw: unknown) => {
    const r = validateDocument(raw);
    return r.ok ? [] : r.errors.map(formatIssue);
  };

  it('a delay-0 self-loop on a ctrnn is a coupling; on a rate node it is refused', () => {
    expect(errors(rawDoc([node('c', 'ctrnn', {})], [edge('s', 'c', 'c', { type: 'constant', value: 1 }, 0)]))).toEqual([]);
    expect(errors(rawDoc([node('r', 'rate', {})], [edge('s', 'r', 'r', { type: 'constant', value: 1 }, 0)]))[0]).toBe(
      'edges[0].params.delay: a self-loop needs delay ≥ 1 (a unit cannot read its own output of the same step)',
    );
  });

  it('a delay-0 loop through a discrete-time node is refused, naming that node', () => {
    const raw = rawDoc(
      [node('a', 'ctrnn', {}), node('r', 'rate', {}), node('b', 'ctrnn', {})],
      [edge('ab', 'a', 'b', { type: 'constant', value: 1 }), edge('br', 'b', 'r', { type: 'constant', value: 1 }), edge('ra', 'r', 'a', { type: 'constant', value: 1 })],
    );
    expect(errors(raw)).toEqual([
      'edges[1].params.delay: the loop r → a → b → r has no delay (edges ra, ab, br all have delay 0) and passes through "r", a rate node: only ODE nodes (ctrnn, wilson-cowan) are integrated together without a delay; give one of its edges a delay ≥ 1',
    ]);
  });

  it('the nodes of one system share an integrator', () => {
    const raw = rawDoc(
      [node('a', 'ctrnn', { integrator: 'rk4' }), node('b', 'ctrnn', { integrator: 'euler' })],
      [edge('ab', 'a', 'b', { type: 'constant', value: 1 }), edge('ba', 'b', 'a', { type: 'constant', value: 1 })],
    );
    expect(errors(raw)).toEqual([
      'nodes[1].params.integrator: the nodes a, b are coupled by delay-0 edges and integrated as one ODE system: give them the same integrator (a: rk4, b: euler)',
    ]);
  });
});
