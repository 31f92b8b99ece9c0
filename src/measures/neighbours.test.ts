/** The k-d tree and the sorted counter against the O(N²) brute-force search, ties included. */
import { describe, expect, it } from 'vitest';
import { BruteForceSpace, KdTree, SortedCounter, gaussianSample, mulberry32, pointsFromColumns } from './index.ts';

function columns(n: number, dim: number, seed: number, grid: number | null): Float64Array[] {
  const next = mulberry32(seed);
  return Array.from({ length: dim }, () =>
    Float64Array.from({ length: n }, () => {
      const v = gaussianSample(next);
      return grid === null ? v : Math.round(v * grid) / grid;
    }),
  );
}

describe.each([1, 2, 3, 5])('max-norm neighbour search in %i dimension(s)', (dim) => {
  it.each([
    ['continuous', null],
    ['with many ties', 3],
  ] as const)('K-th neighbour distances and strict radius counts equal brute force (%s)', (_, grid) => {
    const n = 700;
    const cols = columns(n, dim, 1000 + dim, grid);
    const pts = pointsFromColumns(cols);
    const tree = new KdTree(pts, 6);
    const brute = new BruteForceSpace(pts);
    const sorted = dim === 1 ? new SortedCounter(cols[0]) : null;
    const next = mulberry32(dim);
    let compared = 0;
    for (let i = 0; i < n; i++) {
      for (const K of [1, 4, 10]) {
        const e = tree.kthDistance(i, K);
        expect(e).toBe(brute.kthDistance(i, K));
        // radii at the exact neighbour distance (the strict-inequality boundary) and random ones
        for (const r of [e, e * (1 + 1e-12), next() * 0.5, 0]) {
          const c = brute.countWithin(i, r);
          expect(tree.countWithin(i, r)).toBe(c);
          if (sorted !== null) expect(sorted.countWithin(i, r)).toBe(c);
          compared++;
        }
      }
    }
    expect(compared).toBe(n * 12);
    // the query order visits every point once
    expect(Array.from(tree.queryOrder).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
