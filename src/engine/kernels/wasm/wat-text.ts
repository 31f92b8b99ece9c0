/**
 * Small helpers for writing WebAssembly text from TypeScript templates: exact float literals,
 * local get/set, index ranges. Shared by the kernel modules (products, activations, neuron steps,
 * linear algebra).
 */

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

export const f64x2 = (x: number) => `(v128.const f64x2 ${hexFloat(x)} ${hexFloat(x)})`;
export const get = (name: string) => `(local.get $${name})`;
export const set = (name: string, value: string) => `(local.set $${name} ${value})`;
export const range = (n: number) => Array.from({ length: n }, (_, i) => i);
