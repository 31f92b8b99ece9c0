/** Typed arrays one after another in a SharedArrayBuffer: what the kernels' shared workspace gives a sampling (tests, benchmarks). */
import type { ArrayStorage } from '../engine/compile/synapse-list.ts';

export function sharedStorage(bytes: number): ArrayStorage {
  const buffer = new SharedArrayBuffer(bytes + 64);
  let next = 0;
  const take = (n: number, size: number) => {
    const at = next;
    next = (at + n * size + 15) & ~15;
    if (next > buffer.byteLength) throw new Error('shared storage exceeded');
    return at;
  };
  return { f64: (n) => new Float64Array(buffer, take(n, 8), n), i32: (n) => new Int32Array(buffer, take(n, 4), n) };
}
