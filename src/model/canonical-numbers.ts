/**
 * Whole numbers in the representation JavaScript engines compute fastest with. A document's
 * `size: 100` may reach the engine as a boxed double (parsed by `Number` into an array of
 * doubles, say) instead of a small integer; V8 then compiles every loop bounded by it with
 * floating-point counters, about half as fast. `x | 0` gives the same value as a small
 * integer, so the engine sees equal documents equally.
 */

const isInt32 = (v: number) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 && !Object.is(v, -0);

/** Replaces, in place, every whole number in int32 range (not −0) below `value` by `x | 0`. */
export function canonicalIntegers(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'number') {
        if (isInt32(v)) value[i] = v | 0;
      } else if (typeof v === 'object' && v !== null) canonicalIntegers(v);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (typeof v === 'number') {
      if (isInt32(v)) obj[key] = v | 0;
    } else if (typeof v === 'object' && v !== null) canonicalIntegers(v);
  }
}
