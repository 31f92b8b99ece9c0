/**
 * The engine's seeded random numbers. One document seed feeds every stream; each consumer
 * (an edge's weights, a node's initial state, an input's noise) draws from its own stream,
 * derived from (seed, label), so adding a node never changes another node's numbers.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number
 * generators"), 32-bit arithmetic only, period 2^128 − 1; state seeded by splitmix32 from a
 * 32-bit FNV-1a hash of the label mixed with the seed. Gaussian numbers: Box–Muller (Box &
 * Muller 1958), both branches used, with the deterministic log/sin/cos of math/detmath.ts.
 * Pure integer and IEEE double arithmetic, so Node and every browser produce bit-identical streams.
 */

import { cos, log, sin } from './math/detmath.ts';

/** 32-bit FNV-1a hash of a string (Fowler–Noll–Vo). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: returns [next state, output]. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  /** A stream for `label` under document seed `seed`. */
  constructor(seed: number, label = '') {
    let s = (seed >>> 0) ^ fnv1a(label);
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, value] = splitmix32(s);
      s = next;
      out.push(value);
    }
    [this.a, this.b, this.c, this.d] = out;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is forbidden
  }

  /** Next unsigned 32-bit integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Fills `out` with the next out.length outputs of nextUint32 (the same stream, in one loop with
   * the state in locals: many draws per step, e.g. Poisson counts for a whole population).
   */
  fillUint32(out: Uint32Array): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < out.length; i++) {
      const r = Math.imul(b, 5);
      out[i] = Math.imul((r << 7) | (r >>> 25), 9);
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** Writes the generator's state into out[0…3] (a kernel continues the stream there). */
  saveState(out: Int32Array): void {
    out[0] = this.a;
    out[1] = this.b;
    out[2] = this.c;
    out[3] = this.d;
  }

  /** Continues from a state written by saveState and advanced by the same generator elsewhere. */
  loadState(state: Int32Array): void {
    this.a = state[0];
    this.b = state[1];
    this.c = state[2];
    this.d = state[3];
  }

  /** The Box–Muller value kept for the next `gaussian()`, or null (with saveState: the whole state). */
  get spareGaussian(): number | null {
    return this.hasSpare ? this.spare : null;
  }

  set spareGaussian(value: number | null) {
    this.hasSpare = value !== null;
    this.spare = value ?? 0;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Standard normal N(0, 1) by Box–Muller; the sine branch is kept for the next call. */
  gaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: log is finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * log(u1));
    this.spare = r * sin(2 * Math.PI * u2);
    this.hasSpare = true;
    return r * cos(2 * Math.PI * u2);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
