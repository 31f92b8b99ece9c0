/** Weight matrix of an edge as a heatmap (diverging scale), live while plasticity changes it. */
import { MatrixChart } from '../chart/MatrixChart.ts';
import type { PanelType } from '../registry.ts';
import { snapshotFetcher } from './snapshots.ts';

export const weightsPanel: PanelType = {
  type: 'weights',
  title: 'Weight matrix',
  description: 'An edge’s weights W[target, source] on a diverging colour scale',
  binding: 'edge',
  create(el, config, ctx) {
    const edge = config.edge;
    const info = ctx.sim().edges.find((e) => e.id === edge);
    const chart = new MatrixChart(el, {
      title: `Weights of ${edge ?? 'no edge'}`,
      xLabel: `source unit (${info?.source ?? '?'})`,
      yLabel: `target unit (${info?.target ?? '?'})`,
      emptyText: 'No weights yet',
    });
    const fetcher = snapshotFetcher(
      ctx,
      edge,
      (e) => ctx.sim().weights(e),
      (w) =>
        chart.update(w && { rows: w.rows, cols: w.cols, data: w.data, xFirst: 0, yFirst: 0, xScale: 1, scheme: 'diverging', rowName: 'target', colName: 'source', valueName: 'w' }),
      250,
    );
    return { chart, draw: fetcher.draw, destroy: () => (fetcher.destroy(), chart.destroy()) };
  },
};
