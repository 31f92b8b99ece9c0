/**
 * Jumping a xoshiro128** stream ahead: the state after `count` outputs, without drawing them.
 *
 * xoshiro128**'s state transition is linear over GF(2) (Blackman & Vigna 2018, §3: the "**"
 * scrambler only shapes the output), so `count` steps are the 128×128 bit matrix Tᶜᵒᵘⁿᵗ applied to
 * the state. T^(2^i) comes from repeated squaring, and Tᶜᵒᵘⁿᵗ is the product of the powers of the
 * bits set in `count` (they commute) — the matrix form of jump-ahead for F₂-linear generators
 * (Haramoto, Matsumoto, Nishimura, Panneton & L'Ecuyer 2008). Cost: the powers once per thread
 * (31 squarings, a few ms), then 128 word XORs per set bit, against 10⁷–10⁸ steps of iterating.
 * The result is exactly the state `count` calls of nextUint32 leave (rng-jump.test.ts).
 */

/** Bits of the state: words a, b, c, d of 32 bits (bit j lies in word j >> 5). */
const BITS = 128;
/** Powers 2^i held, i < POWERS: jumps up to 2³² − 1 outputs. */
const POWERS = 32;
const JUMP_LIMIT = 4294967296;

/** One transition of the state (no output), in place. */
function step(s: Int32Array | Uint32Array): void {
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 11) | (s[3] >>> 21);
}

/** M·v for a matrix stored by columns (column j = M·e_j: words 4j … 4j + 3), into out. */
function apply(columns: Uint32Array, v: ArrayLike<number>, out: Uint32Array): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let w = 0; w < 4; w++) {
    const word = v[w];
    for (let bit = 0; bit < 32; bit++) {
      if (((word >>> bit) & 1) === 0) continue;
      const at = 4 * (32 * w + bit);
      a ^= columns[at];
      b ^= columns[at + 1];
      c ^= columns[at + 2];
      d ^= columns[at + 3];
    }
  }
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
}

let powers: Uint32Array[] | null = null;

/** T^(2^i) for i < POWERS, by columns. */
function transitionPowers(): Uint32Array[] {
  if (powers) return powers;
  const t = new Uint32Array(4 * BITS);
  const e = new Uint32Array(4);
  for (let j = 0; j < BITS; j++) {
    e.fill(0);
    e[j >> 5] = 1 << (j & 31);
    step(e);
    t.set(e, 4 * j);
  }
  const list = [t];
  const column = new Uint32Array(4);
  for (let i = 1; i < POWERS; i++) {
    const m = list[i - 1];
    const squared = new Uint32Array(4 * BITS);
    for (let j = 0; j < BITS; j++) {
      apply(m, m.subarray(4 * j, 4 * j + 4), column);
      squared.set(column, 4 * j);
    }
    list.push(squared);
  }
  return (powers = list);
}

/**
 * Advances the generator state `words` (a, b, c, d as Rng.saveState writes them) by `count`
 * outputs (0 ≤ count < 2³², an integer), in place.
 */
export function jumpState(words: Int32Array, count: number): void {
  if (!Number.isInteger(count) || count < 0 || count >= JUMP_LIMIT) throw new RangeError(`jump of ${count} outputs: an integer in [0, 2^${POWERS}) expected`);
  const list = transitionPowers();
  const v = new Uint32Array(4);
  const out = new Uint32Array(4);
  v.set(words);
  for (let i = 0, rest = count; rest > 0; i++, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 0) continue;
    apply(list[i], v, out);
    v.set(out);
  }
  words.set(new Int32Array(v.buffer));
}
