/**
 * WebAssembly text of the dense linear-algebra kernels behind the eigenvalue routine
 * (src/engine/linalg/dense-ops.ts has their plain-JS twins, bit-identical): a matrix product
 * update in two loop orders and a strided matrix–vector product. All pointers are byte addresses
 * in the imported memory; leading dimensions (ld*) are in elements; matrices are row-major.
 *
 * Operation order, the same in both product kernels and in the JS twin, for every C[i, j]:
 *   for each block of four p in order:  C[i, j] = C[i, j] − (((a₀b₀ + a₁b₁) + a₂b₂) + a₃b₃)
 *   then for each remaining p in order: C[i, j] = C[i, j] − a_p·b_p
 * with a_p = A[i, p] and b_p = B[p, j]. Columns j go two to an f64x2 (lanes are independent
 * IEEE operations, so a lane computes what the scalar code computes), an odd last column alone.
 */
import { get, set } from './wat-text.ts';

const addr = (base: string, index: string) => `(i32.add ${get(base)} (i32.shl ${index} (i32.const 3)))`;

/** The statements updating columns j ∈ [0, n) of row `crow` with four rows of B and splats $a0..$a3. */
function rowUpdate4(label: string): string {
  const term = (q: number, load: string) => `(f64x2.mul ${get(`a${q}`)} (${load} (i32.add ${get(`b${q}`)} ${get('jb')})))`;
  const sterm = (q: number) => `(f64.mul (f64x2.extract_lane 0 ${get(`a${q}`)}) (f64.load (i32.add ${get(`b${q}`)} ${get('jb')})))`;
  return `
        ${set('jb', '(i32.const 0)')}
        (block $${label}_d (loop $${label}_l
          (br_if $${label}_d (i32.ge_u ${get('jb')} ${get('pairBytes')}))
          (v128.store (i32.add ${get('crow')} ${get('jb')})
            (f64x2.sub (v128.load (i32.add ${get('crow')} ${get('jb')}))
              (f64x2.add (f64x2.add (f64x2.add ${term(0, 'v128.load')} ${term(1, 'v128.load')}) ${term(2, 'v128.load')}) ${term(3, 'v128.load')})))
          ${set('jb', `(i32.add ${get('jb')} (i32.const 16))`)}
          (br $${label}_l)))
        (if (i32.lt_u ${get('jb')} ${get('rowBytes')}) (then
          (f64.store (i32.add ${get('crow')} ${get('jb')})
            (f64.sub (f64.load (i32.add ${get('crow')} ${get('jb')}))
              (f64.add (f64.add (f64.add ${sterm(0)} ${sterm(1)}) ${sterm(2)}) ${sterm(3)})))))`;
}

/** The statements updating row `crow` with one row of B ($b0) and the splat $a0. */
function rowUpdate1(label: string): string {
  return `
        ${set('jb', '(i32.const 0)')}
        (block $${label}_d (loop $${label}_l
          (br_if $${label}_d (i32.ge_u ${get('jb')} ${get('pairBytes')}))
          (v128.store (i32.add ${get('crow')} ${get('jb')})
            (f64x2.sub (v128.load (i32.add ${get('crow')} ${get('jb')})) (f64x2.mul ${get('a0')} (v128.load (i32.add ${get('b0')} ${get('jb')})))))
          ${set('jb', `(i32.add ${get('jb')} (i32.const 16))`)}
          (br $${label}_l)))
        (if (i32.lt_u ${get('jb')} ${get('rowBytes')}) (then
          (f64.store (i32.add ${get('crow')} ${get('jb')})
            (f64.sub (f64.load (i32.add ${get('crow')} ${get('jb')})) (f64.mul (f64x2.extract_lane 0 ${get('a0')}) (f64.load (i32.add ${get('b0')} ${get('jb')})))))))`;
}

const GEMM_PARAMS = '(param $c i32) (param $ldc i32) (param $a i32) (param $lda i32) (param $b i32) (param $ldb i32) (param $m i32) (param $n i32) (param $k i32)';
const GEMM_LOCALS = `(local $i i32) (local $p i32) (local $jb i32) (local $crow i32) (local $arow i32) (local $k4 i32)
    (local $rowBytes i32) (local $pairBytes i32) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 i32) (local $b1 i32) (local $b2 i32) (local $b3 i32)`;
const GEMM_INIT = `
    ${set('rowBytes', `(i32.shl ${get('n')} (i32.const 3))`)}
    ${set('pairBytes', `(i32.shl (i32.and ${get('n')} (i32.const -2)) (i32.const 3))`)}
    ${set('k4', `(i32.and ${get('k')} (i32.const -4))`)}`;

/** $crow, $arow for row $i; $b0..$b3 for rows $p..$p+3 of B; splats of A[i, p..p+3]. */
const rowPointers = `
        ${set('crow', `(i32.add ${get('c')} (i32.shl (i32.mul ${get('i')} ${get('ldc')}) (i32.const 3)))`)}
        ${set('arow', `(i32.add ${get('a')} (i32.shl (i32.mul ${get('i')} ${get('lda')}) (i32.const 3)))`)}`;
const bPointers = (count: number) =>
  Array.from({ length: count }, (_, q) => set(`b${q}`, `(i32.add ${get('b')} (i32.shl (i32.mul (i32.add ${get('p')} (i32.const ${q})) ${get('ldb')}) (i32.const 3)))`)).join(' ');
const aSplats = (count: number) =>
  Array.from({ length: count }, (_, q) => set(`a${q}`, `(v128.load64_splat offset=${8 * q} ${addr('arow', get('p'))})`)).join(' ');

/** C −= A·B, row by row (row i of C stays in cache while B streams): for C much taller than B. */
function gemmRows(): string {
  return `
  (func $gemm_rows (export "gemm_rows") ${GEMM_PARAMS}
    ${GEMM_LOCALS}
    ${GEMM_INIT}
    (block $id (loop $il
      (br_if $id (i32.ge_s ${get('i')} ${get('m')}))
      ${rowPointers}
      ${set('p', '(i32.const 0)')}
      (block $pd (loop $pl
        (br_if $pd (i32.ge_s ${get('p')} ${get('k4')}))
        ${aSplats(4)} ${bPointers(4)}
        ${rowUpdate4('r4')}
        ${set('p', `(i32.add ${get('p')} (i32.const 4))`)}
        (br $pl)))
      (block $qd (loop $ql
        (br_if $qd (i32.ge_s ${get('p')} ${get('k')}))
        ${aSplats(1)} ${bPointers(1)}
        ${rowUpdate1('r1')}
        ${set('p', `(i32.add ${get('p')} (i32.const 1))`)}
        (br $ql)))
      ${set('i', `(i32.add ${get('i')} (i32.const 1))`)}
      (br $il)))
  )`;
}

/** C −= A·B, four rows of B at a time over all rows of C (B's rows stay in cache): for small C, long k. */
function gemmPanel(): string {
  return `
  (func $gemm_panel (export "gemm_panel") ${GEMM_PARAMS}
    ${GEMM_LOCALS}
    ${GEMM_INIT}
    (block $pd (loop $pl
      (br_if $pd (i32.ge_s ${get('p')} ${get('k4')}))
      ${bPointers(4)}
      ${set('i', '(i32.const 0)')}
      (block $id (loop $il
        (br_if $id (i32.ge_s ${get('i')} ${get('m')}))
        ${rowPointers}
        ${aSplats(4)}
        ${rowUpdate4('r4')}
        ${set('i', `(i32.add ${get('i')} (i32.const 1))`)}
        (br $il)))
      ${set('p', `(i32.add ${get('p')} (i32.const 4))`)}
      (br $pl)))
    (block $qd (loop $ql
      (br_if $qd (i32.ge_s ${get('p')} ${get('k')}))
      ${bPointers(1)}
      ${set('i', '(i32.const 0)')}
      (block $jd (loop $jl
        (br_if $jd (i32.ge_s ${get('i')} ${get('m')}))
        ${rowPointers}
        ${aSplats(1)}
        ${rowUpdate1('r1')}
        ${set('i', `(i32.add ${get('i')} (i32.const 1))`)}
        (br $jl)))
      ${set('p', `(i32.add ${get('p')} (i32.const 1))`)}
      (br $ql)))
  )`;
}

/**
 * y[r] = Σ_c A[r, c]·x[c] for r < rows, c < cols (row stride lda): per row two f64x2 accumulators
 * over columns c ≡ 0,1 | 2,3 (mod 4), folded as (s0 + s2) + (s1 + s3), then the remaining columns
 * in order.
 */
function matvec(): string {
  return `
  (func $matvec (export "matvec") (param $a i32) (param $lda i32) (param $rows i32) (param $cols i32) (param $x i32) (param $y i32)
    (local $r i32) (local $p i32) (local $xp i32) (local $xblk i32) (local $xend i32) (local $s0 v128) (local $s1 v128) (local $acc f64)
    (block $rd (loop $rl
      (br_if $rd (i32.ge_s ${get('r')} ${get('rows')}))
      ${set('p', `(i32.add ${get('a')} (i32.shl (i32.mul ${get('r')} ${get('lda')}) (i32.const 3)))`)}
      ${set('xp', get('x'))}
      ${set('xblk', `(i32.add ${get('x')} (i32.shl (i32.and ${get('cols')} (i32.const -4)) (i32.const 3)))`)}
      ${set('xend', `(i32.add ${get('x')} (i32.shl ${get('cols')} (i32.const 3)))`)}
      ${set('s0', '(v128.const i64x2 0 0)')} ${set('s1', '(v128.const i64x2 0 0)')}
      (block $bd (loop $bl
        (br_if $bd (i32.ge_u ${get('xp')} ${get('xblk')}))
        ${set('s0', `(f64x2.add ${get('s0')} (f64x2.mul (v128.load ${get('p')}) (v128.load ${get('xp')})))`)}
        ${set('s1', `(f64x2.add ${get('s1')} (f64x2.mul (v128.load offset=16 ${get('p')}) (v128.load offset=16 ${get('xp')})))`)}
        ${set('p', `(i32.add ${get('p')} (i32.const 32))`)}
        ${set('xp', `(i32.add ${get('xp')} (i32.const 32))`)}
        (br $bl)))
      ${set('s0', `(f64x2.add ${get('s0')} ${get('s1')})`)}
      ${set('acc', `(f64.add (f64x2.extract_lane 0 ${get('s0')}) (f64x2.extract_lane 1 ${get('s0')}))`)}
      (block $td (loop $tl
        (br_if $td (i32.ge_u ${get('xp')} ${get('xend')}))
        ${set('acc', `(f64.add ${get('acc')} (f64.mul (f64.load ${get('p')}) (f64.load ${get('xp')})))`)}
        ${set('p', `(i32.add ${get('p')} (i32.const 8))`)}
        ${set('xp', `(i32.add ${get('xp')} (i32.const 8))`)}
        (br $tl)))
      (f64.store ${addr('y', get('r'))} ${get('acc')})
      ${set('r', `(i32.add ${get('r')} (i32.const 1))`)}
      (br $rl)))
  )`;
}

/**
 * One step of a Francis double-shift sweep over the block [l, hi] of a row-major matrix (row
 * stride ld), eigenvalues only: src/engine/linalg/francis.ts, bulgeStep, operation for operation
 * (the left update two columns to an f64x2, the right update two rows to an f64x2).
 */
function bulgeStep(): string {
  const at = (i: string, j: string) => `(i32.add ${get('a')} (i32.shl (i32.add (i32.mul ${i} ${get('ld')}) ${j}) (i32.const 3)))`;
  const ld = (i: string, j: string) => `(f64.load ${at(i, j)})`;
  const k = get('k');
  const k1 = `(i32.add ${k} (i32.const 1))`;
  const k2 = `(i32.add ${k} (i32.const 2))`;
  const km1 = `(i32.sub ${k} (i32.const 1))`;
  const l = get('l');
  const l1 = `(i32.add ${l} (i32.const 1))`;
  const l2 = `(i32.add ${l} (i32.const 2))`;
  const leftPair = (three: boolean) => `
      ${set('x2', `(v128.load (i32.add ${get('p0')} ${get('jb')}))`)}
      ${set('y2', `(v128.load (i32.add ${get('p1')} ${get('jb')}))`)}
      ${three ? set('z2', `(v128.load (i32.add ${get('p2')} ${get('jb')}))`) : ''}
      ${set('f2', `(f64x2.mul ${get('tau2')} ${three ? `(f64x2.add (f64x2.add ${get('x2')} (f64x2.mul ${get('v12')} ${get('y2')})) (f64x2.mul ${get('v22')} ${get('z2')}))` : `(f64x2.add ${get('x2')} (f64x2.mul ${get('v12')} ${get('y2')}))`})`)}
      (v128.store (i32.add ${get('p0')} ${get('jb')}) (f64x2.sub ${get('x2')} ${get('f2')}))
      (v128.store (i32.add ${get('p1')} ${get('jb')}) (f64x2.sub ${get('y2')} (f64x2.mul ${get('f2')} ${get('v12')})))
      ${three ? `(v128.store (i32.add ${get('p2')} ${get('jb')}) (f64x2.sub ${get('z2')} (f64x2.mul ${get('f2')} ${get('v22')})))` : ''}`;
  const leftOne = (three: boolean) => `
      ${set('x', `(f64.load (i32.add ${get('p0')} ${get('jb')}))`)}
      ${set('y', `(f64.load (i32.add ${get('p1')} ${get('jb')}))`)}
      ${three ? set('z', `(f64.load (i32.add ${get('p2')} ${get('jb')}))`) : ''}
      ${set('f', `(f64.mul ${get('tau')} ${three ? `(f64.add (f64.add ${get('x')} (f64.mul ${get('v1')} ${get('y')})) (f64.mul ${get('v2')} ${get('z')}))` : `(f64.add ${get('x')} (f64.mul ${get('v1')} ${get('y')}))`})`)}
      (f64.store (i32.add ${get('p0')} ${get('jb')}) (f64.sub ${get('x')} ${get('f')}))
      (f64.store (i32.add ${get('p1')} ${get('jb')}) (f64.sub ${get('y')} (f64.mul ${get('f')} ${get('v1')})))
      ${three ? `(f64.store (i32.add ${get('p2')} ${get('jb')}) (f64.sub ${get('z')} (f64.mul ${get('f')} ${get('v2')})))` : ''}`;
  const left = (three: boolean, label: string) => `
      ${set('jb', '(i32.const 0)')}
      (block $${label}_d (loop $${label}_l
        (br_if $${label}_d (i32.gt_u (i32.add ${get('jb')} (i32.const 16)) ${get('rowBytes')}))
        ${leftPair(three)}
        ${set('jb', `(i32.add ${get('jb')} (i32.const 16))`)}
        (br $${label}_l)))
      (if (i32.lt_u ${get('jb')} ${get('rowBytes')}) (then ${leftOne(three)}))`;
  // Rows two at a time (one per f64x2 lane, gathered and scattered by lane loads and stores),
  // then a last row alone: every row gets the scalar code's operations.
  const rightPair = (three: boolean) => `
        ${set('o', at(get('i'), k))}
        ${set('o1', `(i32.add ${get('o')} ${get('ldBytes')})`)}
        ${set('x2', `(v128.load64_lane 1 ${get('o1')} (v128.load64_zero ${get('o')}))`)}
        ${set('y2', `(v128.load64_lane offset=8 1 ${get('o1')} (v128.load64_zero offset=8 ${get('o')}))`)}
        ${three ? set('z2', `(v128.load64_lane offset=16 1 ${get('o1')} (v128.load64_zero offset=16 ${get('o')}))`) : ''}
        ${set('f2', `(f64x2.mul ${get('tau2')} ${three ? `(f64x2.add (f64x2.add ${get('x2')} (f64x2.mul ${get('v12')} ${get('y2')})) (f64x2.mul ${get('v22')} ${get('z2')}))` : `(f64x2.add ${get('x2')} (f64x2.mul ${get('v12')} ${get('y2')}))`})`)}
        ${set('x2', `(f64x2.sub ${get('x2')} ${get('f2')})`)}
        ${set('y2', `(f64x2.sub ${get('y2')} (f64x2.mul ${get('f2')} ${get('v12')}))`)}
        (v128.store64_lane 0 ${get('o')} ${get('x2')}) (v128.store64_lane 1 ${get('o1')} ${get('x2')})
        (v128.store64_lane offset=8 0 ${get('o')} ${get('y2')}) (v128.store64_lane offset=8 1 ${get('o1')} ${get('y2')})
        ${three ? `${set('z2', `(f64x2.sub ${get('z2')} (f64x2.mul ${get('f2')} ${get('v22')}))`)} (v128.store64_lane offset=16 0 ${get('o')} ${get('z2')}) (v128.store64_lane offset=16 1 ${get('o1')} ${get('z2')})` : ''}`;
  const rightOne = (three: boolean) => `
        ${set('o', at(get('i'), k))}
        ${set('x', `(f64.load ${get('o')})`)}
        ${set('y', `(f64.load offset=8 ${get('o')})`)}
        ${three ? set('z', `(f64.load offset=16 ${get('o')})`) : ''}
        ${set('f', `(f64.mul ${get('tau')} ${three ? `(f64.add (f64.add ${get('x')} (f64.mul ${get('v1')} ${get('y')})) (f64.mul ${get('v2')} ${get('z')}))` : `(f64.add ${get('x')} (f64.mul ${get('v1')} ${get('y')}))`})`)}
        (f64.store ${get('o')} (f64.sub ${get('x')} ${get('f')}))
        (f64.store offset=8 ${get('o')} (f64.sub ${get('y')} (f64.mul ${get('f')} ${get('v1')})))
        ${three ? `(f64.store offset=16 ${get('o')} (f64.sub ${get('z')} (f64.mul ${get('f')} ${get('v2')})))` : ''}`;
  const right = (three: boolean, label: string) => `
      ${set('i', l)}
      (block $${label}_d (loop $${label}_l
        (br_if $${label}_d (i32.ge_s ${get('i')} ${get('iEnd')}))
        ${rightPair(three)}
        ${set('i', `(i32.add ${get('i')} (i32.const 2))`)}
        (br $${label}_l)))
      (if (i32.eq ${get('i')} ${get('iEnd')}) (then ${rightOne(three)}))`;
  return `
  (func $bulge_step (param $a i32) (param $ld i32) (param $l i32) (param $hi i32) (param $k i32) (param $s f64) (param $t f64)
    (local $three i32) (local $x f64) (local $y f64) (local $z f64) (local $h00 f64) (local $h10 f64) (local $sc f64)
    (local $xs f64) (local $ys f64) (local $zs f64) (local $beta f64) (local $tau f64) (local $v1 f64) (local $v2 f64) (local $f f64)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $jb i32) (local $rowBytes i32) (local $i i32) (local $iEnd i32) (local $o i32) (local $o1 i32) (local $ldBytes i32)
    (local $x2 v128) (local $y2 v128) (local $z2 v128) (local $f2 v128) (local $tau2 v128) (local $v12 v128) (local $v22 v128)
    ${set('three', `(i32.lt_s ${k} (i32.sub ${get('hi')} (i32.const 1)))`)}
    (if (i32.eq ${k} ${l})
      (then
        ${set('h00', ld(l, l))}
        ${set('h10', ld(l1, l))}
        ${set('x', `(f64.add (f64.sub (f64.add (f64.mul ${get('h00')} ${get('h00')}) (f64.mul ${ld(l, l1)} ${get('h10')})) (f64.mul ${get('s')} ${get('h00')})) ${get('t')})`)}
        ${set('y', `(f64.mul ${get('h10')} (f64.sub (f64.add ${get('h00')} ${ld(l1, l1)}) ${get('s')}))`)}
        ${set('z', `(f64.mul ${get('h10')} ${ld(l2, l1)})`)})
      (else
        ${set('x', ld(k, km1))}
        ${set('y', ld(k1, km1))}
        ${set('z', `(if (result f64) ${get('three')} (then ${ld(k2, km1)}) (else (f64.const 0)))`)}))
    ${set('sc', `(f64.add (f64.add (f64.abs ${get('x')}) (f64.abs ${get('y')})) (f64.abs ${get('z')}))`)}
    (if (f64.eq ${get('sc')} (f64.const 0)) (then (return)))
    ${set('xs', `(f64.div ${get('x')} ${get('sc')})`)}
    ${set('ys', `(f64.div ${get('y')} ${get('sc')})`)}
    ${set('zs', `(f64.div ${get('z')} ${get('sc')})`)}
    ${set('beta', `(f64.sqrt (f64.add (f64.add (f64.mul ${get('xs')} ${get('xs')}) (f64.mul ${get('ys')} ${get('ys')})) (f64.mul ${get('zs')} ${get('zs')})))`)}
    (if (f64.gt ${get('xs')} (f64.const 0)) (then ${set('beta', `(f64.neg ${get('beta')})`)}))
    ${set('tau', `(f64.div (f64.sub ${get('beta')} ${get('xs')}) ${get('beta')})`)}
    ${set('v1', `(f64.div ${get('ys')} (f64.sub ${get('xs')} ${get('beta')}))`)}
    ${set('v2', `(f64.div ${get('zs')} (f64.sub ${get('xs')} ${get('beta')}))`)}
    (if (i32.gt_s ${k} ${l}) (then
      (f64.store ${at(k, km1)} (f64.mul ${get('beta')} ${get('sc')}))
      (f64.store ${at(k1, km1)} (f64.const 0))
      (if ${get('three')} (then (f64.store ${at(k2, km1)} (f64.const 0))))))
    ${set('p0', at(k, k))}
    ${set('p1', at(k1, k))}
    ${set('p2', at(k2, k))}
    ${set('rowBytes', `(i32.shl (i32.add (i32.sub ${get('hi')} ${k}) (i32.const 1)) (i32.const 3))`)}
    ${set('ldBytes', `(i32.shl ${get('ld')} (i32.const 3))`)}
    ${set('tau2', `(f64x2.splat ${get('tau')})`)}
    ${set('v12', `(f64x2.splat ${get('v1')})`)}
    ${set('v22', `(f64x2.splat ${get('v2')})`)}
    ${set('iEnd', `(select (i32.add ${k} (i32.const 3)) ${get('hi')} (i32.lt_s (i32.add ${k} (i32.const 3)) ${get('hi')}))`)}
    (if ${get('three')}
      (then ${left(true, 'l3')} ${right(true, 'r3')})
      (else ${left(false, 'l2')} ${right(false, 'r2')}))
  )`;
}

/**
 * Several double-shift sweeps over [l, hi] as one chain of bulges three rows apart, the leading
 * one moved first at each step (src/engine/linalg/francis.ts, chainedSweeps). The shifts of
 * bulge b are sums[b] = σ1 + σ2 and products[b] = σ1·σ2 (f64 arrays).
 */
function chainSweep(): string {
  return `
  (func $chain_sweep (export "chain_sweep") (param $a i32) (param $ld i32) (param $l i32) (param $hi i32) (param $sums i32) (param $prods i32) (param $bulges i32)
    (local $steps i32) (local $tau i32) (local $end i32) (local $b i32) (local $j i32)
    ${set('steps', `(i32.sub ${get('hi')} ${get('l')})`)}
    ${set('end', `(i32.add ${get('steps')} (i32.mul (i32.const 3) (i32.sub ${get('bulges')} (i32.const 1))))`)}
    (block $td (loop $tl
      (br_if $td (i32.ge_s ${get('tau')} ${get('end')}))
      ${set('b', '(i32.const 0)')}
      (block $bd (loop $bl
        (br_if $bd (i32.ge_s ${get('b')} ${get('bulges')}))
        ${set('j', `(i32.sub ${get('tau')} (i32.mul (i32.const 3) ${get('b')}))`)}
        (br_if $bd (i32.lt_s ${get('j')} (i32.const 0)))
        (if (i32.lt_s ${get('j')} ${get('steps')}) (then
          (call $bulge_step ${get('a')} ${get('ld')} ${get('l')} ${get('hi')} (i32.add ${get('l')} ${get('j')})
            (f64.load ${addr('sums', get('b'))}) (f64.load ${addr('prods', get('b'))}))))
        ${set('b', `(i32.add ${get('b')} (i32.const 1))`)}
        (br $bl)))
      ${set('tau', `(i32.add ${get('tau')} (i32.const 1))`)}
      (br $tl)))
  )`;
}

/** The linear-algebra module's text (an unshared imported memory). */
export function linalgWat(): string {
  return `(module
  (import "env" "memory" (memory 1))
${gemmRows()}
${gemmPanel()}
${matvec()}
${bulgeStep()}
${chainSweep()}
)
`;
}
