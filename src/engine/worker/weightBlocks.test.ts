import { describe, expect, it } from 'vitest';
import { weightBlocks } from './weightBlocks.ts';
import { valid } from '../../test-support/docs.ts';

const dense = (rows: number, cols: number, f: (i: number, j: number) => number) => ({
  format: 'dense' as const,
  rows,
  cols,
  data: Float64Array.from({ length: rows * cols }, (_, k) => f(Math.floor(k / cols), k % cols)),
});

describe('weight blocks', () => {
  it('keeps a matrix that fits unchanged', () => {
    const m = dense(3, 4, (i, j) => i - j);
    const b = weightBlocks(m, 10, 10);
    expect(b).toMatchObject({ rows: 3, cols: 4, blockRows: 1, blockCols: 1 });
    expect(Array.from(b.data)).toEqual(Array.from(m.data));
  });

  it('each cell is the entry of largest |w| of its block, with its sign', () => {
    // 4 × 6 into 2 × 3: blocks of 2 × 2.
    const m = dense(4, 6, (i, j) => (i === 1 && j === 1 ? -9 : i === 2 && j === 5 ? 7 : i + j / 10));
    const b = weightBlocks(m, 2, 3);
    expect(b).toMatchObject({ rows: 2, cols: 3, blockRows: 2, blockCols: 2 });
    expect(Array.from(b.data)).toEqual([-9, 1.3, 1.5, 3.1, 3.3, 7]);
  });

  it('a CSR matrix is walked by its entries: same result as its dense form, ragged last blocks', () => {
    const rows = 7;
    const cols = 5;
    const entries = [
      [0, 0, 1],
      [2, 4, -3],
      [6, 1, 2],
      [6, 2, -2.5],
    ];
    const rowPtr = new Int32Array(rows + 1);
    for (const [i] of entries) rowPtr[i + 1]++;
    for (let i = 0; i < rows; i++) rowPtr[i + 1] += rowPtr[i];
    const csr = { format: 'csr' as const, rows, cols, rowPtr, colIdx: Int32Array.from(entries.map((e) => e[1])), values: Float64Array.from(entries.map((e) => e[2])) };
    const asDense = dense(rows, cols, (i, j) => entries.find((e) => e[0] === i && e[1] === j)?.[2] ?? 0);
    const a = weightBlocks(csr, 3, 2);
    expect(a).toMatchObject({ rows: 3, cols: 2, blockRows: 3, blockCols: 3 });
    expect(Array.from(a.data)).toEqual(Array.from(weightBlocks(asDense, 3, 2).data));
    expect(Array.from(a.data)).toEqual([1, -3, 0, 0, -2.5, 0]);
  });

  it('a 10,000 × 10,000 sparse edge becomes a screen-sized image', () => {
    const n = 10_000;
    const rowPtr = Int32Array.from({ length: n + 1 }, (_, i) => i);
    const csr = { format: 'csr' as const, rows: n, cols: n, rowPtr, colIdx: Int32Array.from({ length: n }, (_, i) => (i * 7) % n), values: new Float64Array(n).fill(0.5) };
    const b = weightBlocks(csr, 300, 400);
    expect(b.rows).toBeLessThanOrEqual(300);
    expect(b.cols).toBeLessThanOrEqual(400);
    expect(b.data.length).toBe(b.rows * b.cols);
  });
});

describe('the session downsamples weights and gives the radius of large spectra', () => {
  it('a 1,600-unit sparse reservoir (above ALL_EIGENVALUES_LIMIT): weights in ≤ 100 × 120 blocks; its leading eigenvalues and ρ by Arnoldi', async () => {
    const { EngineSession } = await import('./session.ts');
    const session = new EngineSession();
    const loaded = await session.load(valid({
      format: 'recurrence-graph',
      version: 2,
      title: 'big',
      seed: 3,
      dt: 1,
      nodes: [{ id: 'res', kind: 'rate', params: { size: 1600 } }],
      edges: [{ id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.01, spectralRadius: 0.9, delay: 1 } }],
    }));
    expect(loaded.ok).toBe(true);
    const w = (await session.weights('rec', { rows: 100, cols: 120 }))!;
    expect(w).toMatchObject({ sourceRows: 1600, sourceCols: 1600, blockRows: 16, blockCols: 14, rows: 100, cols: 115 });
    expect(w.data.length).toBe(100 * 115);
    const { AnalysisSession } = await import('./analysis-session.ts');
    const { LEADING_EIGENVALUES } = await import('./analysis-protocol.ts');
    const { ALL_EIGENVALUES_LIMIT } = await import('../linalg/index.ts');
    const analysis = new AnalysisSession();
    await analysis.link(session.engineLink());
    const s = await analysis.spectrum({ edge: 'rec', version: session.networkVersion });
    expect(ALL_EIGENVALUES_LIMIT).toBeLessThan(1600);
    expect(s).toMatchObject({ complete: false, size: 1600 });
    expect(s.re.length).toBeGreaterThanOrEqual(LEADING_EIGENVALUES); // the leading ones (a conjugate pair is kept whole)
    expect(s.re.length).toBeLessThanOrEqual(LEADING_EIGENVALUES + 1);
    expect(s.radius).toBeCloseTo(0.9, 6);
    const moduli = Array.from(s.re, (re, k) => Math.hypot(re, s.im[k]));
    expect(moduli).toEqual([...moduli].sort((a, b) => b - a)); // largest |λ| first
  });
});
