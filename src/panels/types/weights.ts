/**
 * Weight matrix heatmap of an edge (diverging scale; refetched while plastic weights learn). A
 * matrix larger than the panel's pixels arrives from the engine already reduced to blocks (the
 * entry of largest |w| of each), so a 10,000 × 10,000 edge never crosses to the page densely.
 */
import { MatrixChart } from '../chart/MatrixChart.ts';
import type { PanelType } from '../registry.ts';
import { current, snapshotFetcher } from './snapshots.ts';

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
    // At most one cell per device pixel of the panel.
    const max = () => {
      const ratio = window.devicePixelRatio || 1;
      return { rows: Math.max(1, Math.ceil(el.clientHeight * ratio)), cols: Math.max(1, Math.ceil(el.clientWidth * ratio)) };
    };
    // While a training runs (or holds), the trained edge's weights after each epoch (they reach the run when it ends).
    const training = () => {
      const t = ctx.sim().training;
      return edge !== undefined && t && (t.status === 'running' || t.status === 'paused') ? (t.edges[edge] ?? null) : null;
    };
    const showTraining = () => {
      const s = training();
      if (!s) return false;
      chart.update({ rows: s.rows, cols: s.cols, data: s.values, xFirst: 0, yFirst: 0, xScale: 1, scheme: 'diverging', rowName: 'target', colName: 'source', valueName: `w (training, epoch ${s.epoch})` });
      return true;
    };
    const unwatch = ctx.watchTraining(() => void (showTraining() || fetcher.retry()));
    const fetcher = snapshotFetcher(ctx, {
      edge,
      fetch: (e) => current(ctx, ctx.sim().weights(e, max())),
      show: (w) =>
        showTraining() ||
        chart.update(
          w && {
            rows: w.rows,
            cols: w.cols,
            data: w.data,
            xFirst: 0,
            yFirst: 0,
            xScale: w.blockCols,
            scheme: 'diverging',
            rowName: 'target',
            colName: 'source',
            valueName: 'w',
            blocks: w.blockRows > 1 || w.blockCols > 1 ? { rows: w.blockRows, cols: w.blockCols, reduce: 'largest |w|' } : undefined,
          },
        ),
      intervalMs: 250,
    });
    return { chart, draw: fetcher.draw, destroy: () => (unwatch(), fetcher.destroy(), chart.destroy()) };
  },
};
