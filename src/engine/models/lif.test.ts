import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { applyParams } from '../live-update.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, diffs, mean, record, spikeTimes } from '../../test-support/run.ts';

const TAU = 10;
const T_REF = 2;
const GAP = 15; // v_th − v_rest (mV)
const R = 10;

/** 1 / (t_ref + τ_m ln(R·I / (R·I − (v_th − v_rest)))), in spikes per ms. */
function analyticRate(ie: number): number {
  const ri = R * ie;
  return ri <= GAP ? 0 : 1 / (T_REF + TAU * Math.log(ri / (ri - GAP)));
}

describe('lif', () => {
  it('fires at the analytic rate within 1 % at dt = 0.01 ms, and never below rheobase', () => {
    const currents = [1.4, 1.5, 1.6, 2, 3, 5];
    const dt = 0.01;
    const doc = valid(rawDoc([node('n', 'lif', { size: currents.length, i_e: currents, tau_m: TAU, t_ref: T_REF, r_m: R, v_rest: -65, v_reset: -65, v_th: -50 })], [], { dt }));
    const steps = 40_000; // 400 ms
    const rows = record(Simulator.fromDocument(doc), ['n'], steps).n;
    currents.forEach((ie, i) => {
      const times = spikeTimes(column(rows, i), dt);
      const expected = analyticRate(ie);
      if (expected === 0) {
        expect(times).toEqual([]);
        return;
      }
      const isi = mean(diffs(times));
      expect(Math.abs(1 / isi - expected) / expected).toBeLessThan(0.01);
      // The first spike comes after the integration time alone (no refractory period before it).
      expect(Math.abs(times[0] - (1 / expected - T_REF))).toBeLessThan(0.05);
    });
  });

  it('a delta synapse makes V jump by w mV, then V relaxes with τ_m', () => {
    const dt = 0.1;
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'pulse', at: 5, width: 1, value: 1 } }), node('n', 'lif', {})],
        [edge('e', 'u', 'n', { type: 'constant', value: 4 }, 0, { synapse: { type: 'delta' } })],
        { dt },
      ),
    );
    const v = column(record(Simulator.fromDocument(doc), ['n.v'], 20)['n.v']);
    expect(v[4]).toBe(-65);
    expect(v[5]).toBeCloseTo(-61, 12);
    expect(v[6] + 65).toBeCloseTo(4 * (1 - dt / 10), 12);
  });

  it('an exponential synapse current jumps by w nA and decays with its own τ', () => {
    const dt = 0.1;
    const doc = valid(
      rawDoc(
        [node('u', 'input', { signal: { type: 'pulse', at: 2, width: 1, value: 1 } }), node('n', 'lif', {})],
        [edge('e', 'u', 'n', { type: 'constant', value: 0.5 }, 0, { synapse: { type: 'exponential', tau: 5 } })],
        { dt },
      ),
    );
    const i = column(record(Simulator.fromDocument(doc), ['n.i_syn'], 30)['n.i_syn']);
    expect(i[1]).toBe(0);
    expect(i[2]).toBe(0.5);
    for (let k = 3; k < 30; k++) expect(i[k]).toBeCloseTo(0.5 * Math.exp((-(k - 2) * dt) / 5), 12);
  });

  it('a refractory neuron stays at v_reset for t_ref', () => {
    const dt = 0.1;
    const doc = valid(rawDoc([node('n', 'lif', { i_e: 5, v_reset: -70, t_ref: 2 })], [], { dt }));
    const r = record(Simulator.fromDocument(doc), ['n', 'n.v'], 400);
    const t = column(r.n).indexOf(1);
    expect(t).toBeGreaterThan(0);
    for (let k = t; k <= t + 20; k++) expect(r['n.v'][k][0]).toBe(-70);
    expect(r['n.v'][t + 21][0]).toBeGreaterThan(-70);
  });
});

describe('event-driven spike delivery', () => {
  it.each([
    ['dense', 1],
    ['csr', 0.1],
  ])('delivers exactly W·s from a spiking source (%s)', (_name, connectivity) => {
    const doc = valid(
      rawDoc(
        [node('p', 'poisson', { size: 60, rate: 300 }), node('n', 'lif', { size: 40 })],
        [edge('e', 'p', 'n', { type: 'normal', mean: 0, std: 1 }, 0, { connectivity })],
        { dt: 1 },
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const w = sim.program.edges[0].weights;
    expect(w.format).toBe(_name);
    for (let step = 0; step < 5; step++) {
      sim.step();
      const s = sim.node('p').output;
      expect(s.some((x) => x === 1)).toBe(true);
      const expected = new Float64Array(40);
      for (let i = 0; i < 40; i++) {
        for (let j = 0; j < 60; j++) {
          const wij = w.format === 'dense' ? w.data[i * 60 + j] : csrAt(w.rowPtr, w.colIdx, w.values, i, j);
          expected[i] += wij * s[j];
        }
      }
      const got = sim.node('n').input;
      for (let i = 0; i < 40; i++) expect(got[i]).toBeCloseTo(expected[i], 12);
    }
    expect(sim.program.schedule.find((op) => op.type === 'deliver')!.equation).toContain('event-driven');
  });
});

describe('event-driven delivery after a live weight change', () => {
  it('sees the rescaled weights (its column-ordered copy is rebuilt)', () => {
    const doc = valid(
      rawDoc([node('p', 'poisson', { size: 30, rate: 1000 }), node('n', 'lif', { size: 10 })], [edge('e', 'p', 'n', { type: 'uniform', low: 0, high: 1 }, 0, { connectivity: 0.1 })], { dt: 1 }),
    );
    const a = Simulator.fromDocument(doc);
    const b = Simulator.fromDocument(doc);
    expect(applyParams(b.program, doc, { type: 'params', nodes: [], edges: [{ id: 'e', factor: 2 }] })).toBe(true);
    a.step();
    b.step();
    expect(a.node('p').output.every((s) => s === 1)).toBe(true);
    const x = a.node('n').input;
    const y = b.node('n').input;
    expect(x.some((v) => v > 0)).toBe(true);
    x.forEach((v, i) => expect(y[i]).toBeCloseTo(2 * v, 12));
  });
});

function csrAt(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, i: number, j: number): number {
  for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) if (colIdx[k] === j) return values[k];
  return 0;
}
