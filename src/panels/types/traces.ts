/** Traces: a node's units over time; a population as mean ± sd band plus chosen units. */
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import { meanSdOverUnits, unitSeries } from '../transforms/stats.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, isSpiking, nodeInfo, timeLabel, windowSamples } from './common.ts';

export const tracesPanel: PanelType = {
  type: 'traces',
  title: 'Traces',
  description: 'Units over time; a population as mean ± sd plus chosen units',
  binding: 'node',
  options: [
    {
      key: 'units',
      label: 'Units',
      choices: [
        { value: '3', label: 'first 3' },
        { value: '1', label: 'first 1' },
        { value: '10', label: 'first 10' },
        { value: '0', label: 'mean ± sd only' },
      ],
    },
  ],
  create(el, config, ctx) {
    const id = boundNode(config);
    const node = nodeInfo(ctx, id);
    const chart = new TimeSeriesChart(el, {
      title: `Traces of ${id ?? 'no node'}`,
      xLabel: timeLabel(ctx),
      yLabel: node && isSpiking(node) ? 'spike (0/1)' : 'output y',
    });
    const shown = Number(config.units ?? 3);
    return {
      chart,
      draw() {
        const s = windowSamples(ctx, id);
        if (!s || id === undefined) return chart.update(null);
        const dt = ctx.doc().dt;
        if (s.width === 1) return chart.update({ firstStep: s.firstStep, dt, series: [{ name: id, values: unitSeries(s, 0) }] });
        const { mean, sd } = meanSdOverUnits(s);
        const k = Math.min(shown, s.width);
        const series = Array.from({ length: k }, (_, i) => ({ name: `${id}[${i}]`, values: unitSeries(s, i) }));
        chart.update({ firstStep: s.firstStep, dt, series, band: { name: `${id} mean`, mean, sd }, hidden: s.width - k });
      },
      destroy: () => chart.destroy(),
    };
  },
};
