/**
 * Progress while sampling a large edge's weights (a load shows "compiling N neurons… %"): the
 * rows done are reported every 1,024 rows, in order, and reporting changes no weight.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { sampleWeights, type WeightSpec } from './sample-weights.ts';

const normal = { type: 'normal', mean: 0, std: 1 } as WeightSpec['init'];

function sampled(spec: WeightSpec, n: number, m: number) {
  const rows: number[] = [];
  const withProgress = sampleWeights(spec, n, m, new Rng(9, 'edge:e'), false, (r) => void rows.push(r));
  const without = sampleWeights(spec, n, m, new Rng(9, 'edge:e'));
  return { rows, withProgress, without };
}

describe('sampling progress', () => {
  it('a sparse edge (geometric gaps): every 1,024 rows, the same matrix as without progress', () => {
    const { rows, withProgress, without } = sampled({ init: normal, connectivity: 0.01 }, 5000, 300);
    expect(rows).toEqual([1024, 2048, 3072, 4096]);
    expect(withProgress).toEqual(without);
    expect(withProgress.format).toBe('csr');
  });

  it('a dense edge and a connection rule report the same way', () => {
    const dense = sampled({ init: normal, connectivity: 1 }, 2048, 3);
    expect(dense.rows).toEqual([1024, 2048]);
    expect(dense.withProgress).toEqual(dense.without);
    const rule = sampled({ init: normal, connectivity: { rule: 'fixed-indegree', k: 2 } } as WeightSpec, 3000, 50);
    expect(rule.rows).toEqual([1024, 2048]);
    expect(rule.withProgress).toEqual(rule.without);
  });
});
