import { describe, expect, it } from 'vitest';
import { pcaFit } from './analysis-session.ts';
import { projectRow, projectRows } from './projections.ts';
import { EngineSession } from './session.ts';
import type { Frame } from './protocol.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';

const samples = (rows: number[][], firstStep = 1) => ({ firstStep, count: rows.length, width: rows[0].length, data: Float64Array.from(rows.flat()) });

/** A 6-unit tanh reservoir driven by a sine: a trajectory with structure in its first two PCs. */
function reservoirDoc() {
  return valid(
    rawDoc(
      [node('u', 'input', { size: 1, signal: { type: 'sine', amplitude: 1, period: 17 } }), node('r', 'rate', { size: 6, activation: 'tanh', leak: 0.5 }, 200)],
      [edge('in', 'u', 'r', { type: 'uniform', low: -1, high: 1 }), edge('rec', 'r', 'r', { type: 'normal' }, 1, { spectralRadius: 0.9 })],
      { seed: 11 },
    ),
  );
}

/** Each row of a probe frame laid onto `fit` one step at a time (the page's old per-step projection). */
function pageSide(frame: Frame['probes'][string], fit: Parameters<typeof projectRow>[3]): number[] {
  const out = new Float64Array(2);
  const xy: number[] = [];
  for (let t = 0; t < frame.count; t++) {
    projectRow(frame.data, t * frame.width, frame.width, fit, out);
    xy.push(out[0], out[1]);
  }
  return xy;
}

describe('PCA projection', () => {
  it('finds the line the trajectory moves along', () => {
    const rows = Array.from({ length: 50 }, (_, t) => {
      const a = Math.sin(t / 5);
      return [a, 2 * a, 0.01 * Math.cos(t)];
    });
    const fit = pcaFit(samples(rows))!;
    const xy = projectRows(Float64Array.from(rows.flat()), rows.length, 3, fit);
    expect(fit.explained[0]).toBeGreaterThan(0.999);
    // PC1 = (x + 2y)/√5 up to sign, centred.
    const mean = rows.reduce((m, r) => m + r[0], 0) / rows.length;
    rows.forEach((r, t) => expect(Math.abs(xy[2 * t])).toBeCloseTo(Math.abs(((r[0] - mean) * 5) / Math.sqrt(5)), 2));
    expect(pcaFit(samples([[1, 2]]))).toBeNull();
    expect(Array.from(projectRows(Float64Array.from([1]), 1, 1, fit))).toEqual([NaN, NaN]); // a narrower probe than the fit: no coordinates
  });
});

describe('engine session: PCA projections streamed in frames', () => {
  it("streams each step's PC1 and PC2, equal to the page-side projection of the same samples, and re-projects its window on a new fit", async () => {
    const session = new EngineSession();
    await session.load(reservoirDoc());
    expect(await session.subscribe([{ probe: 'r', window: 40 }])).toEqual({ ok: true });
    // set before its fit: the session keeps the source's window, and sends nothing yet
    expect(await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: null }])).toEqual({ ok: true });
    const warm = await session.advance(40);
    expect(warm.probes['pca:p1']).toBeUndefined();
    const fit = pcaFit({ firstStep: warm.firstStep, ...warm.probes.r })!;
    expect(fit.units).toBe(6);

    expect(await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit }])).toEqual({ ok: true });
    // a new fit: the next frame carries the whole window (40 steps back) projected on it
    const first = await session.advance(5);
    expect(first.probes['pca:p1']).toMatchObject({ width: 2, count: 40, firstStep: 6 });
    const window = [...Array.from(warm.probes.r.data.subarray(5 * 6)), ...Array.from(first.probes.r.data)];
    expect(Array.from(first.probes['pca:p1'].data)).toEqual(pageSide({ width: 6, count: 40, data: Float64Array.from(window) }, fit));

    // later frames: only their new steps, exactly as the page computed them from the samples
    for (const steps of [1, 7, 3]) {
      const frame = await session.advance(steps);
      expect(frame.probes['pca:p1']).toMatchObject({ width: 2, count: steps });
      expect(frame.probes['pca:p1'].firstStep).toBeUndefined();
      expect(Array.from(frame.probes['pca:p1'].data)).toEqual(pageSide(frame.probes.r, fit));
    }

    // the same fit again changes nothing; another fit re-projects the window
    await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: structuredClone(fit) }]);
    expect((await session.advance(2)).probes['pca:p1'].count).toBe(2);
    const refit = { ...fit, mean: fit.mean.map((v) => v + 0.125) };
    await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: refit }]);
    const again = await session.advance(2);
    expect(again.probes['pca:p1']).toMatchObject({ count: 40, firstStep: again.t - 39 });
    // a reset starts the window afresh; removing the projection stops it
    await session.reset();
    expect((await session.advance(3)).probes['pca:p1']).toMatchObject({ count: 3 });
    await session.project([]);
    expect((await session.advance(1)).probes['pca:p1']).toBeUndefined();
  });

  it('refuses a projection of a probe it cannot record, naming it', async () => {
    const session = new EngineSession();
    await session.load(reservoirDoc());
    const fit = { units: 2, mean: new Float64Array(2), axes: new Float64Array(4) };
    const r = await session.project([{ name: 'pca:p', source: 'nope', window: 10, fit }]);
    expect(r).toEqual({ ok: false, errors: { nope: expect.stringContaining('no node or edge with id "nope"') } });
    expect((await session.advance(1)).probes['pca:p']).toBeUndefined();
  });
});
