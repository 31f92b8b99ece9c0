/**
 * Scalar helpers that give the same doubles in every JavaScript engine.
 */

/**
 * √(a² + b²) without overflow or underflow, from IEEE-754 operations only (division and the
 * correctly rounded Math.sqrt). `Math.hypot` is not required by ECMAScript to be correctly
 * rounded, so engines may differ in the last bit; this one does not (see engine/math/detmath.ts
 * for why bit-identical results matter here).
 */
export function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const s = x > y ? x : y;
  if (s === 0 || s === Infinity) return s;
  const p = x / s;
  const q = y / s;
  return s * Math.sqrt(p * p + q * q);
}
