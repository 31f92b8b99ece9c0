import { describe, expect, it } from 'vitest';
import { ProbeWindow } from '../../store/probeWindow.ts';
import { histogram } from './binning.ts';
import { firingRates, interSpikeIntervals } from './spikes.ts';
import { SpikeTally } from './spikeTally.ts';

/** A fixed spike pattern: `steps` rows of `width` units, unit i spiking with probability (i + 1)/(2·width) (seeded LCG). */
function pattern(steps: number, width: number, seed = 7): number[][] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: steps }, () => Array.from({ length: width }, (_, i) => (next() < (i + 1) / (2 * width) ? 1 : 0)));
}

/** Feeds rows starting at step `first` into the window in batches of `batch` (as frames arrive). */
function feed(w: ProbeWindow, rows: number[][], first: number, batch: number, after?: () => void) {
  for (let k = 0; k < rows.length; k += batch) {
    const part = rows.slice(k, k + batch);
    w.append({ width: rows[0].length, count: part.length, data: Float64Array.from(part.flat()) }, first + k);
    after?.();
  }
}

const sortedIsis = (t: SpikeTally, dt: number) => {
  const { values, weights } = t.intervalCounts(dt);
  return Array.from(values).flatMap((v, k) => Array<number>(weights[k]).fill(v)).sort((a, b) => a - b);
};

describe('spike tally since reset', () => {
  const rows = pattern(400, 5);
  const whole = { firstStep: 1, count: rows.length, width: 5, data: Float64Array.from(rows.flat()) };

  it('accumulates rates and intervals over more steps than the window holds, exactly as over the whole series', () => {
    const w = new ProbeWindow(5, 16);
    const tally = new SpikeTally();
    feed(w, rows, 1, 10, () => tally.sync(w, 0));
    expect(tally.duration(0.1)).toBeCloseTo(40, 12);
    expect(Array.from(tally.rates(0.1))).toEqual(Array.from(firingRates(whole, 0.1)));
    expect(sortedIsis(tally, 0.1)).toEqual(Array.from(interSpikeIntervals(whole, 0.1)).sort((a, b) => a - b));
    expect(tally.intervalCounts(0.1).total).toBe(interSpikeIntervals(whole, 0.1).length);
  });

  it('reads each step once however often it is synced', () => {
    const w = new ProbeWindow(5, 64);
    const tally = new SpikeTally();
    feed(w, rows.slice(0, 50), 1, 50);
    tally.sync(w, 0);
    tally.sync(w, 0);
    const half = { ...whole, count: 50, data: whole.data.subarray(0, 250) };
    expect(Array.from(tally.rates(1))).toEqual(Array.from(firingRates(half, 1)));
  });

  it('leaves out steps it never saw and the intervals across them', () => {
    const w = new ProbeWindow(5, 16);
    const tally = new SpikeTally();
    feed(w, rows.slice(0, 100), 1, 10, () => tally.sync(w, 0));
    // 40 steps arrive at once: the 24 oldest of them fall out of the 16-step window unread
    feed(w, rows.slice(100, 140), 101, 40);
    tally.sync(w, 0);
    expect(tally.duration(1)).toBe(116);
    const seen = [...rows.slice(0, 100), ...rows.slice(124, 140)];
    const rates = Array.from({ length: 5 }, (_, i) => seen.reduce((n, r) => n + r[i], 0) / (116 / 1000));
    expect(Array.from(tally.rates(1))).toEqual(rates);
    const before = interSpikeIntervals({ firstStep: 1, count: 100, width: 5, data: Float64Array.from(rows.slice(0, 100).flat()) }, 1);
    const after = interSpikeIntervals({ firstStep: 125, count: 16, width: 5, data: Float64Array.from(rows.slice(124, 140).flat()) }, 1);
    expect(sortedIsis(tally, 1)).toEqual([...before, ...after].sort((a, b) => a - b));
  });

  it('starts afresh after a reset', () => {
    const w = new ProbeWindow(5, 16);
    const tally = new SpikeTally();
    feed(w, rows.slice(0, 60), 1, 10, () => tally.sync(w, 0));
    w.clear();
    feed(w, rows.slice(200, 210), 1, 10);
    tally.sync(w, 1);
    expect(tally.duration(1)).toBe(10);
    const tail = { firstStep: 1, count: 10, width: 5, data: Float64Array.from(rows.slice(200, 210).flat()) };
    expect(Array.from(tally.rates(1))).toEqual(Array.from(firingRates(tail, 1)));
  });

  it('counts intervals longer than the dense table', () => {
    const w = new ProbeWindow(1, 8);
    const tally = new SpikeTally();
    const far = 70_000;
    w.append({ width: 1, count: 1, data: Float64Array.of(1) }, 1);
    tally.sync(w, 0);
    for (let step = 2; step <= far + 1; step += 8) {
      const n = Math.min(8, far + 2 - step);
      const data = new Float64Array(n);
      if (step + n - 1 === far + 1) data[n - 1] = 1;
      w.append({ width: 1, count: n, data }, step);
      tally.sync(w, 0);
    }
    expect(sortedIsis(tally, 0.5)).toEqual([far * 0.5]);
  });
});

describe('weighted histogram', () => {
  it('equals the histogram of the values repeated by their weights', () => {
    const values = [0.5, 1.5, 2, 3.25, 4];
    const weights = [3, 1, 0, 2, 5];
    const repeated = values.flatMap((v, k) => Array<number>(weights[k]).fill(v));
    expect(histogram(values, { bins: 7, weights })).toEqual(histogram(repeated, { bins: 7, domain: [0.5, 4] }));
  });
});
