/**
 * Deterministic elementary functions: exp, log, expm1, sin, cos, tanh and the logistic sigmoid,
 * computed with IEEE-754 additions, multiplications and divisions only.
 *
 * Why: JavaScript engines differ in their Math.exp/log/sin/cos/tanh/pow (V8 in Node 20 and
 * in current Chromium disagree in the last bit on about 5–10 % of arguments), so a simulation
 * that called them could not give bit-identical traces in Node and in the browser. These
 * functions give the same doubles everywhere, accurate to about 1 ulp.
 *
 * Algorithms (our own TypeScript, following the classic designs): exp and log after Tang
 * (1989, 1990) and the FreeBSD msun / Sun fdlibm (1993) argument reductions and minimax
 * polynomials; sin/cos with a three-part Cody–Waite reduction by π/2 and fdlibm's kernel
 * polynomials on [−π/4, π/4]; expm1 by Kahan's formula (u − 1)·x / log(u), u = eˣ
 * (Kahan 2004; Goldberg 1991); tanh from expm1/exp. Reduction by π/2 is exact for
 * |x| < 2^20·π/2 ≈ 1.6·10⁶ rad; beyond, results stay deterministic but lose accuracy.
 * Units: dimensionless (radians for sin and cos).
 */
import { fromWords, highWord, lowWord, scalbn, withHighWord } from './bits.ts';

const LN2_HI = 6.93147180369123816490e-1; // ln 2, upper 32 bits (trailing zeros: k·LN2_HI is exact)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.4426950408889634;
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019411;
// Minimax coefficients of R(r²) for eʳ on [−ln2/2, ln2/2] (fdlibm e_exp.c, Remez).
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/**
 * eˣ. Reduction x = k·ln2 + r with |r| ≤ ln2/2 (r kept as hi − lo), then
 * eʳ = 1 + r + r·c/(2 − c) with c = r − r²·P(r²), and eˣ = 2ᵏ·eʳ.
 */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  const ax = x < 0 ? -x : x;
  let hi = x;
  let lo = 0;
  let k = 0;
  if (ax > 0.5 * 0.6931471805599453) {
    if (ax < 1.5 * 0.6931471805599453) k = x < 0 ? -1 : 1;
    else k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x; // |x| < 2^-28
  }
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return scalbn(y, k);
}

// log: minimax coefficients of R(s²) for log((1+s)/(1−s)) = 2s + s·R (fdlibm e_log.c).
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO54 = 1.8014398509481984e16;

/**
 * ln x. Reduction x = 2ᵏ·(1 + f) with √2/2 < 1 + f < √2, s = f/(2 + f),
 * ln(1 + f) = 2s + s·R(s²), and ln x = k·ln2 + ln(1 + f).
 */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // subnormal: scale into the normal range
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // x or x/2 into [√2/2, √2)
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - (1 / 3) * f);
    return k === 0 ? f - R : dk * LN2_HI - ((R - dk * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - ((hfsq - (s * (hfsq + R) + dk * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - ((s * (f - R) - dk * LN2_LO) - f);
}

/** eˣ − 1, accurate near 0 (Kahan's formula; exact branches for u = 1 and u − 1 = −1). */
export function expm1(x: number): number {
  if (x !== x) return x;
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (u === Infinity) return Infinity;
  return (um1 * x) / log(u);
}

/**
 * tanh x (odd). |x| < 2^-28: x; |x| < 0.55: t/(t + 2) with t = expm1(2|x|);
 * |x| < 22: 1 − 2/(e^{2|x|} + 1); else ±1.
 */
export function tanh(x: number): number {
  if (x !== x) return x;
  const ax = x < 0 ? -x : x;
  let z: number;
  if (ax < 3.725290298461914e-9) return x;
  if (ax < 0.55) {
    const t = expm1(2 * ax);
    z = t / (t + 2);
  } else if (ax < 22) {
    z = 1 - 2 / (exp(2 * ax) + 1);
  } else {
    z = 1;
  }
  return x < 0 ? -z : z;
}

/** Logistic sigmoid σ(x) = 1/(1 + e^{−x}). */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

// sin/cos kernels on [−π/4, π/4] (fdlibm k_sin.c, k_cos.c minimax coefficients).
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x + y| ≤ π/4, y the tail of a reduced argument. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x + y| ≤ π/4. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const w2 = 1 - hz;
  return w2 + (((1 - w2) - hz) + (z * r - x * y));
}

// π/2 in three parts for Cody–Waite reduction (each part's trailing bits zero).
const PIO2_1 = 1.57079632673412561417; // first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21; // third 33 bits
const PIO2_3T = 8.47842766036889956997e-32;
const INV_PIO2 = 6.36619772367581382433e-1;

const reduced = { n: 0, y0: 0, y1: 0 };

/** x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4 (result in the shared `reduced`). */
function reducePio2(x: number): void {
  const fn = Math.round(x * INV_PIO2);
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T;
  const j = (highWord(x) >> 20) & 0x7ff;
  let y0 = r - w;
  if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) {
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - ((t - r) - w);
    y0 = r - w;
    if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - ((t - r) - w);
      y0 = r - w;
    }
  }
  reduced.n = fn % 4;
  reduced.y0 = y0;
  reduced.y1 = (r - y0) - w;
}

const PIO4_HIGH = 0x3fe921fb; // high word of π/4

/** sin x (x in radians). */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= PIO4_HIGH) return ix < 0x3e400000 ? x : kernelSin(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  reducePio2(x);
  const { y0, y1 } = reduced;
  switch ((reduced.n + 4) % 4) {
    case 0:
      return kernelSin(y0, y1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos x (x in radians). */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= PIO4_HIGH) return ix < 0x3e400000 ? 1 : kernelCos(x, 0);
  if (ix >= 0x7ff00000) return NaN;
  reducePio2(x);
  const { y0, y1 } = reduced;
  switch ((reduced.n + 4) % 4) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1);
  }
}

/** xʸ for x > 0 as exp(y·ln x) (deterministic; ≈ a few ulp for moderate |y·ln x|). */
export function powPositive(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 1) return 1;
  return exp(y * log(x));
}

export { fromWords, lowWord };
