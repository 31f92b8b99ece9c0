import { describe, expect, it } from 'vitest';
import { traceDataOf } from './traceData.ts';

describe('trace data', () => {
  it('splits a row-major probe into one series per unit', () => {
    const data = traceDataOf('p', { width: 2, count: 3, data: new Float64Array([1, 10, 2, 20, 3, 30]) }, 5);
    expect(data.firstStep).toBe(5);
    expect(data.series.map((s) => [s.name, Array.from(s.values)])).toEqual([
      ['p[0]', [1, 2, 3]],
      ['p[1]', [10, 20, 30]],
    ]);
    expect(traceDataOf('x', { width: 1, count: 2, data: new Float64Array([1, 1.5]) }, 1).series[0].name).toBe('x');
  });
});
