import { describe, expect, it } from 'vitest';
import { DiscreteTable } from './discrete-table.ts';
import { prepareDiscrete } from './discrete.ts';
import { aisSpec, entropySpec, miSpec, teSpec, type EmbeddingSpec } from './embedding.ts';
import { mulberry32 } from './random.ts';
import type { Quantity } from './types.ts';

/** A sticky chain of symbols 0 … base−1 (so pasts carry information), or a constant one. */
function chain(n: number, base: number, seed: number, constant = false): Int32Array {
  const next = mulberry32(seed);
  const x = new Int32Array(n);
  for (let t = 0; t < n; t++) x[t] = constant ? base - 1 : t > 0 && next() < 0.6 ? x[t - 1] : Math.floor(next() * base);
  return x;
}

/** Every element the same number, NaN and the sign of zero included. */
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

const cases: [string, Quantity, (n: number) => EmbeddingSpec, number][] = [
  ['entropy', 'entropy', (n) => entropySpec(n), 1],
  ['entropy rate k=3', 'conditional-entropy', (n) => aisSpec(n, 3, 1), 1],
  ['entropy rate k=2 tau=3', 'conditional-entropy', (n) => aisSpec(n, 2, 3), 1],
  ['AIS k=1', 'mi', (n) => aisSpec(n, 1, 1), 1],
  ['AIS k=5', 'mi', (n) => aisSpec(n, 5, 1), 1],
  ['AIS k=3 tau=2', 'mi', (n) => aisSpec(n, 3, 2), 1],
  ['MI lag 0', 'mi', (n) => miSpec(n, 0), 2],
  ['MI lag 3', 'mi', (n) => miSpec(n, 3), 2],
  ['TE k=l=1', 'mi', (n) => teSpec(n, 1, 1, 1, 1, 1), 2],
  ['TE k=3 l=2 delay 2', 'mi', (n) => teSpec(n, 3, 1, 2, 1, 2), 2],
  ['TE k=2 kTau=2 l=2 lTau=3 delay 1', 'mi', (n) => teSpec(n, 2, 2, 2, 3, 1), 2],
];

describe('DiscreteTable: the same bits as the general plug-in path (prepareDiscrete)', () => {
  it.each(cases)('%s, bases 2–4, awkward lengths, one table reused across series', (_name, quantity, specOf, nSeries) => {
    let compared = 0;
    for (const base of [2, 3, 4]) {
      for (const n of [9, 10, 31, 250, 1001]) {
        const spec = specOf(n);
        if (!DiscreteTable.fits(spec, base)) continue;
        const table = new DiscreteTable(quantity, spec, base);
        for (let trial = 0; trial < 4; trial++) {
          const constant = trial === 3;
          const series = Array.from({ length: nSeries }, (_, s) => chain(n, base, 1000 * base + 10 * n + 3 * trial + s, constant && s === nSeries - 1));
          const general = prepareDiscrete(quantity, spec, series, base).compute(true);
          const at = spec.padded ? spec.validFrom : 0;
          const out = new Float64Array(at + spec.rows + 3).fill(7);
          const average = table.run(series, out, at);
          expect(Object.is(average, general.average)).toBe(true);
          expect(sameBits(out.subarray(at, at + spec.rows), general.locals!.subarray(at))).toBe(true);
          expect(Array.from(out.subarray(0, at)).every((v) => v === 7)).toBe(true); // writes only its rows
          expect(Object.is(table.run(series, null), general.average)).toBe(true);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('takes joint alphabets up to 4096 states, or the number of rows when larger', () => {
    expect(DiscreteTable.fits(aisSpec(100, 11, 1), 2)).toBe(true); // 2^12 = 4096
    expect(DiscreteTable.fits(aisSpec(100, 12, 1), 2)).toBe(false);
    expect(DiscreteTable.fits(aisSpec(10_000, 12, 1), 2)).toBe(true);
  });
});
