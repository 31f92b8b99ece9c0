/**
 * Access to the two 32-bit words of an IEEE-754 double (little-endian hosts: every platform
 * Recurrence targets — x86-64 and ARM64 browsers and Node).
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const i32 = new Int32Array(f64.buffer);

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  throw new Error('Recurrence needs a little-endian host for its deterministic math');
}

/** High word (sign, exponent, top 20 mantissa bits) as a signed 32-bit integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[1];
}

/** Low word (bottom 32 mantissa bits) as an unsigned 32-bit integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[0];
}

/** The double whose high word is `hi` and low word `lo`. */
export function fromWords(hi: number, lo: number): number {
  u32[1] = hi >>> 0;
  u32[0] = lo >>> 0;
  return f64[0];
}

/** x with its high word replaced by `hi` (low word kept). */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  u32[1] = hi >>> 0;
  return f64[0];
}

/** 2^k for −1022 ≤ k ≤ 1023, built exactly from its bits. */
export function pow2(k: number): number {
  return fromWords((k + 1023) << 20, 0);
}

/** y · 2^k, exact unless the result is subnormal (then rounded once). */
export function scalbn(y: number, k: number): number {
  if (k > 1023) return y * pow2(1023) * pow2(k - 1023 > 1023 ? 1023 : k - 1023);
  if (k >= -1022) return y * pow2(k);
  return y * pow2(k + 1000) * pow2(-1000);
}
