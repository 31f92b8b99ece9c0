/**
 * WebAssembly text of the spiking neuron steps (LIF and Izhikevich), two neurons per f64x2 with
 * both branches computed and selected per lane, so the results equal the builders' JS loops.
 */
import { f64x2, get, set } from './wat-text.ts';

/**
 * One forward-Euler step of n LIF neurons (compile/builders/lif.ts, lifStep), two per f64x2:
 *   v' = ((decay·v + drive) + hr·I_syn) + jump;  refractory r > 0: r − 1, v = v_reset, no spike;
 *   else v' ≥ v_th: spike, v = v_reset, r = refSteps; else no spike, r unchanged.
 * Both branches are computed and selected per lane, so the results equal the JS loop's.
 */
export function lifStep(): string {
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
export function izhikevichStep(): string {
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
