/**
 * The vectorised tanh and logistic sigmoid of the WASM kernels, as scalar JavaScript that performs
 * exactly the same IEEE-754 double operations in the same order (so the plain-JS fallback is bit
 * for bit identical to the f64x2 code in wasm/kernels-wat.ts, which is generated from the same
 * constants below).
 *
 * Algorithm (after fdlibm's expm1 reduction):
 *   y = k·ln2 + r, k = nearest(y·log2 e), r = (y − k·ln2_hi) − k·ln2_lo (Cody–Waite), |r| ≤ ln2/2
 *   expm1(r) ≈ p(r) = r + r²·Q(r),  Q the Taylor series of (e^r − 1 − r)/r² to r¹² (terms 1/n!,
 *   n = 2 … 14; the first omitted term is < 2⁻⁵⁶·|r|)
 *   tanh(x)  = sign(x) · e/(e + 2),  e = expm1(2|x|) = 2^k·p + (2^k − 1),  |x| clamped to 20
 *   σ(x)     = 1/(1 + E),            E = e^(−x) = ((1 + p)·2^k₁)·2^k₂, k₁ = ⌊k/2⌋, k₂ = k − k₁,
 *                                    −x clamped to [−40, 710]
 * Measured error (kernels.test.ts, 2·10⁶ arguments over |x| ≤ 40, plus special values): see
 * TANH_MAX_REL_ERROR / SIGMOID_MAX_REL_ERROR — both below 1e-15 relative to Math.tanh and to
 * 1/(1 + Math.exp(−x)). NaN propagates; ±∞ give ±1 (tanh) and 0 / 1 (σ); tanh(−0) = −0.
 */

/** 1/n! for n = 2 … 14 (index 0 ↔ n = 2), as doubles. */
export const EXPM1_COEFFS: readonly number[] = (() => {
  const c: number[] = [];
  let f = 1;
  for (let n = 2; n <= 14; n++) {
    f *= n;
    c.push(1 / f);
  }
  return c;
})();

export const LOG2E = 1.4426950408889634;
/** ln 2 split for Cody–Waite reduction (fdlibm): ln2_hi has 32 trailing zero bits, so k·ln2_hi is exact. */
export const LN2_HI = 6.93147180369123816490e-1;
export const LN2_LO = 1.90821492927058770002e-10;
/** |x| beyond which tanh(x) rounds to ±1 in double precision. */
export const TANH_CLAMP = 20;
export const SIGMOID_LOW = -40;
export const SIGMOID_HIGH = 710;

/** Largest relative error measured against Math.tanh (documented bound, checked by the tests). */
export const TANH_MAX_REL_ERROR = 1e-15;
export const SIGMOID_MAX_REL_ERROR = 1e-15;

/** Adding and subtracting 1.5·2⁵² rounds a |v| < 2⁵¹ to an integer, ties to even (= f64x2.nearest). */
const ROUNDER = 6755399441055744;

const POW2_MIN = -64;
const POW2_MAX = 520;
/** 2^k for k ∈ [POW2_MIN, POW2_MAX], built from the exponent bits like the WASM code does. */
const pow2Table = (() => {
  const bits = new BigInt64Array(POW2_MAX - POW2_MIN + 1);
  for (let k = POW2_MIN; k <= POW2_MAX; k++) bits[k - POW2_MIN] = BigInt(k + 1023) << 52n;
  return new Float64Array(bits.buffer);
})();

const [C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13, C14] = EXPM1_COEFFS;

/** p(r) ≈ expm1(r) for |r| ≤ ln2/2, Horner from the highest term (the WASM order). */
function poly(r: number): number {
  const q = (((((((((((C14 * r + C13) * r + C12) * r + C11) * r + C10) * r + C9) * r + C8) * r + C7) * r + C6) * r + C5) * r + C4) * r + C3) * r + C2;
  return r + r * r * q;
}

/** tanh(x) with the vectorised algorithm (bit-identical to the WASM kernel). */
export function tanhFast(x: number): number {
  let t = Math.abs(x);
  if (t !== t) return x;
  t = Math.min(t, TANH_CLAMP);
  const y = t + t;
  const k = y * LOG2E + ROUNDER - ROUNDER;
  const r = y - k * LN2_HI - k * LN2_LO;
  const p = poly(r);
  const s = pow2Table[k - POW2_MIN];
  const e = s * p + (s - 1);
  const v = e / (e + 2);
  return x < 0 ? -v : x === 0 ? x : v; // ±0 keeps its sign
}

/** σ(x) = 1/(1 + e^(−x)) with the vectorised algorithm (bit-identical to the WASM kernel). */
export function sigmoidFast(x: number): number {
  if (x !== x) return x;
  const z = Math.min(Math.max(-x, SIGMOID_LOW), SIGMOID_HIGH);
  const k = z * LOG2E + ROUNDER - ROUNDER;
  const r = z - k * LN2_HI - k * LN2_LO;
  const p = poly(r);
  const k1 = Math.floor(k / 2);
  const e = (1 + p) * pow2Table[k1 - POW2_MIN] * pow2Table[k - k1 - POW2_MIN];
  return 1 / (1 + e);
}
