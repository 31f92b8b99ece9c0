/**
 * Traces: a node's units over time; a population as mean ± sd band plus chosen units. The mean,
 * sd and chosen units are kept per step (StepCache): each frame computes only the new steps.
 */
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import { rowMeanSd } from '../transforms/stats.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, isSpiking, liveWindow, nodeInfo, timeAxis } from './common.ts';
import { StepCache } from './stepCache.ts';
import { recordWeights, weightProbeEdge } from './weightProbes.ts';

export const tracesPanel: PanelType = {
  type: 'traces',
  title: 'Traces',
  description: 'Units over time; a population as mean ± sd plus chosen units',
  binding: 'node',
  weightProbes: true,
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
    const edge = weightProbeEdge(ctx, id);
    const release = edge ? recordWeights(ctx, edge) : () => undefined;
    const axis = timeAxis(ctx);
    const chart = new TimeSeriesChart(el, {
      title: edge ? `Weights of ${edge.id} (${id})` : `Traces of ${id ?? 'no node'}`,
      xLabel: axis.label,
      yLabel: edge ? 'weight w' : node && isSpiking(node) ? 'spike (0/1)' : 'output y',
      timeUnit: axis.unit,
    });
    const width = edge ? edge.rows * edge.cols : (node?.size ?? 1);
    const shown = width === 1 ? 1 : Math.min(Number(config.units ?? 3), width);
    // Per step: mean and sd over units (population sd, non-finite values left out), then the shown units.
    const cache = new StepCache(2 + shown, (row, _prev, out) => {
      rowMeanSd(row, 0, row.length, out);
      for (let i = 0; i < shown; i++) out[2 + i] = row[i];
    });
    return {
      chart,
      draw() {
        const w = liveWindow(ctx, id);
        if (!w || id === undefined) return chart.update(null);
        cache.sync(w, ctx.live.epoch);
        const dt = axis.scale;
        if (w.width === 1) return chart.update({ firstStep: w.firstStep, dt, series: [{ name: id, values: cache.series(2) }] });
        const series = Array.from({ length: shown }, (_, i) => ({ name: `${id}[${i}]`, values: cache.series(2 + i) }));
        chart.update({ firstStep: w.firstStep, dt, series, band: { name: `${id} mean`, mean: cache.series(0), sd: cache.series(1) }, hidden: w.width - shown });
      },
      destroy() {
        release();
        chart.destroy();
      },
    };
  },
};
