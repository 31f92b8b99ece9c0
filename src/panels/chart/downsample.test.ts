import { describe, expect, it } from 'vitest';
import { m4Indices, m4Pixels, polylinePixels } from './downsample.ts';
import { widenDomain } from './colors.ts';
import { ProbeWindow } from '../../store/probeWindow.ts';
import { StepCache } from '../types/stepCache.ts';

describe('M4 downsampling', () => {
  it('keeps first, lowest, highest and last point of each pixel column, in order', () => {
    const pts: [number, number][] = [
      [0.1, 5],
      [0.4, 1],
      [0.6, 9],
      [0.9, 4],
      [1.2, 3],
      [1.5, 3],
    ];
    const flat = (p: [number, number][]) => Float64Array.from(p.flat());
    const pairs = (xy: Float64Array) => Array.from({ length: xy.length / 2 }, (_, i) => [xy[2 * i], xy[2 * i + 1]]);
    expect(pairs(m4Pixels(flat(pts)))).toEqual(pts); // ≤ 4 points in each column: all kept
    expect(pairs(m4Pixels(flat([...pts.slice(0, 4), [0.95, 2], ...pts.slice(4)])))).toEqual([pts[0], pts[1], pts[2], [0.95, 2], pts[4], pts[5]]);
    // lowest and highest in reverse order, and a column whose extremes are its ends
    expect(pairs(m4Pixels(flat([[3.1, 0], [3.2, 8], [3.3, -2], [3.4, 1], [4.5, 7], [4.6, 6], [4.7, 5]])))).toEqual([[3.1, 0], [3.2, 8], [3.3, -2], [3.4, 1], [4.5, 7], [4.7, 5]]);
    // 10,000 points over 100 px: at most 4 per column, extremes kept.
    const many = Array.from({ length: 10_000 }, (_, k): [number, number] => [k / 100, Math.sin(k)]);
    const kept = pairs(m4Pixels(flat(many)));
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(Math.max(...kept.map((p) => p[1]))).toBe(Math.max(...many.map((p) => p[1])));
    expect(Math.min(...kept.map((p) => p[1]))).toBe(Math.min(...many.map((p) => p[1])));
  });

  it('a polyline leaves non-finite values out and joins their neighbours', () => {
    const xy = polylinePixels([1, NaN, 3, Infinity, 5], (i) => 10 * i, (v) => 100 - v);
    expect(Array.from(xy)).toEqual([0, 99, 20, 97, 40, 95]);
    expect(polylinePixels([], (i) => i, (v) => v)).toHaveLength(0);
  });

  it('index buckets: all indices when short, ≤ 4 per bucket with the band’s extremes otherwise', () => {
    expect(m4Indices(10, 5, (t) => t, (t) => t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const v = Array.from({ length: 1000 }, (_, t) => Math.cos(t / 7));
    const kept = m4Indices(1000, 50, (t) => v[t], (t) => v[t]);
    expect(kept.length).toBeLessThanOrEqual(200);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(999);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    expect(Math.min(...kept.map((t) => v[t]))).toBe(Math.min(...v));
  });
});

describe('colour domain that only widens', () => {
  it('rounds outwards to 1, 2, 5 × 10^k; symmetric when diverging', () => {
    expect(widenDomain(null, 0.1, 0.7, 'sequential')).toEqual([0, 1]);
    expect(widenDomain([0, 1], 0.2, 0.9, 'sequential')).toEqual([0, 1]);
    expect(widenDomain([0, 1], 0.2, 1.3, 'sequential')).toEqual([0, 2]);
    expect(widenDomain(null, -0.3, 0.12, 'diverging')).toEqual([-0.5, 0.5]);
    expect(widenDomain([-0.5, 0.5], -0.2, 0.45, 'diverging')).toEqual([-0.5, 0.5]);
    expect(widenDomain(null, 3, 3, 'sequential')).toEqual([0, 5]);
  });
});

describe('StepCache', () => {
  it('computes each step once and follows the window (wrap, reset)', () => {
    const w = new ProbeWindow(2, 4);
    let calls = 0;
    const cache = new StepCache(1, (row, prev, out) => {
      calls++;
      out[0] = row[0] + row[1] + (prev ? 100 : 0);
    });
    const push = (first: number, rows: number[][]) => w.append({ width: 2, count: rows.length, data: Float64Array.from(rows.flat()) }, first);
    push(1, [
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    cache.sync(w, 0);
    expect(Array.from(cache.series(0))).toEqual([2, 104, 106]);
    push(4, [
      [4, 4],
      [5, 5],
    ]);
    cache.sync(w, 0);
    expect(calls).toBe(5);
    expect(Array.from(cache.series(0))).toEqual([104, 106, 108, 110]);
    expect(cache.total(0)).toBe(428);
    cache.sync(w, 1); // a reset or edit: recomputed from the window
    expect(calls).toBe(9);
    expect(Array.from(cache.series(0))).toEqual([4, 106, 108, 110]);
  });
});
