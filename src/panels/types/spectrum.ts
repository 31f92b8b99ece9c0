/**
 * Eigenvalue spectrum of a square (recurrent) edge with the unit circle and spectral radius,
 * computed in the worker. Above the engine's limit for the full spectrum (1,200 units) only the
 * radius comes back (Arnoldi on the sparse matrix) and the panel says so.
 */
import { SpectrumChart } from '../chart/SpectrumChart.ts';
import type { PanelType } from '../registry.ts';
import { snapshotFetcher } from './snapshots.ts';

export const spectrumPanel: PanelType = {
  type: 'spectrum',
  title: 'Eigenvalues',
  description: 'Eigenvalues of a recurrent weight matrix, unit circle and spectral radius',
  binding: 'square-edge',
  acceptsEdge: (e) => e.rows === e.cols,
  create(el, config, ctx) {
    const edge = config.edge;
    const chart = new SpectrumChart(el, { title: `Eigenvalues of ${edge ?? 'no edge'}`, xLabel: 'Re λ', yLabel: 'Im λ', emptyText: 'No square weight matrix (or too large and dense)' });
    const fetcher = snapshotFetcher(
      ctx,
      edge,
      (e) => ctx.sim().spectrum(e),
      (s) => chart.update(s && (s.complete ? { re: s.re, im: s.im } : { re: s.re, im: s.im, radius: s.radius, note: `${s.size.toLocaleString('en')} units: too many to draw every λ` })),
      2000,
    );
    return { chart, draw: fetcher.draw, destroy: () => (fetcher.destroy(), chart.destroy()) };
  },
};
