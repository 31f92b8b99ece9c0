/** Activity heatmap: a population's units × time, colour = output. */
import { MatrixChart } from '../chart/MatrixChart.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, timeLabel, windowSamples } from './common.ts';

/** Most units drawn (one pixel row each). */
export const HEATMAP_MAX_UNITS = 2000;

export const heatmapPanel: PanelType = {
  type: 'heatmap',
  title: 'Activity heatmap',
  description: 'Units × time, coloured by output, with a colour legend',
  binding: 'node',
  create(el, config, ctx) {
    const id = boundNode(config);
    const chart = new MatrixChart(el, { title: `Activity of ${id ?? 'no node'}`, xLabel: timeLabel(ctx), yLabel: 'unit', zoomX: true });
    return {
      chart,
      draw() {
        const s = windowSamples(ctx, id);
        if (!s) return chart.update(null);
        const rows = Math.min(s.width, HEATMAP_MAX_UNITS);
        const cols = s.count;
        const data = new Float64Array(rows * cols);
        let negative = false;
        for (let t = 0; t < cols; t++) {
          for (let i = 0; i < rows; i++) {
            const v = s.data[t * s.width + i];
            if (v < 0) negative = true;
            data[i * cols + t] = v;
          }
        }
        chart.update({ rows, cols, data, xFirst: s.firstStep, yFirst: 0, xScale: ctx.doc().dt, scheme: negative ? 'diverging' : 'sequential', rowName: 'unit', colName: 'step', valueName: 'y' });
      },
      destroy: () => chart.destroy(),
    };
  },
};
