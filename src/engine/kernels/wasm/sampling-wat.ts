/**
 * WebAssembly text of the weight sampler: the inner loop of `sampleWeights`
 * (src/engine/compile/sample-weights.ts) — geometric gaps and synapse values drawn from an edge's
 * xoshiro128** stream — with the same IEEE operations in the same order as the TypeScript
 * reference (src/engine/rng.ts, src/engine/math/detmath.ts), so both give the same bits.
 *
 *  - xoshiro128** (Blackman & Vigna 2018) on 32-bit integers; uniform() = (hi·2²⁶ + lo)/2⁵³ from
 *    two outputs (27 and 26 bits).
 *  - ln x after fdlibm e_log.c (Sun 1993): x = 2ᵏ(1 + f), s = f/(2 + f), ln(1 + f) = 2s + s·R(s²).
 *  - Box–Muller (Box & Muller 1958): r = √(−2 ln u₁), z₀ = r·cos 2πu₂, z₁ = r·sin 2πu₂ (z₁ kept as
 *    the spare). sin and cos of the same angle share one Cody–Waite reduction by π/2 (three parts)
 *    and use fdlibm's kernel polynomials on [−π/4, π/4]; the angle lies in [0, 2π).
 *  - Gap to the next synapse: G = ⌊ln(1 − U) / ln(1 − p)⌋ (Devroye 1986 §X.2), capped at 2³¹.
 * Math.round(v) (ties towards +∞) is ⌊v⌋ + (v − ⌊v⌋ ≥ ½), exact for every double.
 *
 * Memory (its own, exported; byte addresses): the generator's state block at 0 (STATE), then the
 * caller's buffers. Units: dimensionless; angles in radians.
 */
import { hexFloat } from './wat-text.ts';

/** Byte offsets in the state block at address 0. */
export const SAMPLER_STATE = {
  /** xoshiro128** words a, b, c, d (i32 each). */
  A: 0,
  /** 1 when a Gaussian spare is kept (i32). */
  HAS_SPARE: 16,
  /** The row whose end rowPtr has been written up to (i32). */
  ROW: 20,
  /** The kept Gaussian (f64). */
  SPARE: 24,
  /** Flat index i·m + j of the last synapse visited, −1 before the first (f64). */
  K: 32,
  /** Synapses stored so far over all chunks (i32): the values rowPtr receives. */
  LENGTH: 40,
  /** 1 once every entry was visited (i32). */
  DONE: 44,
  /** sample_entries: synapses still to visit before it stops (i32; 2³¹ − 1: no stop before the end). */
  VISITS: 48,
  /** sample_gaps: 1 once a gap between stored synapses did not fit 32 bits (i32). */
  OVERFLOW: 52,
  /** sample_gaps: offset (from the start) of the last synapse stored (f64). */
  LAST: 56,
} as const;
/** Bytes of the state block; buffers start here. */
export const SAMPLER_STATE_BYTES = 64;

/** Value rules the sampler draws: constant c, uniform [low, high), normal (mean, std). */
export const VALUE_KIND = { constant: 0, uniform: 1, normal: 2 } as const;

const f = (x: number) => `(f64.const ${hexFloat(x)})`;
const S = SAMPLER_STATE;

// The constants of detmath.ts's log and sin/cos (fdlibm), written as exact hex literals.
const LOG_CONSTANTS = {
  LN2_HI: 6.93147180369123816490e-1,
  LN2_LO: 1.90821492927058770002e-10,
  LG1: 6.666666666666735130e-1,
  LG2: 3.999999999940941908e-1,
  LG3: 2.857142874366239149e-1,
  LG4: 2.222219843214978396e-1,
  LG5: 1.818357216161805012e-1,
  LG6: 1.531383769920937332e-1,
  LG7: 1.479819860511658591e-1,
  TWO54: 1.8014398509481984e16,
};
const TRIG_CONSTANTS = {
  S1: -1.66666666666666324348e-1,
  S2: 8.33333333332248946124e-3,
  S3: -1.98412698298579493134e-4,
  S4: 2.75573137070700676789e-6,
  S5: -2.50507602534068634195e-8,
  S6: 1.58969099521155010221e-10,
  C1: 4.16666666666666019037e-2,
  C2: -1.38888888888741095749e-3,
  C3: 2.48015872894767294178e-5,
  C4: -2.75573143513906633035e-7,
  C5: 2.08757232129817482790e-9,
  C6: -1.13596475577881948265e-11,
  PIO2_1: 1.57079632673412561417,
  PIO2_1T: 6.07710050650619224932e-11,
  PIO2_2: 6.07710050630396597660e-11,
  PIO2_2T: 2.02226624879595063154e-21,
  PIO2_3: 2.02226624871116645580e-21,
  PIO2_3T: 8.47842766036889956997e-32,
  INV_PIO2: 6.36619772367581382433e-1,
};
const L = LOG_CONSTANTS;
const T = TRIG_CONSTANTS;

/** High word of a double as a signed i32. */
const hi = (x: string) => `(i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 ${x}) (i64.const 32)))`;

/**
 * The generator lives in locals of the exported functions (loaded from the state block on entry,
 * saved on exit); these macros expand to its steps. GENERATOR_LOCALS declares what they use.
 */
const GENERATOR_LOCALS = `(local $ga i32) (local $gb i32) (local $gc i32) (local $gd i32) (local $gt i32) (local $gr i32) (local $gh f64)
    (local $hasSpare i32) (local $spare f64) (local $u1 f64) (local $u2 f64) (local $rad f64) (local $cosv f64) (local $draw f64)`;

const loadGenerator = `
    (local.set $ga (i32.load (i32.const ${S.A})))
    (local.set $gb (i32.load (i32.const ${S.A + 4})))
    (local.set $gc (i32.load (i32.const ${S.A + 8})))
    (local.set $gd (i32.load (i32.const ${S.A + 12})))
    (local.set $hasSpare (i32.load (i32.const ${S.HAS_SPARE})))
    (local.set $spare (f64.load (i32.const ${S.SPARE})))`;

const saveGenerator = `
    (i32.store (i32.const ${S.A}) (local.get $ga))
    (i32.store (i32.const ${S.A + 4}) (local.get $gb))
    (i32.store (i32.const ${S.A + 8}) (local.get $gc))
    (i32.store (i32.const ${S.A + 12}) (local.get $gd))
    (i32.store (i32.const ${S.HAS_SPARE}) (local.get $hasSpare))
    (f64.store (i32.const ${S.SPARE}) (local.get $spare))`;

/** xoshiro128**: the next 32-bit output into $gr. */
const next = `
      (local.set $gr (i32.mul (i32.rotl (i32.mul (local.get $gb) (i32.const 5)) (i32.const 7)) (i32.const 9)))
      (local.set $gt (i32.shl (local.get $gb) (i32.const 9)))
      (local.set $gc (i32.xor (local.get $gc) (local.get $ga)))
      (local.set $gd (i32.xor (local.get $gd) (local.get $gb)))
      (local.set $gb (i32.xor (local.get $gb) (local.get $gc)))
      (local.set $ga (i32.xor (local.get $ga) (local.get $gd)))
      (local.set $gc (i32.xor (local.get $gc) (local.get $gt)))
      (local.set $gd (i32.rotl (local.get $gd) (i32.const 11)))`;

/** A uniform double in [0, 1) with 53 random bits into $dst: (hi·2²⁶ + lo)·2⁻⁵³ (exactly the division by 2⁵³). */
const uniformInto = (dst: string) => `${next}
      (local.set $gh (f64.convert_i32_u (i32.shr_u (local.get $gr) (i32.const 5))))${next}
      (local.set $${dst} (f64.mul (f64.add (f64.mul (local.get $gh) ${f(67108864)}) (f64.convert_i32_u (i32.shr_u (local.get $gr) (i32.const 6)))) ${f(1 / 9007199254740992)}))`;

/** ln x (detmath.ts `log`, every branch). */
const logFunc = `
  (func $log (param $x f64) (result f64)
    (local $hx i32) (local $k i32) (local $i i32) (local $f f64) (local $dk f64) (local $R f64)
    (local $s f64) (local $z f64) (local $w f64) (local $hfsq f64)
    (if (i32.or (f64.ne (local.get $x) (local.get $x)) (f64.lt (local.get $x) ${f(0)})) (then (return (f64.const nan))))
    (if (f64.eq (local.get $x) ${f(0)}) (then (return (f64.const -inf))))
    (if (f64.eq (local.get $x) (f64.const inf)) (then (return (local.get $x))))
    (local.set $hx ${hi('(local.get $x)')})
    (if (i32.lt_s (local.get $hx) (i32.const 0x00100000)) (then
      (local.set $k (i32.const -54))
      (local.set $x (f64.mul (local.get $x) ${f(L.TWO54)}))
      (local.set $hx ${hi('(local.get $x)')})))
    (local.set $k (i32.add (local.get $k) (i32.sub (i32.shr_s (local.get $hx) (i32.const 20)) (i32.const 1023))))
    (local.set $hx (i32.and (local.get $hx) (i32.const 0x000fffff)))
    (local.set $i (i32.and (i32.add (local.get $hx) (i32.const 0x95f64)) (i32.const 0x100000)))
    (local.set $x (f64.reinterpret_i64 (i64.or
      (i64.and (i64.reinterpret_f64 (local.get $x)) (i64.const 0xffffffff))
      (i64.shl (i64.extend_i32_u (i32.or (local.get $hx) (i32.xor (local.get $i) (i32.const 0x3ff00000)))) (i64.const 32)))))
    (local.set $k (i32.add (local.get $k) (i32.shr_s (local.get $i) (i32.const 20))))
    (local.set $f (f64.sub (local.get $x) ${f(1)}))
    (local.set $dk (f64.convert_i32_s (local.get $k)))
    (if (i32.lt_s (i32.and (i32.const 0x000fffff) (i32.add (i32.const 2) (local.get $hx))) (i32.const 3)) (then
      (if (f64.eq (local.get $f) ${f(0)}) (then
        (if (i32.eqz (local.get $k)) (then (return ${f(0)})))
        (return (f64.add (f64.mul (local.get $dk) ${f(L.LN2_HI)}) (f64.mul (local.get $dk) ${f(L.LN2_LO)})))))
      (local.set $R (f64.mul (f64.mul (local.get $f) (local.get $f)) (f64.sub ${f(0.5)} (f64.mul ${f(1 / 3)} (local.get $f)))))
      (if (i32.eqz (local.get $k)) (then (return (f64.sub (local.get $f) (local.get $R)))))
      (return (f64.sub (f64.mul (local.get $dk) ${f(L.LN2_HI)})
        (f64.sub (f64.sub (local.get $R) (f64.mul (local.get $dk) ${f(L.LN2_LO)})) (local.get $f))))))
    (local.set $s (f64.div (local.get $f) (f64.add ${f(2)} (local.get $f))))
    (local.set $z (f64.mul (local.get $s) (local.get $s)))
    (local.set $w (f64.mul (local.get $z) (local.get $z)))
    (local.set $R (f64.add
      (f64.mul (local.get $z) (f64.add ${f(L.LG1)} (f64.mul (local.get $w) (f64.add ${f(L.LG3)} (f64.mul (local.get $w) (f64.add ${f(L.LG5)} (f64.mul (local.get $w) ${f(L.LG7)})))))))
      (f64.mul (local.get $w) (f64.add ${f(L.LG2)} (f64.mul (local.get $w) (f64.add ${f(L.LG4)} (f64.mul (local.get $w) ${f(L.LG6)})))))))
    (if (i32.gt_s (i32.or (i32.sub (local.get $hx) (i32.const 0x6147a)) (i32.sub (i32.const 0x6b851) (local.get $hx))) (i32.const 0)) (then
      (local.set $hfsq (f64.mul (f64.mul ${f(0.5)} (local.get $f)) (local.get $f)))
      (if (i32.eqz (local.get $k)) (then
        (return (f64.sub (local.get $f) (f64.sub (local.get $hfsq) (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $R))))))))
      (return (f64.sub (f64.mul (local.get $dk) ${f(L.LN2_HI)})
        (f64.sub (f64.sub (local.get $hfsq) (f64.add (f64.mul (local.get $s) (f64.add (local.get $hfsq) (local.get $R))) (f64.mul (local.get $dk) ${f(L.LN2_LO)}))) (local.get $f))))))
    (if (i32.eqz (local.get $k)) (then
      (return (f64.sub (local.get $f) (f64.mul (local.get $s) (f64.sub (local.get $f) (local.get $R)))))))
    (f64.sub (f64.mul (local.get $dk) ${f(L.LN2_HI)})
      (f64.sub (f64.sub (f64.mul (local.get $s) (f64.sub (local.get $f) (local.get $R))) (f64.mul (local.get $dk) ${f(L.LN2_LO)})) (local.get $f))))`;

/** fdlibm's kernels: sin(x + y) and cos(x + y) for |x + y| ≤ π/4. */
const trigKernels = `
  (func $ksin (param $x f64) (param $y f64) (result f64) (local $z f64) (local $v f64) (local $r f64)
    (local.set $z (f64.mul (local.get $x) (local.get $x)))
    (local.set $v (f64.mul (local.get $z) (local.get $x)))
    (local.set $r (f64.add ${f(T.S2)} (f64.mul (local.get $z) (f64.add ${f(T.S3)} (f64.mul (local.get $z) (f64.add ${f(T.S4)} (f64.mul (local.get $z) (f64.add ${f(T.S5)} (f64.mul (local.get $z) ${f(T.S6)})))))))))
    (f64.sub (local.get $x)
      (f64.sub (f64.sub (f64.mul (local.get $z) (f64.sub (f64.mul ${f(0.5)} (local.get $y)) (f64.mul (local.get $v) (local.get $r)))) (local.get $y))
        (f64.mul (local.get $v) ${f(T.S1)}))))
  (func $kcos (param $x f64) (param $y f64) (result f64) (local $z f64) (local $w f64) (local $r f64) (local $hz f64) (local $w2 f64)
    (local.set $z (f64.mul (local.get $x) (local.get $x)))
    (local.set $w (f64.mul (local.get $z) (local.get $z)))
    (local.set $r (f64.add
      (f64.mul (local.get $z) (f64.add ${f(T.C1)} (f64.mul (local.get $z) (f64.add ${f(T.C2)} (f64.mul (local.get $z) ${f(T.C3)})))))
      (f64.mul (f64.mul (local.get $w) (local.get $w)) (f64.add ${f(T.C4)} (f64.mul (local.get $z) (f64.add ${f(T.C5)} (f64.mul (local.get $z) ${f(T.C6)})))))))
    (local.set $hz (f64.mul ${f(0.5)} (local.get $z)))
    (local.set $w2 (f64.sub ${f(1)} (local.get $hz)))
    (f64.add (local.get $w2)
      (f64.add (f64.sub (f64.sub ${f(1)} (local.get $w2)) (local.get $hz))
        (f64.sub (f64.mul (local.get $z) (local.get $r)) (f64.mul (local.get $x) (local.get $y))))))`;

/** Exponent field of a double (bits 52–62) as an i32. */
const expField = (x: string) => `(i32.and (i32.shr_s ${hi(x)} (i32.const 20)) (i32.const 0x7ff))`;

/** One more Cody–Waite stage: subtracts fn·part from r (the tail w carrying what rounding lost), y0 = r − w. */
const reductionStage = (part: number, tail: number) => `
      (local.set $t (local.get $r))
      (local.set $w (f64.mul (local.get $fn) ${f(part)}))
      (local.set $r (f64.sub (local.get $t) (local.get $w)))
      (local.set $w (f64.sub (f64.mul (local.get $fn) ${f(tail)}) (f64.sub (f64.sub (local.get $t) (local.get $r)) (local.get $w))))
      (local.set $y0 (f64.sub (local.get $r) (local.get $w)))`;

/**
 * sin x and cos x of one angle x ∈ [0, 2π) sharing one reduction x = n·π/2 + (y0 + y1)
 * (detmath.ts `sin`, `cos`, `reducePio2`); returns cos x, leaves sin x in $sinOut.
 */
const sinCos = `
  (global $sinOut (mut f64) (f64.const 0))
  (func $sincos (param $x f64) (result f64)
    (local $ix i32) (local $v f64) (local $fn f64) (local $r f64) (local $w f64) (local $t f64) (local $j i32)
    (local $y0 f64) (local $y1 f64) (local $n i32) (local $s f64) (local $c f64)
    (local.set $ix (i32.and ${hi('(local.get $x)')} (i32.const 0x7fffffff)))
    (if (i32.le_s (local.get $ix) (i32.const 0x3fe921fb)) (then
      (if (i32.lt_s (local.get $ix) (i32.const 0x3e400000)) (then
        (global.set $sinOut (local.get $x))
        (return ${f(1)})))
      (global.set $sinOut (call $ksin (local.get $x) ${f(0)}))
      (return (call $kcos (local.get $x) ${f(0)}))))
    (if (i32.ge_s (local.get $ix) (i32.const 0x7ff00000)) (then
      (global.set $sinOut (f64.const nan))
      (return (f64.const nan))))
    ;; fn = Math.round(x * 2/pi)
    (local.set $v (f64.mul (local.get $x) ${f(T.INV_PIO2)}))
    (local.set $fn (f64.floor (local.get $v)))
    (if (f64.ge (f64.sub (local.get $v) (local.get $fn)) ${f(0.5)}) (then (local.set $fn (f64.add (local.get $fn) ${f(1)}))))
    (local.set $r (f64.sub (local.get $x) (f64.mul (local.get $fn) ${f(T.PIO2_1)})))
    (local.set $w (f64.mul (local.get $fn) ${f(T.PIO2_1T)}))
    (local.set $j ${expField('(local.get $x)')})
    (local.set $y0 (f64.sub (local.get $r) (local.get $w)))
    (if (i32.gt_s (i32.sub (local.get $j) ${expField('(local.get $y0)')}) (i32.const 16)) (then
${reductionStage(T.PIO2_2, T.PIO2_2T)}
      (if (i32.gt_s (i32.sub (local.get $j) ${expField('(local.get $y0)')}) (i32.const 49)) (then
${reductionStage(T.PIO2_3, T.PIO2_3T)}))))
    (local.set $y1 (f64.sub (f64.sub (local.get $r) (local.get $y0)) (local.get $w)))
    (local.set $n (i32.and (i32.wrap_i64 (i64.trunc_sat_f64_s (local.get $fn))) (i32.const 3)))
    (local.set $s (call $ksin (local.get $y0) (local.get $y1)))
    (local.set $c (call $kcos (local.get $y0) (local.get $y1)))
    ;; quadrant n: sin = (s, c, -s, -c), cos = (c, -s, -c, s)
    (if (i32.eqz (local.get $n)) (then (global.set $sinOut (local.get $s)) (return (local.get $c))))
    (if (i32.eq (local.get $n) (i32.const 1)) (then (global.set $sinOut (local.get $c)) (return (f64.neg (local.get $s)))))
    (if (i32.eq (local.get $n) (i32.const 2)) (then (global.set $sinOut (f64.neg (local.get $s))) (return (f64.neg (local.get $c)))))
    (global.set $sinOut (f64.neg (local.get $c)))
    (local.get $s))`;

/** A standard normal into $draw (Box–Muller; the sine branch kept as the spare for the next call). */
const gaussian = `
      (if (local.get $hasSpare)
        (then
          (local.set $hasSpare (i32.const 0))
          (local.set $draw (local.get $spare)))
        (else${uniformInto('u1')}
          (local.set $u1 (f64.sub ${f(1)} (local.get $u1)))${uniformInto('u2')}
          (local.set $rad (f64.sqrt (f64.mul ${f(-2)} (call $log (local.get $u1)))))
          (local.set $cosv (call $sincos (f64.mul ${f(2 * Math.PI)} (local.get $u2))))
          (local.set $spare (f64.mul (local.get $rad) (global.get $sinOut)))
          (local.set $hasSpare (i32.const 1))
          (local.set $draw (f64.mul (local.get $rad) (local.get $cosv)))))`;

/** The next value of a synapse into $v: constant p0; uniform p0 + (p1 − p0)·U; normal p0 + p1·Z. */
const value = `
      (if (i32.eq (local.get $kind) (i32.const ${VALUE_KIND.normal}))
        (then${gaussian}
          (local.set $v (f64.add (local.get $p0) (f64.mul (local.get $p1) (local.get $draw)))))
        (else (if (i32.eq (local.get $kind) (i32.const ${VALUE_KIND.uniform}))
          (then${uniformInto('draw')}
            (local.set $v (f64.add (local.get $p0) (f64.mul (f64.sub (local.get $p1) (local.get $p0)) (local.get $draw)))))
          (else (local.set $v (local.get $p0))))))`;

/** One plus the gap to the next synapse into $step: 1 + min(⌊ln(1 − U) / ln(1 − p)⌋, 2³¹). */
const gapStep = `${uniformInto('u1')}
          (local.set $step (f64.floor (f64.div (call $log (f64.sub ${f(1)} (local.get $u1))) (local.get $logMiss))))
          (local.set $step (f64.add ${f(1)} (select (local.get $step) ${f(2147483648)} (f64.lt (local.get $step) ${f(2147483648)}))))`;

/**
 * sample_entries: continues a row-major walk over the n×m entries from the state block, storing
 * up to `cap` synapses (column into cols, value·factor into vals; entries whose value is zero are
 * not stored) and writing rowPtr[1…] as rows end; returns how many it stored. With `every` = 0 the
 * walk jumps by geometric gaps (logMiss = ln(1 − p)), one gap drawn before each synapse's value and
 * one after the last; with `every` = 1 it visits every entry. Sets DONE once it passed the last entry.
 * The flat index k = i·m + j is kept as a double, as the reference does; row i and column j follow it
 * incrementally (i = ⌊k/m⌋ exactly, since k < 2⁵³). It stops early, before drawing a gap, once it
 * visited VISITS synapses (the first part of a walk split between two threads).
 *
 * sample_gaps: the same walk from an unknown start (the second part of a split walk, on a helper
 * thread): K is the offset from that start; the walk ends at the first synapse whose offset is
 * above `limit` (its gap drawn, no value). Stores up to `cap` synapses as the offset from the
 * previous stored one (u32; OVERFLOW set when one does not fit) and value·factor; returns how many.
 *
 * sample_values: the next `count` values into vals (a connection rule's synapses).
 */
const entryFuncs = `
  (func (export "sample_entries") (param $kind i32) (param $p0 f64) (param $p1 f64) (param $factor f64) (param $every i32) (param $logMiss f64)
    (param $n i32) (param $m i32) (param $rowPtr i32) (param $cols i32) (param $vals i32) (param $cap i32) (result i32)
    (local $k f64) (local $total f64) (local $dm f64) (local $step f64) (local $i i32) (local $j f64) (local $q f64)
    (local $row i32) (local $length i32) (local $count i32) (local $v f64) (local $visits i32)
    ${GENERATOR_LOCALS}
    ${loadGenerator}
    (local.set $k (f64.load (i32.const ${S.K})))
    (local.set $row (i32.load (i32.const ${S.ROW})))
    (local.set $length (i32.load (i32.const ${S.LENGTH})))
    (local.set $visits (i32.load (i32.const ${S.VISITS})))
    (local.set $dm (f64.convert_i32_s (local.get $m)))
    (local.set $total (f64.mul (f64.convert_i32_s (local.get $n)) (local.get $dm)))
    (local.set $q (f64.floor (f64.div (local.get $k) (local.get $dm))))
    (local.set $i (i32.trunc_f64_s (local.get $q)))
    (local.set $j (f64.sub (local.get $k) (f64.mul (local.get $q) (local.get $dm))))
    (block $out (loop $walk
      (br_if $out (i32.ge_s (local.get $count) (local.get $cap)))
      (br_if $out (i32.eqz (local.get $visits)))
      (if (local.get $every)
        (then (local.set $step ${f(1)}))
        (else${gapStep}))
      (local.set $k (f64.add (local.get $k) (local.get $step)))
      (if (f64.ge (local.get $k) (local.get $total)) (then
        (block $filled (loop $fill
          (br_if $filled (i32.ge_s (local.get $row) (local.get $n)))
          (local.set $row (i32.add (local.get $row) (i32.const 1)))
          (i32.store (i32.add (local.get $rowPtr) (i32.shl (local.get $row) (i32.const 2))) (local.get $length))
          (br $fill)))
        (i32.store (i32.const ${S.DONE}) (i32.const 1))
        (br $out)))
      (local.set $j (f64.add (local.get $j) (local.get $step)))
      (if (f64.ge (local.get $j) (local.get $dm)) (then
        (local.set $q (f64.floor (f64.div (local.get $j) (local.get $dm))))
        (local.set $i (i32.add (local.get $i) (i32.trunc_f64_s (local.get $q))))
        (local.set $j (f64.sub (local.get $j) (f64.mul (local.get $q) (local.get $dm))))
        (block $rowsDone (loop $rows
          (br_if $rowsDone (i32.ge_s (local.get $row) (local.get $i)))
          (local.set $row (i32.add (local.get $row) (i32.const 1)))
          (i32.store (i32.add (local.get $rowPtr) (i32.shl (local.get $row) (i32.const 2))) (local.get $length))
          (br $rows)))))${value}
      (local.set $visits (i32.sub (local.get $visits) (i32.const 1)))
      (if (f64.ne (local.get $v) ${f(0)}) (then
        (i32.store (i32.add (local.get $cols) (i32.shl (local.get $count) (i32.const 2))) (i32.trunc_f64_s (local.get $j)))
        (f64.store (i32.add (local.get $vals) (i32.shl (local.get $count) (i32.const 3))) (f64.mul (local.get $v) (local.get $factor)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $length (i32.add (local.get $length) (i32.const 1)))))
      (br $walk)))
    (f64.store (i32.const ${S.K}) (local.get $k))
    (i32.store (i32.const ${S.ROW}) (local.get $row))
    (i32.store (i32.const ${S.LENGTH}) (local.get $length))
    (i32.store (i32.const ${S.VISITS}) (local.get $visits))
    ${saveGenerator}
    (local.get $count))
  (func (export "sample_gaps") (param $kind i32) (param $p0 f64) (param $p1 f64) (param $factor f64) (param $logMiss f64) (param $limit f64)
    (param $deltas i32) (param $vals i32) (param $cap i32) (result i32)
    (local $k f64) (local $last f64) (local $step f64) (local $delta f64) (local $count i32) (local $v f64)
    ${GENERATOR_LOCALS}
    ${loadGenerator}
    (local.set $k (f64.load (i32.const ${S.K})))
    (local.set $last (f64.load (i32.const ${S.LAST})))
    (block $out (loop $walk
      (br_if $out (i32.ge_s (local.get $count) (local.get $cap)))${gapStep}
      (local.set $k (f64.add (local.get $k) (local.get $step)))
      (if (f64.gt (local.get $k) (local.get $limit)) (then
        (i32.store (i32.const ${S.DONE}) (i32.const 1))
        (br $out)))${value}
      (if (f64.ne (local.get $v) ${f(0)}) (then
        (local.set $delta (f64.sub (local.get $k) (local.get $last)))
        (if (f64.gt (local.get $delta) ${f(4294967295)}) (then (i32.store (i32.const ${S.OVERFLOW}) (i32.const 1))))
        (i32.store (i32.add (local.get $deltas) (i32.shl (local.get $count) (i32.const 2))) (i32.trunc_sat_f64_u (local.get $delta)))
        (f64.store (i32.add (local.get $vals) (i32.shl (local.get $count) (i32.const 3))) (f64.mul (local.get $v) (local.get $factor)))
        (local.set $last (local.get $k))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
      (br $walk)))
    (f64.store (i32.const ${S.K}) (local.get $k))
    (f64.store (i32.const ${S.LAST}) (local.get $last))
    ${saveGenerator}
    (local.get $count))
  (func (export "sample_values") (param $kind i32) (param $p0 f64) (param $p1 f64) (param $vals i32) (param $count i32)
    (local $q i32) (local $v f64)
    ${GENERATOR_LOCALS}
    ${loadGenerator}
    (block $out (loop $each
      (br_if $out (i32.ge_s (local.get $q) (local.get $count)))${value}
      (f64.store (i32.add (local.get $vals) (i32.shl (local.get $q) (i32.const 3))) (local.get $v))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $each)))
    ${saveGenerator})`;

/** The sampler module's text. */
export function samplingWat(): string {
  return `(module
  (memory (export "memory") 1)
${logFunc}
${trigKernels}
${sinCos}

${entryFuncs}
)
`;
}
