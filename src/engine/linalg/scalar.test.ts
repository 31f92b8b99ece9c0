import { describe, expect, it } from 'vitest';
import { hypot } from './scalar.ts';

describe('hypot', () => {
  it('computes √(a² + b²) exactly where that is representable, without overflow or underflow', () => {
    expect(hypot(3, 4)).toBe(5);
    expect(hypot(-5, 12)).toBe(13);
    expect(hypot(0, 0)).toBe(0);
    expect(hypot(0, -2.5)).toBe(2.5);
    expect(hypot(3e300, 4e300)).toBeCloseTo(5e300, -285);
    expect(hypot(3e-300, 4e-300) / 5e-300).toBeCloseTo(1, 14);
    expect(hypot(Infinity, 1)).toBe(Infinity);
  });
});
