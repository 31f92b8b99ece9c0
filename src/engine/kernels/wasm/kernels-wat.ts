/**
 * The WebAssembly text of the SIMD kernels, generated here (loops unrolled over rows by small
 * template helpers) and assembled by `npm run build:wasm` (scripts/build-wasm.ts, with the `wabt`
 * npm package) into kernels.generated.ts. Two variants differ only in the memory import: shared
 * (a SharedArrayBuffer, so a helper worker can run rows of the same product) and unshared.
 *
 * All pointers are byte addresses in the imported memory; row ranges [r0, r1) let two threads
 * split one product. Summation orders (bit-identical to js-kernels.ts):
 *  - dense f64: per row two f64x2 accumulators over columns j ≡ 0,1 | 2,3 (mod 4), i.e. the four
 *    partial sums s0..s3, combined as (s0 + s2) + (s1 + s3), then the remaining columns in order;
 *    three rows at a time share the loads of x (independent rows, same per-row order);
 *  - CSR f64: each row's products summed in storage order, two rows interleaved;
 *  - event f64: the columns that spiked in order, each column's synapses in order;
 *  - dense f32: two f32x4 accumulators (s0..s7 over j mod 8), t_l = s_l + s_{l+4},
 *    (t0 + t2) + (t1 + t3), remainder in order, then promoted and added to the f64 output;
 *  - CSR f32: storage order, in single precision.
 * tanh / sigmoid: see ../vector-math.ts (the same algorithm, scalar).
 */
import { EXPM1_COEFFS, LN2_HI, LN2_LO, LOG2E, SIGMOID_HIGH, SIGMOID_LOW, TANH_CLAMP } from '../vector-math.ts';

/** A double as an exact WAT hexadecimal float literal. */
export function hexFloat(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0x0p+0' : '0x0p+0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? '-' : '';
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & 0xfffffffffffffn;
  if (exp === 0) throw new Error('subnormal constants are not needed');
  return `${sign}0x1.${mant.toString(16).padStart(13, '0')}p${exp - 1023 >= 0 ? '+' : ''}${exp - 1023}`;
}

const f64x2 = (x: number) => `(v128.const f64x2 ${hexFloat(x)} ${hexFloat(x)})`;
const get = (name: string) => `(local.get $${name})`;
const set = (name: string, value: string) => `(local.set $${name} ${value})`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Rows processed together by the dense kernels. Three rows keep every v128 value in a register
 * under V8's TurboFan (6 accumulators + 2 x vectors + 6 loaded weight vectors ≤ 15 xmm
 * registers); four rows spilled two accumulators to the stack, which chained their additions
 * through memory: measured 36 GB/s with four rows against 58 GB/s with three (N = 1000, f64).
 */
const DENSE_ROWS = 3;

/** A dense kernel's element type: f64 (two lanes per v128) or f32 (four lanes). */
interface DenseType {
  readonly t: 'f64' | 'f32';
  readonly vec: 'f64x2' | 'f32x4';
  /** log2 of the element size in bytes. */
  readonly shift: 3 | 2;
  /** Columns per 32-byte block (two v128 per row). */
  readonly block: 4 | 8;
  /** Statements folding the row's sum vector $s into the scalar $acc{r} (the fixed order). */
  readonly fold: (r: number) => string;
  /** The row's scalar sum as f64 for the output. */
  readonly widen: (v: string) => string;
}

const DENSE_F64: DenseType = {
  t: 'f64',
  vec: 'f64x2',
  shift: 3,
  block: 4,
  // a = (s0, s1), b = (s2, s3): (s0 + s2) + (s1 + s3)
  fold: (r) => set(`acc${r}`, `(f64.add (f64x2.extract_lane 0 ${get('s')}) (f64x2.extract_lane 1 ${get('s')}))`),
  widen: (v) => v,
};

const DENSE_F32: DenseType = {
  t: 'f32',
  vec: 'f32x4',
  shift: 2,
  block: 8,
  // a = (s0..s3), b = (s4..s7): t_l = s_l + s_{l+4}, then (t0 + t2) + (t1 + t3)
  fold: (r) =>
    `${set('s', `(f32x4.add ${get('s')} (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 ${get('s')} ${get('s')}))`)}
      ${set(`acc${r}`, `(f32.add (f32x4.extract_lane 0 ${get('s')}) (f32x4.extract_lane 1 ${get('s')}))`)}`,
  widen: (v) => `(f64.promote_f32 ${v})`,
};

/**
 * R rows at a time, from row $i while i + R ≤ r1. Each row has a pointer $p{r} that walks its
 * weights (no per-load address arithmetic); $xp walks x. Per row: accumulators $a{r} (first half
 * of each 32-byte block) and $b{r} (second half), folded by `fold`, then the remaining columns in
 * order; the next group starts where the last row's pointer stopped.
 */
function denseRows(d: DenseType, R: number): string {
  const { t, vec, shift } = d;
  const L = `${t}_${R}`;
  const rows = range(R);
  const elem = 1 << shift;
  return `
    (block $${L}_done (loop $${L}_rows
      (br_if $${L}_done (i32.gt_s (i32.add ${get('i')} (i32.const ${R})) ${get('r1')}))
      ${rows.map((r) => set(`p${r}`, r === 0 ? get('p') : `(i32.add ${get(`p${r - 1}`)} ${get('rowBytes')})`)).join(' ')}
      ${rows.map((r) => `${set(`a${r}`, '(v128.const i64x2 0 0)')} ${set(`b${r}`, '(v128.const i64x2 0 0)')}`).join(' ')}
      ${set('xp', get('x'))}
      ${set('xend', `(i32.add ${get('x')} ${get('blkBytes')})`)}
      (block $${L}_bd (loop $${L}_bl
        (br_if $${L}_bd (i32.ge_u ${get('xp')} ${get('xend')}))
        ${set('xv0', `(v128.load ${get('xp')})`)}
        ${set('xv1', `(v128.load offset=16 ${get('xp')})`)}
        ${rows
          .map(
            (r) => `
        ${set(`a${r}`, `(${vec}.add ${get(`a${r}`)} (${vec}.mul (v128.load ${get(`p${r}`)}) ${get('xv0')}))`)}
        ${set(`b${r}`, `(${vec}.add ${get(`b${r}`)} (${vec}.mul (v128.load offset=16 ${get(`p${r}`)}) ${get('xv1')}))`)}`,
          )
          .join('')}
        ${set('xp', `(i32.add ${get('xp')} (i32.const 32))`)}
        ${rows.map((r) => set(`p${r}`, `(i32.add ${get(`p${r}`)} (i32.const 32))`)).join(' ')}
        (br $${L}_bl)))
      ${rows
        .map(
          (r) => `
      ${set('s', `(${vec}.add ${get(`a${r}`)} ${get(`b${r}`)})`)}
      ${d.fold(r)}`,
        )
        .join('')}
      ${set('xend', `(i32.add ${get('x')} ${get('rowBytes')})`)}
      (block $${L}_td (loop $${L}_tl
        (br_if $${L}_td (i32.ge_u ${get('xp')} ${get('xend')}))
        ${set('xj', `(${t}.load ${get('xp')})`)}
        ${rows.map((r) => `${set(`acc${r}`, `(${t}.add ${get(`acc${r}`)} (${t}.mul (${t}.load ${get(`p${r}`)}) ${get('xj')}))`)} ${set(`p${r}`, `(i32.add ${get(`p${r}`)} (i32.const ${elem}))`)}`).join('\n        ')}
        ${set('xp', `(i32.add ${get('xp')} (i32.const ${elem}))`)}
        (br $${L}_tl)))
      ${rows.map((r) => `(f64.store offset=${8 * r} ${get('o')} (f64.add (f64.load offset=${8 * r} ${get('o')}) ${d.widen(get(`acc${r}`))}))`).join('\n      ')}
      ${set('p', get(`p${R - 1}`))}
      ${set('o', `(i32.add ${get('o')} (i32.const ${8 * R}))`)}
      ${set('i', `(i32.add ${get('i')} (i32.const ${R}))`)}
      (br $${L}_rows)))`;
}

/** out[i] += Σ_j W[i, j]·x[j] for rows [r0, r1) of a row-major `cols`-column matrix (see the header for the order). */
function dense(d: DenseType): string {
  const { t, shift } = d;
  const rows = range(DENSE_ROWS);
  return `
  (func $dense_${t} (export "dense_${t}") (param $w i32) (param $r0 i32) (param $r1 i32) (param $cols i32) (param $x i32) (param $out i32)
    (local $i i32) (local $rowBytes i32) (local $blkBytes i32) (local $p i32) (local $o i32) (local $xp i32) (local $xend i32)
    (local $xv0 v128) (local $xv1 v128) (local $s v128) (local $xj ${t})
    ${rows.map((r) => `(local $p${r} i32) (local $a${r} v128) (local $b${r} v128) (local $acc${r} ${t})`).join(' ')}
    ${set('rowBytes', `(i32.shl ${get('cols')} (i32.const ${shift}))`)}
    ${set('blkBytes', `(i32.shl (i32.and ${get('cols')} (i32.const ${-d.block})) (i32.const ${shift}))`)}
    ${set('i', get('r0'))}
    ${set('p', `(i32.add ${get('w')} (i32.mul ${get('r0')} ${get('rowBytes')}))`)}
    ${set('o', `(i32.add ${get('out')} (i32.shl ${get('r0')} (i32.const 3)))`)}
    ${denseRows(d, DENSE_ROWS)}
    ${denseRows(d, 1)}
  )`;
}

/** Rows of a CSR product processed together (independent dependency chains). */
const CSR_ROWS = 2;

/**
 * CSR over rows [r0, r1): R rows interleaved over their common length (R independent dependency
 * chains), then each row's rest, then single rows; every row sums in storage order.
 * `t` is the value type (f64 or f32); the output is f64. Walks byte pointers into values/colIdx.
 */
function csrRows(t: 'f64' | 'f32', R: number): string {
  const vs = t === 'f64' ? 3 : 2;
  const L = `c${R}`;
  const rows = range(R);
  const promote = (v: string) => (t === 'f64' ? v : `(f64.promote_f32 ${v})`);
  const term = (r: number) => `(${t}.mul (${t}.load ${get(`pv${r}`)}) (${t}.load (i32.add ${get('x')} (i32.shl (i32.load ${get(`pc${r}`)}) (i32.const ${vs})))))`;
  const advance = (r: number) => `${set(`acc${r}`, `(${t}.add ${get(`acc${r}`)} ${term(r)})`)} ${set(`pv${r}`, `(i32.add ${get(`pv${r}`)} (i32.const ${1 << vs}))`)} ${set(`pc${r}`, `(i32.add ${get(`pc${r}`)} (i32.const 4))`)}`;
  const rp = (r: number) => `(i32.load offset=${4 * r} (i32.add ${get('rowPtr')} (i32.shl ${get('i')} (i32.const 2))))`;
  return `
    (block $${L}_done (loop $${L}_rows
      (br_if $${L}_done (i32.gt_s (i32.add ${get('i')} (i32.const ${R})) ${get('r1')}))
      ${rows
        .map(
          (r) => `${set('k', rp(r))} ${set(`len${r}`, `(i32.sub ${rp(r + 1)} ${get('k')})`)}
      ${set(`pv${r}`, `(i32.add ${get('values')} (i32.shl ${get('k')} (i32.const ${vs})))`)} ${set(`pc${r}`, `(i32.add ${get('colIdx')} (i32.shl ${get('k')} (i32.const 2)))`)} ${set(`acc${r}`, `(${t}.const 0)`)}`,
        )
        .join('\n      ')}
      ${set('n', get('len0'))}
      ${rows
        .slice(1)
        .map((r) => set('n', `(select ${get('n')} ${get(`len${r}`)} (i32.lt_s ${get('n')} ${get(`len${r}`)}))`))
        .join(' ')}
      ${set('j', get('n'))}
      (block $${L}_bd (loop $${L}_bl
        (br_if $${L}_bd (i32.le_s ${get('j')} (i32.const 0)))
        ${rows.map(advance).join('\n        ')}
        ${set('j', `(i32.sub ${get('j')} (i32.const 1))`)}
        (br $${L}_bl)))
      ${rows
        .map(
          (r) => `${set('j', `(i32.sub ${get(`len${r}`)} ${get('n')})`)}
      (block $${L}_t${r}d (loop $${L}_t${r}l
        (br_if $${L}_t${r}d (i32.le_s ${get('j')} (i32.const 0)))
        ${advance(r)}
        ${set('j', `(i32.sub ${get('j')} (i32.const 1))`)}
        (br $${L}_t${r}l)))`,
        )
        .join('\n      ')}
      ${set('o', `(i32.add ${get('out')} (i32.shl ${get('i')} (i32.const 3)))`)}
      ${rows.map((r) => `(f64.store offset=${8 * r} ${get('o')} (f64.add (f64.load offset=${8 * r} ${get('o')}) ${promote(get(`acc${r}`))}))`).join('\n      ')}
      ${set('i', `(i32.add ${get('i')} (i32.const ${R}))`)}
      (br $${L}_rows)))`;
}

function csr(t: 'f64' | 'f32', name = `csr_${t}`, R = CSR_ROWS): string {
  const rows = range(R);
  return `
  (func $${name} (export "${name}") (param $rowPtr i32) (param $colIdx i32) (param $values i32) (param $r0 i32) (param $r1 i32) (param $x i32) (param $out i32)
    (local $i i32) (local $k i32) (local $n i32) (local $j i32) (local $o i32)
    ${rows.map((r) => `(local $len${r} i32) (local $pv${r} i32) (local $pc${r} i32) (local $acc${r} ${t})`).join(' ')}
    ${set('i', get('r0'))}
    ${R > 1 ? csrRows(t, R) : ''}
    ${csrRows(t, 1)}
  )`;
}

/** Event-driven delivery over columns [c0, c1): see Kernels.eventMatVecAdd. valIdx 0 means none. */
function eventF64(): string {
  return `
  (func $event_f64 (export "event_f64") (param $colPtr i32) (param $rowIdx i32) (param $valIdx i32) (param $values i32) (param $c0 i32) (param $c1 i32) (param $x i32) (param $out i32)
    (local $j i32) (local $k i32) (local $e i32) (local $s f64) (local $v i32) (local $o i32)
    ${set('j', get('c0'))}
    (block $cols_d (loop $cols_l
      (br_if $cols_d (i32.ge_s ${get('j')} ${get('c1')}))
      ${set('s', `(f64.load (i32.add ${get('x')} (i32.shl ${get('j')} (i32.const 3))))`)}
      (if (f64.ne ${get('s')} (f64.const 0)) (then
        ${set('k', `(i32.load (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2))))`)}
        ${set('e', `(i32.load offset=4 (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2))))`)}
        (block $syn_d (loop $syn_l
          (br_if $syn_d (i32.ge_s ${get('k')} ${get('e')}))
          ${set('v', `(if (result i32) ${get('valIdx')} (then (i32.load (i32.add ${get('valIdx')} (i32.shl ${get('k')} (i32.const 2))))) (else ${get('k')}))`)}
          ${set('o', `(i32.add ${get('out')} (i32.shl (i32.load (i32.add ${get('rowIdx')} (i32.shl ${get('k')} (i32.const 2)))) (i32.const 3)))`)}
          (f64.store ${get('o')} (f64.add (f64.load ${get('o')}) (f64.mul (f64.load (i32.add ${get('values')} (i32.shl ${get('v')} (i32.const 3)))) ${get('s')})))
          ${set('k', `(i32.add ${get('k')} (i32.const 1))`)}
          (br $syn_l)))))
      ${set('j', `(i32.add ${get('j')} (i32.const 1))`)}
      (br $cols_l)))
  )`;
}

/** dst32[i] = f32(src64[i]) for i < n (x rounded to single precision for the f32 products). */
function demote(): string {
  return `
  (func $demote (export "demote") (param $src i32) (param $dst i32) (param $n i32)
    (local $i i32)
    (block $d (loop $l
      (br_if $d (i32.ge_s ${get('i')} ${get('n')}))
      (f32.store (i32.add ${get('dst')} (i32.shl ${get('i')} (i32.const 2))) (f32.demote_f64 (f64.load (i32.add ${get('src')} (i32.shl ${get('i')} (i32.const 3))))))
      ${set('i', `(i32.add ${get('i')} (i32.const 1))`)}
      (br $l)))
  )`;
}

/** One statement of an elementwise body, for lane group `u` (locals suffixed with u). */
type Statement = (u: number) => string;
const L = (name: string, u: number) => `${name}${u}`;
const g = (name: string, u: number) => get(L(name, u));
const st = (name: string, value: (u: number) => string): Statement => (u) => set(L(name, u), value(u));

/** k = nearest(y·log2 e), r = (y − k·ln2_hi) − k·ln2_lo, p = r + r²·Q(r), ki = k as i64: from $y. */
function reduceAndPoly(): Statement[] {
  const c = EXPM1_COEFFS;
  const out: Statement[] = [
    st('k', (u) => `(f64x2.nearest (f64x2.mul ${g('y', u)} ${f64x2(LOG2E)}))`),
    st('r', (u) => `(f64x2.sub (f64x2.sub ${g('y', u)} (f64x2.mul ${g('k', u)} ${f64x2(LN2_HI)})) (f64x2.mul ${g('k', u)} ${f64x2(LN2_LO)}))`),
    st('p', () => f64x2(c[c.length - 1])),
  ];
  // Horner, one statement per step so that the lane groups' chains interleave
  for (let i = c.length - 2; i >= 0; i--) out.push(st('p', (u) => `(f64x2.add (f64x2.mul ${g('p', u)} ${g('r', u)}) ${f64x2(c[i])})`));
  out.push(
    st('p', (u) => `(f64x2.add ${g('r', u)} (f64x2.mul (f64x2.mul ${g('r', u)} ${g('r', u)}) ${g('p', u)}))`),
    st('ki', (u) => `(i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero ${g('k', u)}))`),
  );
  return out;
}

const pow2 = (ki: string) => `(i64x2.shl (i64x2.add ${ki} (v128.const i64x2 1023 1023)) (i32.const 52))`;
const signMask = '(v128.const i64x2 0x8000000000000000 0x8000000000000000)';

/** tanh(v) = sign(v)·e/(e + 2), e = expm1(2·min(|v|, 20)) = 2^k·p + (2^k − 1). */
const tanhBody: Statement[] = [
  st('x', (u) => g('v', u)),
  st('y', (u) => `(f64x2.min (f64x2.abs ${g('x', u)}) ${f64x2(TANH_CLAMP)})`),
  st('y', (u) => `(f64x2.add ${g('y', u)} ${g('y', u)})`),
  ...reduceAndPoly(),
  st('k', (u) => pow2(g('ki', u))),
  st('e', (u) => `(f64x2.add (f64x2.mul ${g('k', u)} ${g('p', u)}) (f64x2.sub ${g('k', u)} ${f64x2(1)}))`),
  st('v', (u) => `(v128.or (f64x2.div ${g('e', u)} (f64x2.add ${g('e', u)} ${f64x2(2)})) (v128.and ${g('x', u)} ${signMask}))`),
];

/** σ(v) = 1/(1 + E), E = ((1 + p)·2^k₁)·2^k₂ = e^z, z = clamp(−v, −40, 710). */
const sigmoidBody: Statement[] = [
  st('y', (u) => `(f64x2.min (f64x2.max (f64x2.neg ${g('v', u)}) ${f64x2(SIGMOID_LOW)}) ${f64x2(SIGMOID_HIGH)})`),
  ...reduceAndPoly(),
  st('x', (u) => `(i64x2.shr_s ${g('ki', u)} (i32.const 1))`),
  st('e', (u) => `(f64x2.mul (f64x2.mul (f64x2.add ${f64x2(1)} ${g('p', u)}) ${pow2(g('x', u))}) ${pow2(`(i64x2.sub ${g('ki', u)} ${g('x', u)})`)})`),
  st('v', (u) => `(f64x2.div ${f64x2(1)} (f64x2.add ${f64x2(1)} ${g('e', u)}))`),
];

/** Lane groups (f64x2 vectors) per iteration of the elementwise maps: independent chains. */
const MAP_UNROLL = 6;

/** How one step of an elementwise loop reads and writes: a whole f64x2, or lane 0 only (the odd last element). */
interface Lanes {
  load(addr: string, offset: number): string;
  store(addr: string, offset: number, value: string): string;
}
const WHOLE: Lanes = {
  load: (addr, offset) => `(v128.load offset=${offset} ${addr})`,
  store: (addr, offset, value) => `(v128.store offset=${offset} ${addr} ${value})`,
};
const LANE0: Lanes = {
  load: (addr) => `(f64x2.splat (f64.load ${addr}))`,
  store: (addr, _offset, value) => `(f64.store ${addr} (f64x2.extract_lane 0 ${value}))`,
};

/** An elementwise kernel: its array parameters and what it does around `body` (which maps $v to $v). */
interface Elementwise {
  name: string;
  /** Pointer parameters, each to n doubles. */
  arrays: string[];
  /** Further parameters, e.g. `(param $leak f64)`. */
  params?: string;
  /** Extra v128 locals and their setting before the loop. */
  setup?: { locals: string[]; init: string };
  /** Sets $v{u} from the arrays (`at(array)` is the element's address, offset the lane group's bytes). */
  before(u: number, lanes: Lanes, at: (array: string) => string, offset: number): string;
  /** Writes $v{u} (and anything else) back. */
  after(u: number, lanes: Lanes, at: (array: string) => string, offset: number): string;
}

/**
 * An elementwise loop over n doubles: MAP_UNROLL vectors per iteration (their statements
 * interleaved), then single vectors, then a last odd element. Every element goes through the same
 * operations, so results do not depend on n or on the grouping.
 */
function elementwise(k: Elementwise, body: Statement[]): string {
  const vars = ['v', 'x', 'y', 'k', 'r', 'p', 'ki', 'e'];
  const groups = range(MAP_UNROLL);
  const at = (array: string) => `(i32.add ${get(array)} ${get('o')})`;
  const emit = (us: number[], lanes: Lanes) =>
    [...us.map((u) => k.before(u, lanes, at, 16 * u)), ...body.map((s) => us.map((u) => s(u)).join(' ')), ...us.map((u) => k.after(u, lanes, at, 16 * u))].join('\n      ');
  return `
  (func $${k.name} (export "${k.name}") ${k.arrays.map((a) => `(param $${a} i32)`).join(' ')} (param $n i32) ${k.params ?? ''}
    (local $o i32) (local $end i32) (local $end1 i32) ${(k.setup?.locals ?? []).map((l) => `(local $${l} v128)`).join(' ')}
    ${groups.map((u) => vars.map((v) => `(local $${v}${u} v128)`).join(' ')).join('\n    ')}
    ${k.setup?.init ?? ''}
    ${set('end1', `(i32.shl (i32.and ${get('n')} (i32.const -2)) (i32.const 3))`)}
    ${set('end', `(i32.shl (i32.mul (i32.div_u ${get('n')} (i32.const ${2 * MAP_UNROLL})) (i32.const ${2 * MAP_UNROLL})) (i32.const 3))`)}
    (block $d (loop $l
      (br_if $d (i32.ge_u ${get('o')} ${get('end')}))
      ${emit(groups, WHOLE)}
      ${set('o', `(i32.add ${get('o')} (i32.const ${16 * MAP_UNROLL}))`)}
      (br $l)))
    (block $d1 (loop $l1
      (br_if $d1 (i32.ge_u ${get('o')} ${get('end1')}))
      ${emit([0], WHOLE)}
      ${set('o', `(i32.add ${get('o')} (i32.const 16))`)}
      (br $l1)))
    (if (i32.and ${get('n')} (i32.const 1)) (then
      ${emit([0], LANE0)}))
  )`;
}

/** values[i] = f(values[i]) in place, for i < n. */
function mapF64(name: string, body: Statement[]): string {
  return elementwise(
    {
      name,
      arrays: ['ptr'],
      before: (u, lanes, at, offset) => set(`v${u}`, lanes.load(at('ptr'), offset)),
      after: (u, lanes, at, offset) => lanes.store(at('ptr'), offset, get(`v${u}`)),
    },
    body,
  );
}

/**
 * The leaky rate update of a whole population (compile/builders/rate.ts), fused:
 *   net = input + bias;  act = f(net);  x = keep·x + leak·act   (keep = 1 − leak, passed in)
 * the same IEEE operations per element as the builder's JS loops and `tanhApprox`/`sigmoidApprox`.
 */
function rateUpdate(name: string, body: Statement[]): string {
  return elementwise(
    {
      name,
      arrays: ['input', 'bias', 'x', 'net', 'act'],
      params: '(param $keep f64) (param $leak f64)',
      setup: { locals: ['keepv', 'leakv'], init: `${set('keepv', `(f64x2.splat ${get('keep')})`)} ${set('leakv', `(f64x2.splat ${get('leak')})`)}` },
      before: (u, lanes, at, offset) =>
        `${set(`v${u}`, `(f64x2.add ${lanes.load(at('input'), offset)} ${lanes.load(at('bias'), offset)})`)} ${lanes.store(at('net'), offset, get(`v${u}`))}`,
      after: (u, lanes, at, offset) =>
        `${lanes.store(at('act'), offset, get(`v${u}`))} ${lanes.store(at('x'), offset, `(f64x2.add (f64x2.mul ${get('keepv')} ${lanes.load(at('x'), offset)}) (f64x2.mul ${get('leakv')} ${get(`v${u}`)}))`)}`,
    },
    body,
  );
}

/**
 * One forward-Euler step of n LIF neurons (compile/builders/lif.ts, lifStep), two per f64x2:
 *   v' = ((decay·v + drive) + hr·I_syn) + jump;  refractory r > 0: r − 1, v = v_reset, no spike;
 *   else v' ≥ v_th: spike, v = v_reset, r = refSteps; else no spike, r unchanged.
 * Both branches are computed and selected per lane, so the results equal the JS loop's.
 */
function lifStep(): string {
  const lane = (at: (name: string, bytes: number) => string, w: 1 | 2) => {
    const ld = (ptr: string) => (w === 2 ? `(v128.load ${at(ptr, 8)})` : `(f64x2.splat (f64.load ${at(ptr, 8)}))`);
    const ldR = w === 2 ? `(i64x2.extend_low_i32x4_s (v128.load64_zero ${at('refr', 4)}))` : `(i64x2.splat (i64.extend_i32_s (i32.load ${at('refr', 4)})))`;
    const st = (ptr: string, v: string) => (w === 2 ? `(v128.store ${at(ptr, 8)} ${v})` : `(f64.store ${at(ptr, 8)} (f64x2.extract_lane 0 ${v}))`);
    const stR =
      w === 2
        ? `(v128.store64_lane 0 ${at('refr', 4)} (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 ${get('r')} ${get('r')}))`
        : `(i32.store ${at('refr', 4)} (i32.wrap_i64 (i64x2.extract_lane 0 ${get('r')})))`;
    return `
      ${set('x', `(f64x2.add (f64x2.add (f64x2.add (f64x2.mul ${get('decay')} ${ld('v')}) ${ld('drive')}) (f64x2.mul ${get('hr')} ${ld('isyn')})) ${ld('jump')})`)}
      ${set('r', ldR)}
      ${set('m', `(i64x2.gt_s ${get('r')} (v128.const i64x2 0 0))`)}
      ${set('f', `(v128.andnot (f64x2.ge ${get('x')} ${get('vth')}) ${get('m')})`)}
      ${set('r', `(v128.bitselect (i64x2.sub ${get('r')} (v128.const i64x2 1 1)) (v128.bitselect ${get('rs')} ${get('r')} ${get('f')}) ${get('m')})`)}
      ${set('x', `(v128.bitselect ${get('vreset')} ${get('x')} (v128.or ${get('m')} ${get('f')}))`)}
      ${st('spikes', `(v128.and ${get('f')} ${f64x2(1)})`)}
      ${st('v', get('x'))}
      ${stR}`;
  };
  const at2 = (ptr: string, bytes: number) => `(i32.add ${get(ptr)} (i32.shl ${get('i')} (i32.const ${bytes === 8 ? 3 : 2})))`;
  return `
  (func $lif_step (export "lif_step") (param $n i32) (param $v i32) (param $spikes i32) (param $refr i32) (param $drive i32) (param $isyn i32) (param $jump i32)
      (param $decay_s f64) (param $hr_s f64) (param $vth_s f64) (param $vreset_s f64) (param $refSteps i32)
    (local $i i32) (local $end i32) (local $x v128) (local $r v128) (local $m v128) (local $f v128)
    (local $decay v128) (local $hr v128) (local $vth v128) (local $vreset v128) (local $rs v128)
    ${set('decay', `(f64x2.splat ${get('decay_s')})`)} ${set('hr', `(f64x2.splat ${get('hr_s')})`)}
    ${set('vth', `(f64x2.splat ${get('vth_s')})`)} ${set('vreset', `(f64x2.splat ${get('vreset_s')})`)}
    ${set('rs', `(i64x2.splat (i64.extend_i32_s ${get('refSteps')}))`)}
    ${set('end', `(i32.and ${get('n')} (i32.const -2))`)}
    (block $d (loop $l
      (br_if $d (i32.ge_s ${get('i')} ${get('end')}))
      ${lane(at2, 2)}
      ${set('i', `(i32.add ${get('i')} (i32.const 2))`)}
      (br $l)))
    (if (i32.lt_s ${get('i')} ${get('n')}) (then ${lane(at2, 1)}))
  )`;
}

/**
 * Izhikevich neurons (compile/builders/izhikevich.ts), two per f64x2, `substeps` Euler substeps:
 *   v = v + jump, I = i_e + I_syn; per substep: v += h·((((0.04v)·v + 5v) + 140 − u) + I),
 *   u += (h·a)·(b·v − u); where v ≥ 30: fired, v = c, u += d.
 */
function izhikevichStep(): string {
  const c = (x: number) => f64x2(x);
  const lane = (w: 1 | 2) => {
    const at = (ptr: string) => `(i32.add ${get(ptr)} (i32.shl ${get('i')} (i32.const 3)))`;
    const ld = (ptr: string) => (w === 2 ? `(v128.load ${at(ptr)})` : `(f64x2.splat (f64.load ${at(ptr)}))`);
    const stv = (ptr: string, v: string) => (w === 2 ? `(v128.store ${at(ptr)} ${v})` : `(f64.store ${at(ptr)} (f64x2.extract_lane 0 ${v}))`);
    return `
      ${set('x', `(f64x2.add ${ld('v')} ${ld('jump')})`)}
      ${set('y', ld('u'))}
      ${set('I', `(f64x2.add ${ld('ie')} ${ld('isyn')})`)}
      ${set('ha', `(f64x2.mul ${get('h')} ${ld('a')})`)}
      ${set('bb', ld('b'))} ${set('cc', ld('c'))} ${set('dd', ld('d'))}
      ${set('f', '(v128.const i64x2 0 0)')}
      ${set('s', '(i32.const 0)')}
      (block $sd (loop $sl
        (br_if $sd (i32.ge_s ${get('s')} ${get('substeps')}))
        ${set('x', `(f64x2.add ${get('x')} (f64x2.mul ${get('h')} (f64x2.add (f64x2.sub (f64x2.add (f64x2.add (f64x2.mul (f64x2.mul ${c(0.04)} ${get('x')}) ${get('x')}) (f64x2.mul ${c(5)} ${get('x')})) ${c(140)}) ${get('y')}) ${get('I')})))`)}
        ${set('y', `(f64x2.add ${get('y')} (f64x2.mul ${get('ha')} (f64x2.sub (f64x2.mul ${get('bb')} ${get('x')}) ${get('y')})))`)}
        ${set('m', `(f64x2.ge ${get('x')} ${c(30)})`)}
        ${set('f', `(v128.or ${get('f')} ${get('m')})`)}
        ${set('x', `(v128.bitselect ${get('cc')} ${get('x')} ${get('m')})`)}
        ${set('y', `(v128.bitselect (f64x2.add ${get('y')} ${get('dd')}) ${get('y')} ${get('m')})`)}
        ${set('s', `(i32.add ${get('s')} (i32.const 1))`)}
        (br $sl)))
      ${stv('v', get('x'))}
      ${stv('u', get('y'))}
      ${stv('spikes', `(v128.and ${get('f')} ${c(1)})`)}`;
  };
  return `
  (func $izhikevich_step (export "izhikevich_step") (param $n i32) (param $v i32) (param $u i32) (param $spikes i32) (param $ie i32) (param $isyn i32) (param $jump i32)
      (param $a i32) (param $b i32) (param $c i32) (param $d i32) (param $h_s f64) (param $substeps i32)
    (local $i i32) (local $s i32) (local $end i32) (local $x v128) (local $y v128) (local $I v128) (local $ha v128) (local $bb v128) (local $cc v128) (local $dd v128)
    (local $m v128) (local $f v128) (local $h v128)
    ${set('h', `(f64x2.splat ${get('h_s')})`)}
    ${set('end', `(i32.and ${get('n')} (i32.const -2))`)}
    (block $d (loop $l
      (br_if $d (i32.ge_s ${get('i')} ${get('end')}))
      ${lane(2)}
      ${set('i', `(i32.add ${get('i')} (i32.const 2))`)}
      (br $l)))
    (if (i32.lt_s ${get('i')} ${get('n')}) (then ${lane(1)}))
  )`;
}

/** The whole module's text; `shared` selects the memory import. */
export function kernelsWat(shared: boolean): string {
  const memory = shared ? '(memory 1 32768 shared)' : '(memory 1)';
  return `(module
  (import "env" "memory" ${memory})
${dense(DENSE_F64)}
${dense(DENSE_F32)}
${csr('f64')}
${csr('f32')}
${eventF64()}
${demote()}
${mapF64('tanh_f64', tanhBody)}
${mapF64('sigmoid_f64', sigmoidBody)}
${rateUpdate('rate_tanh', tanhBody)}
${rateUpdate('rate_sigmoid', sigmoidBody)}
${lifStep()}
${izhikevichStep()}
)
`;
}

/** Largest memory (64 KiB pages) the shared variant may grow to (2 GiB). */
export const SHARED_MAX_PAGES = 32768;
