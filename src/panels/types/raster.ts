/** Raster: spikes, binary states or threshold crossings of up to 10,000+ units, on canvas, drawn incrementally. */
import { RasterChart } from '../chart/RasterChart.ts';
import { eventTest, type EventMode } from '../transforms/spikes.ts';
import type { PanelType } from '../registry.ts';
import { getKind } from '../../model/index.ts';
import { boundNode, liveWindow, nodeInfo, timeAxis } from './common.ts';
import { StepCache } from './stepCache.ts';

export const rasterPanel: PanelType = {
  type: 'raster',
  title: 'Raster',
  description: 'Spikes (or binary states, or threshold crossings) of every unit over time',
  binding: 'node',
  options: [
    {
      key: 'mode',
      label: 'Events',
      choices: [
        { value: 'auto', label: 'auto' },
        { value: 'spikes', label: 'spikes (≠ 0)' },
        { value: 'state', label: 'state > θ' },
        { value: 'crossing', label: 'crossing θ ↑' },
      ],
    },
    {
      key: 'threshold',
      label: 'θ',
      choices: ['0', '0.5', '0.9'].map((v) => ({ value: v, label: v })),
    },
  ],
  create(el, config, ctx) {
    const id = boundNode(config);
    const node = nodeInfo(ctx, id);
    const axis = timeAxis(ctx);
    const chart = new RasterChart(el, { title: `Raster of ${id ?? 'no node'}`, xLabel: axis.label, yLabel: 'unit' });
    const chosen = (config.mode as EventMode | 'auto' | undefined) ?? 'auto';
    const output = node && getKind(node.kind)?.output;
    const mode: EventMode = chosen !== 'auto' ? chosen : output === 'spikes' ? 'spikes' : output === 'binary' ? 'state' : 'crossing';
    const threshold = Number(config.threshold ?? (mode === 'state' && output === 'analog' ? 0.5 : 0));
    const label = mode === 'spikes' ? 'spike' : mode === 'state' ? `y > ${threshold}` : `y crosses ${threshold} upwards`;
    const isEvent = eventTest(mode, threshold);
    // Events per step, counted once per step for the legend.
    const counts = new StepCache(1, (row, prev, out) => {
      let n = 0;
      for (let u = 0; u < row.length; u++) if (isEvent(row[u], prev ? prev[u] : NaN)) n++;
      out[0] = n;
    });
    return {
      chart,
      draw() {
        const w = liveWindow(ctx, id);
        if (!w) return chart.update(null);
        counts.sync(w, ctx.live.epoch);
        chart.update({ window: w, units: w.width, xScale: axis.scale, dt: axis.scale, isEvent, eventCount: counts.total(0), label, look: String(ctx.live.epoch) });
      },
      destroy: () => chart.destroy(),
    };
  },
};
