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
        // Column-major: the window is steps × units, drawn as units (rows) × steps (columns).
        const width = Math.min(s.width, HEATMAP_MAX_UNITS);
        const data = width === s.width ? s.data : cropUnits(s.data, s.count, s.width, width);
        let negative = false;
        for (let k = 0; k < data.length && !negative; k++) negative = data[k] < 0;
        chart.update({ rows: width, cols: s.count, data, columnMajor: true, xFirst: s.firstStep, yFirst: 0, xScale: ctx.doc().dt, scheme: negative ? 'diverging' : 'sequential', rowName: 'unit', colName: 'step', valueName: 'y' });
      },
      destroy: () => chart.destroy(),
    };
  },
};

/** The first `keep` units of each step. */
function cropUnits(data: Float64Array, count: number, width: number, keep: number): Float64Array {
  const out = new Float64Array(count * keep);
  for (let t = 0; t < count; t++) out.set(data.subarray(t * width, t * width + keep), t * keep);
  return out;
}
