/**
 * Phase portrait: unit a against unit b (of one node or two), or a population's first two
 * principal components, with a trail fading with age. The PCA axes are refitted every
 * REFIT_FRAMES frames (and after a reset), the projection every frame.
 */
import { PhaseChart } from '../chart/PhaseChart.ts';
import { fitPca, projectPca } from '../transforms/projection.ts';
import { unitSeries } from '../transforms/stats.ts';
import type { PcaResult } from '../../engine/linalg/index.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, windowSamples } from './common.ts';

const REFIT_FRAMES = 30;
const unitChoices = Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: String(i) }));

export const phasePanel: PanelType = {
  type: 'phase',
  title: 'Phase portrait',
  description: 'Unit a vs unit b, or the first two principal components, with a fading trail',
  binding: 'node-pair',
  options: [
    {
      key: 'mode',
      label: 'Axes',
      choices: [
        { value: 'units', label: 'unit a vs b' },
        { value: 'pca', label: 'PC1 vs PC2' },
      ],
    },
    { key: 'unitA', label: 'a', choices: unitChoices },
    { key: 'unitB', label: 'b', choices: unitChoices },
  ],
  create(el, config, ctx) {
    const a = boundNode(config, 0);
    const b = boundNode(config, 1) ?? a;
    const pca = config.mode === 'pca';
    const ua = Number(config.unitA ?? 0);
    const ub = Number(config.unitB ?? (a === b ? 1 : 0));
    const xName = pca ? 'PC1' : `${a}[${ua}]`;
    const yName = pca ? 'PC2' : `${b}[${ub}]`;
    const chart = new PhaseChart(el, { title: `Phase portrait of ${a ?? 'no node'}`, xLabel: xName, yLabel: yName });
    let fit: PcaResult | null = null;
    let frames = 0;
    return {
      chart,
      draw(event) {
        const sa = windowSamples(ctx, a);
        const sb = b === a ? sa : windowSamples(ctx, b);
        if (!sa || !sb) return chart.update(null);
        if (pca) {
          if (event !== 'frame' || !fit || frames++ % REFIT_FRAMES === 0) fit = fitPca(sa);
          if (!fit) return chart.update(null);
          const p = projectPca(sa, fit);
          const pct = (r: number) => `${(100 * r).toFixed(0)}%`;
          return chart.update({ firstStep: sa.firstStep, x: p.x, y: p.y, xName: `PC1 (${pct(p.explained![0])})`, yName: `PC2 (${pct(p.explained![1])})` });
        }
        if (ua >= sa.width || ub >= sb.width) return chart.update(null);
        // Align the two windows on their common steps.
        const first = Math.max(sa.firstStep, sb.firstStep);
        const last = Math.min(sa.firstStep + sa.count, sb.firstStep + sb.count) - 1;
        const x = unitSeries(sa, ua).subarray(first - sa.firstStep, last - sa.firstStep + 1);
        const y = unitSeries(sb, ub).subarray(first - sb.firstStep, last - sb.firstStep + 1);
        chart.update({ firstStep: first, x, y, xName, yName });
      },
      destroy: () => chart.destroy(),
    };
  },
};
