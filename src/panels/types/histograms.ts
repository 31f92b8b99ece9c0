/**
 * Histograms of a node's window: activations (over units, at the last step or over the whole
 * window, with the target density of its intrinsic plasticity when it has one), and for spiking
 * populations firing rates per unit (Hz) and inter-spike intervals (ms). One factory, three types.
 */
import { HistogramChart } from '../chart/HistogramChart.ts';
import { histogram } from '../transforms/binning.ts';
import { firingRates, interSpikeIntervals } from '../transforms/spikes.ts';
import { targetCurve, targetOfParams } from '../transforms/targets.ts';
import type { ProbeSamples } from '../../store/probeWindow.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext, PanelOption, PanelType } from '../registry.ts';
import { boundNode, isSpiking, windowSamples } from './common.ts';

interface HistogramSpec {
  type: string;
  title: string;
  description: string;
  xLabel: string;
  valueName: string;
  spikingOnly: boolean;
  options?: PanelOption[];
  values(s: ProbeSamples, config: PanelConfig, ctx: PanelContext): ArrayLike<number>;
  withTarget?: boolean;
}

function histogramPanel(spec: HistogramSpec): PanelType {
  return {
    type: spec.type,
    title: spec.title,
    description: spec.description,
    binding: 'node',
    accepts: spec.spikingOnly ? isSpiking : undefined,
    options: spec.options,
    create(el, config, ctx) {
      const id = boundNode(config);
      const chart = new HistogramChart(el, { title: `${spec.title} of ${id ?? 'no node'}`, xLabel: spec.xLabel, yLabel: 'density' });
      const bins = Number(config.bins ?? 30);
      return {
        chart,
        draw() {
          const s = windowSamples(ctx, id);
          if (!s) return chart.update(null);
          const values = spec.values(s, config, ctx);
          const b = histogram(values, { bins });
          const params = ctx.doc().nodes.find((n) => n.id === id)?.params as Record<string, unknown> | undefined;
          const target = spec.withTarget && config.target !== 'none' && params ? targetOfParams(params) : null;
          const lo = b[0].x0;
          const hi = b[b.length - 1].x1;
          chart.update({
            bins: b,
            measure: 'density',
            total: values.length,
            valueName: spec.valueName,
            target: target ? { name: target.type === 'gaussian' ? `target N(${target.mean}, ${target.sd}²)` : `target Exp(mean ${target.mean})`, points: targetCurve(target, lo, hi) } : undefined,
          });
        },
        destroy: () => chart.destroy(),
      };
    },
  };
}

export const activationHistogramPanel = histogramPanel({
  type: 'histogram',
  title: 'Activation histogram',
  description: 'Distribution of a population’s outputs, with its IP target density',
  xLabel: 'output y',
  valueName: 'y',
  spikingOnly: false,
  withTarget: true,
  options: [
    {
      key: 'over',
      label: 'Over',
      choices: [
        { value: 'window', label: 'units × window' },
        { value: 'last', label: 'units, last step' },
      ],
    },
    {
      key: 'target',
      label: 'Target',
      choices: [
        { value: 'auto', label: 'IP target' },
        { value: 'none', label: 'none' },
      ],
    },
  ],
  values: (s, config) => (config.over === 'last' ? s.data.subarray((s.count - 1) * s.width) : s.data),
});

export const firingRatePanel = histogramPanel({
  type: 'rates',
  title: 'Firing rates',
  description: 'Firing rate of each unit of a spiking population over the window',
  xLabel: 'firing rate (Hz)',
  valueName: 'rate',
  spikingOnly: true,
  values: (s, _config, ctx) => firingRates(s, ctx.doc().dt),
});

export const isiPanel = histogramPanel({
  type: 'isi',
  title: 'ISI histogram',
  description: 'Inter-spike intervals of a spiking population over the window',
  xLabel: 'inter-spike interval (ms)',
  valueName: 'ISI',
  spikingOnly: true,
  values: (s, _config, ctx) => interSpikeIntervals(s, ctx.doc().dt),
});
