/**
 * Seeded pseudo-random numbers for the measures layer (surrogate permutations) and for tests that
 * regenerate the reference series. The algorithms are exactly those documented in
 * test/reference/jidt/series.json → `generator`, so a seed reproduces the same stream in the
 * browser, in Node and in the reference tools.
 */

/** A generator of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator), 32-bit integer arithmetic via `Math.imul`.
 *
 * state a = seed >>> 0; next(): a = (a + 0x6D2B79F5) | 0; t = imul(a ^ (a >>> 15), 1 | a);
 * t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 2^32.
 *
 * @param seed any number; only its low 32 bits are used.
 * @returns a function giving uniform numbers in [0, 1) (dimensionless).
 */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One standard normal sample by Box–Muller, cosine branch only, consuming exactly two uniforms:
 * u1 = 1 − next(), u2 = next(), z = √(−2 ln u1) · cos(2π u2). (Box & Muller 1958.)
 *
 * @param next a uniform generator such as {@link mulberry32}.
 * @returns a sample of N(0, 1).
 */
export function gaussianSample(next: Uniform): number {
  const u1 = 1 - next();
  const u2 = next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Fisher–Yates shuffle of `out` in place (Durstenfeld's version): for i = n−1 … 1 swap out[i] with
 * out[j], j uniform in [0, i]. Every permutation is equally likely given a uniform `next`.
 */
export function shuffleInPlace(out: Int32Array, next: Uniform): Int32Array {
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** A uniformly random permutation of 0 … n−1 drawn from `next` (see {@link shuffleInPlace}). */
export function randomPermutation(n: number, next: Uniform): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffleInPlace(p, next);
}
