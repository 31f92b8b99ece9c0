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

/** The linear-algebra module's text (an unshared imported memory). */
export function linalgWat(): string {
  return `(module
  (import "env" "memory" (memory 1))
${gemmRows()}
${gemmPanel()}
${matvec()}
)
`;
}
