import { describe, expect, it } from 'vitest';
import { francisQR } from './francis.ts';
import { moveBlockUp, swapBlocks } from './swap-blocks.ts';
import { matchError, randomMatrix } from './eigen-test-helpers.ts';
import { hessenbergInPlace } from './hessenberg.ts';

/** Real Schur form T = Zᵀ·A·Z of a random m×m matrix (Hessenberg first), with Z. */
function schur(m: number, seed: number): { a: Float64Array; t: Float64Array; z: Float64Array } {
  const a = randomMatrix(m, seed);
  const h = { rows: m, cols: m, data: Float64Array.from(a.data) };
  // keep A Hessenberg so that T = Zᵀ·A·Z holds with the QR's Z alone
  hessenbergInPlace(h);
  const t = Float64Array.from(h.data);
  const z = new Float64Array(m * m);
  for (let i = 0; i < m; i++) z[i * m + i] = 1;
  francisQR(t, new Float64Array(m), new Float64Array(m), { ld: m, ilo: 0, ihi: m - 1, schurOrder: m, z, zld: m, zRows: m });
  return { a: h.data, t, z };
}

/** max |(Zᵀ·A·Z − T)_ij| and max |(ZᵀZ − I)_ij|. */
function errors(a: Float64Array, t: Float64Array, z: Float64Array, m: number): { similarity: number; orthogonality: number } {
  let similarity = 0;
  let orthogonality = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      let o = 0;
      for (let p = 0; p < m; p++) {
        o += z[p * m + i] * z[p * m + j];
        for (let q = 0; q < m; q++) s += z[p * m + i] * a[p * m + q] * z[q * m + j];
      }
      similarity = Math.max(similarity, Math.abs(s - t[i * m + j]));
      orthogonality = Math.max(orthogonality, Math.abs(o - (i === j ? 1 : 0)));
    }
  }
  return { similarity, orthogonality };
}

function blocks(t: Float64Array, m: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < m; ) {
    if (i < m - 1 && t[(i + 1) * m + i] !== 0) {
      const w = Math.sqrt(Math.abs(t[i * m + i + 1])) * Math.sqrt(Math.abs(t[(i + 1) * m + i]));
      expect(t[i * m + i]).toBe(t[(i + 1) * m + i + 1]); // standard form: equal diagonal
      out.push([t[i * m + i], w], [t[i * m + i], -w]);
      i += 2;
    } else {
      out.push([t[i * m + i], 0]);
      i += 1;
    }
  }
  return out;
}

describe('swapping diagonal blocks of a real Schur form', () => {
  it('keeps the form, the similarity and the orthogonality while moving each block to the top', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const m = 9;
      const { a, t, z } = schur(m, seed);
      const before = blocks(t, m);
      // move the bottom block to the top, then the block now at the bottom, …
      for (let r = 0; r < 3; r++) {
        const bottom = t[(m - 1) * m + m - 2] !== 0 ? [t[(m - 1) * m + m - 1], true] : [t[(m - 1) * m + m - 1], false];
        moveBlockUp(t, m, m, z, m - 1, 0);
        expect(Math.abs(t[0] - (bottom[0] as number))).toBeLessThan(1e-12);
        if (bottom[1]) expect(t[m]).not.toBe(0);
      }
      for (let i = 2; i < m; i++) for (let j = 0; j < i - 1; j++) expect(t[i * m + j]).toBe(0);
      const got = blocks(t, m);
      expect(matchError({ re: Float64Array.from(got, (g) => g[0]), im: Float64Array.from(got, (g) => g[1]) }, before)).toBeLessThan(1e-12);
      const e = errors(a, t, z, m);
      expect(e.similarity).toBeLessThan(1e-12);
      expect(e.orthogonality).toBeLessThan(1e-13);
    }
  });

  it('refuses to swap blocks with equal eigenvalues only when it cannot do so accurately', () => {
    // 1×1 blocks: always possible (a rotation); T unchanged when already equal
    const t = Float64Array.of(2, 1, 0, 2);
    const q = Float64Array.of(1, 0, 0, 1);
    expect(swapBlocks(t, 2, 2, q, 0, 1, 1)).toBe(true);
    expect(t[0]).toBe(2);
    expect(t[3]).toBe(2);
  });
});
