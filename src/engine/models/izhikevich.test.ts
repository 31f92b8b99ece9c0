import { describe, expect, it } from 'vitest';
import { Simulator } from '../index.ts';
import { node, rawDoc, valid } from '../../test-support/docs.ts';
import { column, diffs, mean, record, spikeTimes, std } from '../../test-support/run.ts';

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
