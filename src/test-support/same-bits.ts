/** Comparing weight matrices bit for bit (two samplers that must agree exactly). */
import { expect } from 'vitest';
import type { WeightMatrix } from '../engine/compile/types.ts';

/** Index of the first entry whose bits differ (−1: the same length and bits; the length when only one is longer). */
export function firstDifference(a: Float64Array | Int32Array, b: Float64Array | Int32Array): number {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Math.floor(i / a.BYTES_PER_ELEMENT);
  return x.length === y.length ? -1 : Math.min(a.length, b.length);
}

/** Expects the same format and the same bits in every array. */
export function expectSameBits(a: WeightMatrix, b: WeightMatrix, what = ''): void {
  expect(a.format, what).toBe(b.format);
  if (a.format === 'dense' && b.format === 'dense') {
    expect(firstDifference(a.data, b.data), `${what} data`).toBe(-1);
  } else if (a.format === 'csr' && b.format === 'csr') {
    expect(firstDifference(a.rowPtr, b.rowPtr), `${what} rowPtr`).toBe(-1);
    expect(firstDifference(a.colIdx, b.colIdx), `${what} colIdx`).toBe(-1);
    expect(firstDifference(a.values, b.values), `${what} values`).toBe(-1);
  }
}
