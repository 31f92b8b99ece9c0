/**
 * WebAssembly text of the matrix–vector products (dense and CSR, f64 and f32), the event-driven
 * spike delivery and the f64 → f32 demotion. All pointers are byte addresses in the imported
 * memory; row ranges [r0, r1) let two threads split one product. Summation orders (bit-identical
 * to js-kernels.ts):
 *  - dense f64: per row two f64x2 accumulators over columns j ≡ 0,1 | 2,3 (mod 4), i.e. the four
 *    partial sums s0..s3, combined as (s0 + s2) + (s1 + s3), then the remaining columns in order;
 *    three rows at a time share the loads of x (independent rows, same per-row order);
 *  - CSR f64: each row's products summed in storage order, two rows interleaved;
 *  - event f64: the columns that spiked in order, each column's synapses in order;
 *  - dense f32: two f32x4 accumulators (s0..s7 over j mod 8), t_l = s_l + s_{l+4},
 *    (t0 + t2) + (t1 + t3), remainder in order, then promoted and added to the f64 output;
 *  - CSR f32: storage order, in single precision.
 */
import { get, range, set } from './wat-text.ts';

/**
 * Rows processed together by the dense kernels: three rows keep every v128 value in a register
 * under V8's TurboFan (6 accumulators + 2 x vectors + 6 loaded weight vectors ≤ 15 xmm
 * registers); with four, two accumulators spill to the stack (see src/engine/kernels/README.md).
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

export const DENSE_F64: DenseType = {
  t: 'f64',
  vec: 'f64x2',
  shift: 3,
  block: 4,
  // a = (s0, s1), b = (s2, s3): (s0 + s2) + (s1 + s3)
  fold: (r) => set(`acc${r}`, `(f64.add (f64x2.extract_lane 0 ${get('s')}) (f64x2.extract_lane 1 ${get('s')}))`),
  widen: (v) => v,
};

export const DENSE_F32: DenseType = {
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
export function dense(d: DenseType): string {
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

export function csr(t: 'f64' | 'f32', name = `csr_${t}`, R = CSR_ROWS): string {
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

/**
 * Event-driven delivery over columns [c0, c1): see Kernels.eventMatVecAdd. valIdx 0 means none.
 * The synapses of a spiking column are walked with running pointers (row index, value), the
 * valIdx test made once per column; the additions are the JS kernel's, in its order.
 */
export function eventF64(): string {
  const synapses = (indexed: boolean) => `
          (block $syn_d (loop $syn_l
            (br_if $syn_d (i32.ge_u ${get('r')} ${get('rEnd')}))
            ${set('o', `(i32.add ${get('out')} (i32.shl (i32.load ${get('r')}) (i32.const 3)))`)}
            (f64.store ${get('o')} (f64.add (f64.load ${get('o')}) (f64.mul (f64.load ${indexed ? `(i32.add ${get('values')} (i32.shl (i32.load ${get('v')}) (i32.const 3)))` : get('v')}) ${get('s')})))
            ${set('r', `(i32.add ${get('r')} (i32.const 4))`)}
            ${set('v', `(i32.add ${get('v')} (i32.const ${indexed ? 4 : 8}))`)}
            (br $syn_l)))`;
  return `
  (func $event_f64 (export "event_f64") (param $colPtr i32) (param $rowIdx i32) (param $valIdx i32) (param $values i32) (param $c0 i32) (param $c1 i32) (param $x i32) (param $out i32)
    (local $j i32) (local $k i32) (local $s f64) (local $r i32) (local $rEnd i32) (local $v i32) (local $o i32)
    ${set('j', get('c0'))}
    (block $cols_d (loop $cols_l
      (br_if $cols_d (i32.ge_s ${get('j')} ${get('c1')}))
      ${set('s', `(f64.load (i32.add ${get('x')} (i32.shl ${get('j')} (i32.const 3))))`)}
      (if (f64.ne ${get('s')} (f64.const 0)) (then
        ${set('k', `(i32.load (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2))))`)}
        ${set('r', `(i32.add ${get('rowIdx')} (i32.shl ${get('k')} (i32.const 2)))`)}
        ${set('rEnd', `(i32.add ${get('rowIdx')} (i32.shl (i32.load offset=4 (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2)))) (i32.const 2)))`)}
        (if ${get('valIdx')}
          (then
            ${set('v', `(i32.add ${get('valIdx')} (i32.shl ${get('k')} (i32.const 2)))`)}
            ${synapses(true)})
          (else
            ${set('v', `(i32.add ${get('values')} (i32.shl ${get('k')} (i32.const 3)))`)}
            ${synapses(false)}))))
      ${set('j', `(i32.add ${get('j')} (i32.const 1))`)}
      (br $cols_l)))
  )`;
}

/**
 * Event-driven delivery of one shared weight over columns [c0, c1): see
 * Kernels.eventSharedMatVecAdd. w·s is formed once per spiking column (the JS kernel's product);
 * per synapse only its row index is read.
 */
export function eventSharedF64(): string {
  return `
  (func $event_shared_f64 (export "event_shared_f64") (param $colPtr i32) (param $rowIdx i32) (param $c0 i32) (param $c1 i32) (param $x i32) (param $out i32) (param $w f64)
    (local $j i32) (local $s f64) (local $ws f64) (local $r i32) (local $rEnd i32) (local $o i32)
    ${set('j', get('c0'))}
    (block $cols_d (loop $cols_l
      (br_if $cols_d (i32.ge_s ${get('j')} ${get('c1')}))
      ${set('s', `(f64.load (i32.add ${get('x')} (i32.shl ${get('j')} (i32.const 3))))`)}
      (if (f64.ne ${get('s')} (f64.const 0)) (then
        ${set('ws', `(f64.mul ${get('w')} ${get('s')})`)}
        ${set('r', `(i32.add ${get('rowIdx')} (i32.shl (i32.load (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2)))) (i32.const 2)))`)}
        ${set('rEnd', `(i32.add ${get('rowIdx')} (i32.shl (i32.load offset=4 (i32.add ${get('colPtr')} (i32.shl ${get('j')} (i32.const 2)))) (i32.const 2)))`)}
        (block $syn_d (loop $syn_l
          (br_if $syn_d (i32.ge_u ${get('r')} ${get('rEnd')}))
          ${set('o', `(i32.add ${get('out')} (i32.shl (i32.load ${get('r')}) (i32.const 3)))`)}
          (f64.store ${get('o')} (f64.add (f64.load ${get('o')}) ${get('ws')}))
          ${set('r', `(i32.add ${get('r')} (i32.const 4))`)}
          (br $syn_l)))))
      ${set('j', `(i32.add ${get('j')} (i32.const 1))`)}
      (br $cols_l)))
  )`;
}

/**
 * Poisson counts by table inversion (engine/poisson-sampler.ts, poissonCounts after
 * Rng.fillUint32): for i < n, the next xoshiro128** word x of the stream whose state is the four
 * i32 at `state` (written back at the end), then k = guide[x >>> 24], k += 1 while x ≥ T[k],
 * out[i] = k. Integer and double operations only: the JS path's words and counts, bit for bit.
 */
export function poissonCountsWat(): string {
  return `
  (func $poisson_counts (export "poisson_counts") (param $state i32) (param $thr i32) (param $guide i32) (param $out i32) (param $n i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $t i32) (local $r i32) (local $x f64) (local $k i32) (local $i i32)
    ${set('a', `(i32.load ${get('state')})`)}
    ${set('b', `(i32.load offset=4 ${get('state')})`)}
    ${set('c', `(i32.load offset=8 ${get('state')})`)}
    ${set('d', `(i32.load offset=12 ${get('state')})`)}
    (block $done (loop $next
      (br_if $done (i32.ge_s ${get('i')} ${get('n')}))
      ${set('r', `(i32.mul ${get('b')} (i32.const 5))`)}
      ${set('r', `(i32.mul (i32.rotl ${get('r')} (i32.const 7)) (i32.const 9))`)}
      ${set('x', `(f64.convert_i32_u ${get('r')})`)}
      ${set('k', `(i32.load (i32.add ${get('guide')} (i32.shl (i32.shr_u ${get('r')} (i32.const 24)) (i32.const 2))))`)}
      (block $found (loop $search
        (br_if $found (f64.lt ${get('x')} (f64.load (i32.add ${get('thr')} (i32.shl ${get('k')} (i32.const 3))))))
        ${set('k', `(i32.add ${get('k')} (i32.const 1))`)}
        (br $search)))
      (f64.store (i32.add ${get('out')} (i32.shl ${get('i')} (i32.const 3))) (f64.convert_i32_s ${get('k')}))
      ${set('t', `(i32.shl ${get('b')} (i32.const 9))`)}
      ${set('c', `(i32.xor ${get('c')} ${get('a')})`)}
      ${set('d', `(i32.xor ${get('d')} ${get('b')})`)}
      ${set('b', `(i32.xor ${get('b')} ${get('c')})`)}
      ${set('a', `(i32.xor ${get('a')} ${get('d')})`)}
      ${set('c', `(i32.xor ${get('c')} ${get('t')})`)}
      ${set('d', `(i32.rotl ${get('d')} (i32.const 11))`)}
      ${set('i', `(i32.add ${get('i')} (i32.const 1))`)}
      (br $next)))
    (i32.store ${get('state')} ${get('a')})
    (i32.store offset=4 ${get('state')} ${get('b')})
    (i32.store offset=8 ${get('state')} ${get('c')})
    (i32.store offset=12 ${get('state')} ${get('d')})
  )`;
}

/** dst32[i] = f32(src64[i]) for i < n (x rounded to single precision for the f32 products). */
export function demote(): string {
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
