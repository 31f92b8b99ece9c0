import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import type { NodeInfo } from '../../engine/worker/protocol.ts';
import type { PanelContext } from '../registry.ts';
import { measureSettings, requestOf, robustSymmetricDomain } from './measureCommon.ts';

const ctx = (nodes: Partial<NodeInfo>[]) => ({ sim: () => ({ nodes }) }) as unknown as PanelContext;
const res = { id: 'res', kind: 'rate', size: 100, spiking: false };

describe('information panels: settings from a panel config', () => {
  it('defaults: discrete AIS, k = 4, a 1,000-step window, the median split for rate units', () => {
    const s = measureSettings({ id: 'p', type: 'ais-heatmap', nodes: ['res', 'res'] }, ctx([res]), 'ais')!;
    expect(s).toMatchObject({ spec: { measure: 'ais', estimator: 'discrete', k: 4 }, pair: false, target: 'res', source: undefined, window: 1000, refreshMs: 500, label: 'AIS(res)' });
    expect(s.discretise).toEqual({ rule: 'threshold', value: 'median' });
    expect(requestOf(s, { locals: false })).toMatchObject({ probe: 'res', window: 1000, locals: false });
  });

  it('spikes are symbols already; TE takes the second node as its source; options parse', () => {
    const lif = { id: 'exc', kind: 'lif', size: 50, spiking: true };
    const s = measureSettings({ id: 'p', type: 'information', nodes: ['exc', 'u'], measure: 'te', estimator: 'ksg', k: '2', window: '500', refresh: '250' }, ctx([lif]), 'ais')!;
    expect(s).toMatchObject({ pair: true, source: 'u', window: 500, refreshMs: 250, label: 'TE(u → exc)', spec: { measure: 'te', estimator: 'ksg', k: 2, l: 1 } });
    expect(s.discretise).toEqual({ rule: 'threshold', value: 0.5 });
    expect(measureSettings({ id: 'p', type: 'information', nodes: ['res'], binarise: 'bins4' }, ctx([res]), 'ais')!.discretise).toEqual({ rule: 'bins', bins: 4 });
    expect(measureSettings({ id: 'p', type: 'information' }, ctx([res]), 'ais')).toBeNull();
  });
});

describe('heatmap colour domain', () => {
  it('is symmetric at the 99th percentile of |v|, ignoring NaN, with ticks on both sides of 0', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 2 ? 1 : -1) * (i / 1000));
    values[0] = NaN;
    values[999] = -40; // one extreme local value does not set the scale
    for (const scale of [0.01, 0.15, 0.3, 0.45, 0.8, 3, 9]) {
      const [lo, hi] = robustSymmetricDomain(values.map((v) => v * scale));
      expect(lo).toBe(-hi);
      expect(hi).toBeGreaterThan(0.6 * scale);
      expect(hi).toBeLessThanOrEqual(scale);
      expect(d3.ticks(lo, hi, 2).some((t) => t < 0)).toBe(true);
    }
    expect(robustSymmetricDomain(new Float64Array([NaN]))).toEqual([-1, 1]);
  });
});

describe('node tint', () => {
  it('a panel sets and removes a node tint; the colour follows the heatmap scale (red: stores, white: 0)', async () => {
    const { createNodeTintStore } = await import('../../store/nodeTint.ts');
    const useNodeTint = createNodeTintStore();
    const { tintColor } = await import('./aisHeatmap.ts');
    const { setTint } = useNodeTint.getState();
    setTint('res', { color: tintColor(0.5), label: 'mean AIS 0.5000 bits' });
    const before = useNodeTint.getState().tints;
    setTint('res', { color: tintColor(0.5), label: 'mean AIS 0.5000 bits' });
    expect(useNodeTint.getState().tints).toBe(before); // unchanged: no re-render
    const c = d3.rgb(useNodeTint.getState().tints.res.color);
    expect(c.r).toBeGreaterThan(c.b);
    expect(d3.rgb(tintColor(0)).r).toBeGreaterThan(240);
    expect(d3.rgb(tintColor(-5)).toString()).toBe(d3.rgb(tintColor(-1)).toString());
    setTint('res', null);
    expect(useNodeTint.getState().tints).toEqual({});
  });
});
