import { describe, expect, it } from 'vitest';
import { discreteAIS, mulberry32 } from './index.ts';
import { prepareDiscrete } from './discrete.ts';
import { aisSpec } from './embedding.ts';

describe('discrete AIS, rolling-code path (τ = 1)', () => {
  it.each([
    [2, 1],
    [2, 4],
    [3, 2],
    [4, 3],
    [2, 9],
  ])('base %i, k = %i: identical to the general embedding path, average and every local', (base, k) => {
    const next = mulberry32(base * 100 + k);
    // A sticky chain, so the past carries information about the next symbol.
    const x = new Int32Array(2500);
    for (let t = 1; t < x.length; t++) x[t] = next() < 0.3 ? Math.floor(next() * base) : x[t - 1];
    const fast = discreteAIS(x, { k, base });
    const general = prepareDiscrete('mi', aisSpec(x.length, k, 1), [x], base).compute(true);
    expect(fast.average).toBe(general.average);
    expect(fast.validFrom).toBe(general.validFrom);
    expect(Array.from(fast.locals!)).toEqual(Array.from(general.locals!));
    expect(fast.average).toBeGreaterThan(0.1);
  });
});
