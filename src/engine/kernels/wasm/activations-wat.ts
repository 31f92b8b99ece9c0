/**
 * WebAssembly text of the elementwise kernels: the population-wide tanh and σ (the algorithm of
 * ../vector-math.ts, two values per f64x2, MAP_UNROLL lane groups interleaved) and the fused leaky
 * rate update.
 */
import { EXPM1_COEFFS, LN2_HI, LN2_LO, LOG2E, SIGMOID_HIGH, SIGMOID_LOW, TANH_CLAMP } from '../vector-math.ts';
import { f64x2, get, range, set } from './wat-text.ts';

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
export const tanhBody: Statement[] = [
  st('x', (u) => g('v', u)),
  st('y', (u) => `(f64x2.min (f64x2.abs ${g('x', u)}) ${f64x2(TANH_CLAMP)})`),
  st('y', (u) => `(f64x2.add ${g('y', u)} ${g('y', u)})`),
  ...reduceAndPoly(),
  st('k', (u) => pow2(g('ki', u))),
  st('e', (u) => `(f64x2.add (f64x2.mul ${g('k', u)} ${g('p', u)}) (f64x2.sub ${g('k', u)} ${f64x2(1)}))`),
  st('v', (u) => `(v128.or (f64x2.div ${g('e', u)} (f64x2.add ${g('e', u)} ${f64x2(2)})) (v128.and ${g('x', u)} ${signMask}))`),
];

/** σ(v) = 1/(1 + E), E = ((1 + p)·2^k₁)·2^k₂ = e^z, z = clamp(−v, −40, 710). */
export const sigmoidBody: Statement[] = [
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
export function mapF64(name: string, body: Statement[]): string {
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
export function rateUpdate(name: string, body: Statement[]): string {
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
