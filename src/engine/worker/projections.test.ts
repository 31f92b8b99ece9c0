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
  /** A probe frame's rows as a history sent with a fit, keeping the leading `width` values of each row. */
  const historyOf = (rows: Frame['probes'][string], lastStep: number, width = rows.width) => {
    const data = new Float64Array(rows.count * width);
    for (let t = 0; t < rows.count; t++) data.set(rows.data.subarray(t * rows.width, t * rows.width + width), t * width);
    return { lastStep, steps: rows.count, width, data };
  };

  it("projects each batch from its frame's rows, equal to the page-side projection, after the history sent with a new fit", async () => {
    const session = new EngineSession();
    await session.load(reservoirDoc());
    expect(await session.subscribe([{ probe: 'r', window: 40 }])).toEqual({ ok: true });
    // set before its fit: nothing is sent
    expect(await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: null, fitId: 1 }])).toEqual({ ok: true });
    const warm = await session.advance(40);
    expect(warm.probes['pca:p1']).toBeUndefined();
    const fit = pcaFit({ firstStep: warm.firstStep, ...warm.probes.r })!;
    expect(fit.units).toBe(6);

    // a new fit with the page's 40 steps: the next frame opens with them, projected, cut to the window
    expect(await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit, fitId: 2, history: historyOf(warm.probes.r, 40) }])).toEqual({ ok: true });
    const first = await session.advance(5);
    expect(first.probes['pca:p1']).toMatchObject({ width: 2, count: 40, firstStep: 6, fitId: 2 });
    const window = [...Array.from(warm.probes.r.data.subarray(5 * 6)), ...Array.from(first.probes.r.data)];
    expect(Array.from(first.probes['pca:p1'].data)).toEqual(pageSide({ width: 6, count: 40, data: Float64Array.from(window) }, fit));

    // later frames: only their new steps, exactly as the page computed them from the samples
    for (const steps of [1, 7, 3]) {
      const frame = await session.advance(steps);
      expect(frame.probes['pca:p1']).toMatchObject({ width: 2, count: steps, fitId: 2 });
      expect(frame.probes['pca:p1'].firstStep).toBeUndefined();
      expect(Array.from(frame.probes['pca:p1'].data)).toEqual(pageSide(frame.probes.r, fit));
    }
    // a batch longer than the window: the probe's last 40 steps, and the projection's same 40
    const long = await session.advance(100);
    expect(long.probes.r).toMatchObject({ count: 40, firstStep: long.t - 39 });
    expect(long.probes['pca:p1']).toMatchObject({ count: 40, firstStep: long.t - 39 });
    expect(Array.from(long.probes['pca:p1'].data)).toEqual(pageSide(long.probes.r, fit));

    // set again unchanged (another projection changed): it goes on with its steps alone
    await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit, fitId: 2 }]);
    expect((await session.advance(2)).probes['pca:p1']).toMatchObject({ count: 2, fitId: 2 });
    // a history that does not end at the current step is not projected: the new fit starts with the batch
    const refit = { ...fit, mean: fit.mean.map((v) => v + 0.125) };
    await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: refit, fitId: 3, history: historyOf(warm.probes.r, 40) }]);
    const again = await session.advance(2);
    expect(again.probes['pca:p1']).toMatchObject({ count: 2, fitId: 3 });
    expect(Array.from(again.probes['pca:p1'].data)).toEqual(pageSide(again.probes.r, refit));
    // a reset drops a history not yet sent; removing the projection stops it
    await session.project([{ name: 'pca:p1', source: 'r', window: 40, fit: refit, fitId: 4, history: historyOf(again.probes.r, again.t) }]);
    await session.reset();
    expect((await session.advance(3)).probes['pca:p1']).toMatchObject({ count: 3, fitId: 4 });
    await session.project([]);
    expect((await session.advance(1)).probes['pca:p1']).toBeUndefined();
  });

  it("reads only the fit's leading units of a history, and records a source no subscription asks for without sending it", async () => {
    const probed = new EngineSession();
    const bare = new EngineSession();
    await probed.load(reservoirDoc());
    await bare.load(reservoirDoc());
    await probed.subscribe([{ probe: 'r', window: 30 }]);
    const warm = await probed.advance(20);
    await bare.advance(20);
    // a fit on the first 3 units: the page sends those 3 columns alone
    const leading = historyOf(warm.probes.r, 20, 3);
    const fit = pcaFit({ firstStep: 1, count: 20, width: 3, data: leading.data })!;
    expect(fit.units).toBe(3);
    await probed.project([{ name: 'pca:q', source: 'r', window: 30, fit, fitId: 1, history: leading }]);
    await bare.project([{ name: 'pca:q', source: 'r', window: 30, fit, fitId: 1 }]);
    const a = await probed.advance(6);
    expect(a.probes['pca:q']).toMatchObject({ count: 26, firstStep: 1 });
    const rows = Float64Array.from([...Array.from(warm.probes.r.data), ...Array.from(a.probes.r.data)]);
    expect(Array.from(a.probes['pca:q'].data)).toEqual(pageSide({ width: 6, count: 26, data: rows }, fit));
    // not subscribed: recorded for the projection, the same values, and not in the frame
    const b = await bare.advance(6);
    expect(Object.keys(b.probes)).toEqual(['pca:q']);
    expect(b.probes['pca:q']).toMatchObject({ count: 6, fitId: 1 });
    expect(Array.from(b.probes['pca:q'].data)).toEqual(pageSide(a.probes.r, fit));
  });

  it('goes on through a recompile without sending its history again, and drops a projection whose source is gone', async () => {
    const session = new EngineSession();
    const doc = reservoirDoc();
    await session.load(doc);
    await session.subscribe([{ probe: 'r', window: 40 }]);
    const warm = await session.advance(10);
    const fit = pcaFit({ firstStep: 1, ...warm.probes.r })!;
    await session.project([{ name: 'pca:p', source: 'r', window: 40, fit, fitId: 1, history: historyOf(warm.probes.r, 10) }]);
    expect((await session.advance(2)).probes['pca:p']).toMatchObject({ count: 12, firstStep: 1 });
    // a second input node: a structural change, recompiled with the state kept
    const grown = valid({ ...doc, nodes: [...doc.nodes, { ...doc.nodes[0], id: 'u2' }] });
    expect(await session.update(grown)).toMatchObject({ ok: true, change: 'recompiled' });
    const after = await session.advance(3);
    expect(after.probes['pca:p']).toMatchObject({ count: 3, fitId: 1 });
    expect(Array.from(after.probes['pca:p'].data)).toEqual(pageSide(after.probes.r, fit));
    const without = valid({ ...doc, nodes: doc.nodes.filter((n) => n.id !== 'r'), edges: [] });
    expect(await session.update(without)).toMatchObject({ ok: true, change: 'recompiled' });
    await session.subscribe([]);
    expect((await session.advance(1)).probes['pca:p']).toBeUndefined();
  });

  it('refuses a projection of a probe it cannot record, naming it', async () => {
    const session = new EngineSession();
    await session.load(reservoirDoc());
    const fit = { units: 2, mean: new Float64Array(2), axes: new Float64Array(4) };
    const r = await session.project([{ name: 'pca:p', source: 'nope', window: 10, fit, fitId: 1 }]);
    expect(r).toEqual({ ok: false, errors: { nope: expect.stringContaining('no node or edge with id "nope"') } });
    expect((await session.advance(1)).probes['pca:p']).toBeUndefined();
  });
});
