/** Raster: spikes, binary states or threshold crossings of up to 10,000+ units, on canvas. */
import { RasterChart } from '../chart/RasterChart.ts';
import { spikeEvents, type EventMode } from '../transforms/spikes.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, isSpiking, nodeInfo, timeLabel, windowSamples } from './common.ts';

const BINARY_KINDS = new Set(['hopfield', 'threshold']);

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
    const chart = new RasterChart(el, { title: `Raster of ${id ?? 'no node'}`, xLabel: timeLabel(ctx), yLabel: 'unit' });
    const chosen = (config.mode as EventMode | 'auto' | undefined) ?? 'auto';
    const mode: EventMode = chosen !== 'auto' ? chosen : node && isSpiking(node) ? 'spikes' : node && BINARY_KINDS.has(node.kind) ? 'state' : 'crossing';
    const threshold = Number(config.threshold ?? (mode === 'state' && node?.kind === 'rate' ? 0.5 : 0));
    const label = mode === 'spikes' ? 'spike' : mode === 'state' ? `y > ${threshold}` : `y crosses ${threshold} upwards`;
    return {
      chart,
      draw() {
        const s = windowSamples(ctx, id);
        if (!s) return chart.update(null);
        const events = spikeEvents(s, mode, threshold);
        chart.update({ firstStep: s.firstStep, lastStep: s.firstStep + s.count - 1, dt: ctx.doc().dt, units: s.width, events, label });
      },
      destroy: () => chart.destroy(),
    };
  },
};
