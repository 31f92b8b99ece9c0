import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, diffs, mean, record, spikeTimes, std } from '../../test-support/run.ts';
import { readIzhikevichReference } from '../../test-support/reference.ts';
import { formatIssue, validateDocument } from '../../model/index.ts';
import { describeSchedule } from '../compile/compile.ts';

/** Inter-spike intervals (ms) of one neuron of a given type under constant I = 10 for 500 ms (dt = 0.1 ms). */
function isis(type: string): number[] {
  const dt = 0.1;
  const doc = valid(rawDoc([node('n', 'izhikevich', { type, i_e: 10 })], [], { dt }));
  return diffs(spikeTimes(column(record(Simulator.fromDocument(doc), ['n'], 5000).n), dt));
}

const cv = (xs: number[]) => std(xs) / mean(xs);

describe('izhikevich (Izhikevich 2003, Fig. 2)', () => {
  it('RS: regular spiking with adaptation (the first interval is much shorter than the settled ones)', () => {
    const d = isis('RS');
    expect(d.length).toBeGreaterThan(5);
    const late = d.slice(-5);
    expect(mean(late) / d[0]).toBeGreaterThan(1.5);
    expect(cv(late)).toBeLessThan(0.02);
    expect(Math.min(...d)).toBeGreaterThan(15); // no bursts
  });

  it('FS: fast spiking, > 100 Hz, regular, much faster than RS', () => {
    const d = isis('FS');
    const late = d.slice(-20);
    expect(1000 / mean(late)).toBeGreaterThan(100);
    expect(cv(late)).toBeLessThan(0.05);
    expect(mean(isis('RS').slice(-5)) / mean(late)).toBeGreaterThan(4);
  });

  it('IB: an initial burst, then tonic spiking', () => {
    const d = isis('IB');
    expect(d[0]).toBeLessThan(6);
    expect(d[1]).toBeLessThan(6);
    const tonic = d.slice(3);
    expect(Math.min(...tonic)).toBeGreaterThan(20);
    expect(cv(tonic)).toBeLessThan(0.05);
  });

  it('CH: repeated bursts (bimodal intervals: short within bursts, long between them, all along)', () => {
    const d = isis('CH');
    const short = d.filter((x) => x < 8);
    const long = d.filter((x) => x > 30);
    expect(short.length + long.length).toBe(d.length);
    expect(long.length).toBeGreaterThanOrEqual(6);
    expect(short.length / long.length).toBeGreaterThanOrEqual(3);
    // Bursts keep coming: a long interval in each half of the run.
    const half = Math.floor(d.length / 2);
    expect(d.slice(0, half).some((x) => x > 30) && d.slice(half).some((x) => x > 30)).toBe(true);
  });

  it('resets v to c and increments u by d at a spike; u starts at b·v', () => {
    const doc = valid(rawDoc([node('n', 'izhikevich', { a: 0.02, b: 0.2, c: -50, d: 2, i_e: 15 })], [], { dt: 0.1 }));
    const sim = Simulator.fromDocument(doc);
    expect(sim.node('n').vars.u[0]).toBeCloseTo(0.2 * -65, 12);
    const r = record(sim, ['n', 'n.v', 'n.u'], 3000);
    const t = column(r.n).indexOf(1);
    expect(t).toBeGreaterThan(0);
    expect(r['n.v'][t][0]).toBeLessThan(-49); // reset to c, then one Euler step at most
    expect(r['n.u'][t][0] - r['n.u'][t - 1][0]).toBeGreaterThan(1.9);
  });
});

describe('izhikevich "integrator": "izhikevich-2003" (the paper’s MATLAB scheme)', () => {
  const reference = readIzhikevichReference();

  it.each(['RS', 'FS', 'CH', 'IB'])('%s with I = 10: the published program’s spike times, exactly, over 1 s', (type) => {
    const ref = reference.neurons[type];
    const doc = valid(rawDoc([node('n', 'izhikevich', { type, i_e: reference.I, integrator: 'izhikevich-2003' })], [], { dt: 1 }));
    const spikes = spikeTimes(column(record(Simulator.fromDocument(doc), ['n'], reference.T_ms).n), 1);
    expect(ref.spikes_ms.length).toBeGreaterThan(15);
    expect(spikes).toEqual(ref.spikes_ms);
  });

  it('spikes at the start of the step after v reached 30 mV, then resets: v is held at the 30 mV peak for one step', () => {
    const doc = valid(rawDoc([node('n', 'izhikevich', { type: 'RS', i_e: 10, integrator: 'izhikevich-2003' })], [], { dt: 1 }));
    const r = record(Simulator.fromDocument(doc), ['n', 'n.v', 'n.u'], 200);
    const k = column(r.n).indexOf(1);
    expect(k).toBe(reference.neurons.RS.spikes_ms[0] - 1);
    expect(r['n.v'][k - 1][0]).toBe(30);
    expect(Math.max(...column(r['n.v']))).toBe(30);
    // Reset to c = −65, then two half steps: v(k) is the integration from −65.
    const u0 = r['n.u'][k - 1][0] + 8;
    let v = -65;
    v = v + 0.5 * (0.04 * (v * v) + 5 * v + 140 - u0 + 10);
    v = v + 0.5 * (0.04 * (v * v) + 5 * v + 140 - u0 + 10);
    expect(r['n.v'][k][0]).toBe(v);
    expect(r['n.u'][k][0]).toBe(u0 + 0.02 * (0.2 * v - u0));
  });

  it('is named in the schedule; substeps belong to euler only', () => {
    const doc = valid(rawDoc([node('n', 'izhikevich', { integrator: 'izhikevich-2003' })], [], { dt: 1 }));
    const update = describeSchedule(Simulator.fromDocument(doc).program.schedule).find((o) => o.type === 'update')!;
    expect(update.equation).toMatch(/^if v ≥ 30 mV: spike, v = c, u \+= d; then v \+= \(dt\/2\)·.* twice, u \+= dt·a\(bv − u\).*Izhikevich 2003 scheme, dt = 1 ms\)$/);
    const r = validateDocument(rawDoc([node('n', 'izhikevich', { integrator: 'izhikevich-2003', substeps: 2 })], [], { dt: 1 }));
    expect(r.ok ? [] : r.errors.map(formatIssue)).toEqual([
      'nodes[0].params.substeps: applies to the "euler" integrator only (izhikevich-2003 takes two half steps of v and one of u per step)',
    ]);
  });
});

describe('izhikevich "integrator": "euler"', () => {
  const trace = (dt: number, substeps?: number) => {
    const params = { type: 'CH', i_e: 10, ...(substeps === undefined ? {} : { substeps }) };
    const doc = valid(rawDoc([node('n', 'izhikevich', params)], [], { dt }));
    const sim = Simulator.fromDocument(doc);
    const update = describeSchedule(sim.program.schedule).find((o) => o.type === 'update')!;
    return { equation: update.equation, v: column(record(sim, ['n.v'], Math.round(300 / dt))['n.v']) };
  };

  it.each([
    [0.1, 1],
    [0.5, 1],
    [1, 2],
    [1.2, 3],
  ])('dt = %f ms defaults to ceil(dt / 0.5 ms) = %i substeps', (dt, expected) => {
    const byDefault = trace(dt);
    expect(byDefault.equation).toContain(`h = dt/${expected};`);
    expect(byDefault.v).toEqual(trace(dt, expected).v);
  });
});
