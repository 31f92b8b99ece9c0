/**
 * Eigenvalue spectrum of a square (recurrent) edge with the unit circle and spectral radius,
 * computed on the analysis worker (the run goes on meanwhile), with a progress line and Cancel
 * while it computes. Above the size where every eigenvalue takes too long (the engine's
 * ALL_EIGENVALUES_LIMIT) the panel shows the leading eigenvalues, found by Arnoldi, and says so.
 */
import { SpectrumChart } from '../chart/SpectrumChart.ts';
import { analysisStatus } from '../analysisStatus.ts';
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
    const key = `panel:${config.id}`;
    const chart = new SpectrumChart(el, { title: `Eigenvalues of ${edge ?? 'no edge'}`, xLabel: 'Re λ', yLabel: 'Im λ', emptyText: 'No eigenvalues yet' });
    const status = analysisStatus(el, ctx, key, () => fetcher.retry());
    const fetcher = snapshotFetcher(ctx, {
      edge,
      fetch: (e) => ctx.sim().spectrum(e, key),
      show(s) {
        const leading = s !== null && !s.complete;
        if (leading) status.note(`${s.size.toLocaleString('en')} units: all eigenvalues would take too long here; the ${s.re.length} leading ones (largest |λ|, Arnoldi) are shown.`);
        else status.done();
        chart.update(s && { re: s.re, im: s.im, ...(leading ? { radius: s.radius, note: `${s.re.length} leading λ` } : {}) });
      },
      stopped: (message) => status.stopped(message === 'Cancelled.' ? 'Eigenvalues cancelled.' : `Eigenvalues failed: ${message}`),
      intervalMs: 2000,
    });
    return { chart, draw: fetcher.draw, destroy: () => (fetcher.destroy(), status.destroy(), chart.destroy()) };
  },
};
