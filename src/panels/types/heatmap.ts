/** Activity heatmap: a population's units × time, colour = output, drawn incrementally. */
import { HeatmapChart } from '../chart/HeatmapChart.ts';
import { widenDomain } from '../chart/colors.ts';
import type { ColorScheme } from '../chart/colors.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, liveWindow, timeAxis } from './common.ts';
import { StepCache } from './stepCache.ts';
import { recordWeights, weightProbeEdge } from './weightProbes.ts';

/** Most units drawn (one pixel row each at most). */
export const HEATMAP_MAX_UNITS = 2000;

export const heatmapPanel: PanelType = {
  type: 'heatmap',
  title: 'Activity heatmap',
  description: 'Units × time, coloured by output, with a colour legend',
  binding: 'node',
  weightProbes: true,
  create(el, config, ctx) {
    const id = boundNode(config);
    const edge = weightProbeEdge(ctx, id);
    const release = edge ? recordWeights(ctx, edge) : () => undefined;
    const axis = timeAxis(ctx);
    const chart = new HeatmapChart(el, {
      title: edge ? `Weights of ${edge.id} (${id}) over time` : `Activity of ${id ?? 'no node'}`,
      xLabel: axis.label,
      yLabel: edge ? `synapse (row-major, ${edge.cols} per target)` : 'unit',
    });
    // Per step: the smallest and largest value (for the colour domain).
    const extent = new StepCache(2, (row, _prev, out) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of row) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      out[0] = lo;
      out[1] = hi;
    });
    let domain: [number, number] | null = null;
    let scheme: ColorScheme = 'sequential';
    let epoch = -1;
    return {
      chart,
      draw() {
        const w = liveWindow(ctx, id);
        if (!w) return chart.update(null);
        if (epoch !== ctx.live.epoch) domain = null;
        epoch = ctx.live.epoch;
        extent.sync(w, epoch);
        const lo = Math.min(...extent.series(0));
        const hi = Math.max(...extent.series(1));
        if (lo < 0) scheme = 'diverging';
        else if (domain === null) scheme = 'sequential';
        domain = widenDomain(domain, lo, hi, scheme);
        const units = Math.min(w.width, HEATMAP_MAX_UNITS);
        chart.update({ window: w, units, xScale: axis.scale, scheme, domain, valueName: edge ? 'w' : 'y', look: `${epoch}|${scheme}|${domain.join()}` });
      },
      destroy() {
        release();
        chart.destroy();
      },
    };
  },
};
