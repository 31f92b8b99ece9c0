/**
 * Histograms of a node's output: activations (over units, at the last step or over the whole
 * window, with the target density of its intrinsic plasticity when it has one), and for spiking
 * populations firing rates per unit (Hz) and inter-spike intervals (ms), accumulated since the
 * last reset (default) or over the window. One factory, three types.
 */
import { HistogramChart } from '../chart/HistogramChart.ts';
import { histogram } from '../transforms/binning.ts';
import { firingRates, interSpikeIntervals } from '../transforms/spikes.ts';
import { SpikeTally } from '../transforms/spikeTally.ts';
import { targetCurve, targetOfParams } from '../transforms/targets.ts';
import type { ProbeSamples } from '../../store/probeWindow.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext, PanelOption, PanelType } from '../registry.ts';
import { boundNode, isSpiking, liveWindow, windowSamples } from './common.ts';

interface HistogramSpec {
  type: string;
  title: string;
  description: string;
  xLabel: string;
  valueName: string;
  spikingOnly: boolean;
  options?: PanelOption[];
  values(s: ProbeSamples, config: PanelConfig, ctx: PanelContext): ArrayLike<number>;
  /** Spiking histograms: the values accumulated since the last reset (config.over 'run', the default). */
  accumulated?(tally: SpikeTally, dtMs: number): { values: ArrayLike<number>; weights?: ArrayLike<number> };
  withTarget?: boolean;
}

/** Binned values: how many there are, and the span they cover when accumulated. */
interface Binned {
  values: ArrayLike<number>;
  weights?: ArrayLike<number>;
  span?: string;
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
      const tally = spec.accumulated && config.over !== 'window' ? new SpikeTally() : null;
      /** The values to bin now, or null while there are none. */
      const binned = (): Binned | null => {
        const dt = ctx.doc().dt;
        if (tally && spec.accumulated) {
          const w = liveWindow(ctx, id);
          if (!w) return null;
          tally.sync(w, ctx.live.epoch);
          return { ...spec.accumulated(tally, dt), span: `over ${formatMs(tally.duration(dt))}` };
        }
        const s = windowSamples(ctx, id);
        return s && { values: spec.values(s, config, ctx) };
      };
      return {
        chart,
        draw() {
          const v = binned();
          if (!v) return chart.update(null);
          const b = histogram(v.values, { bins, weights: v.weights });
          const params = ctx.doc().nodes.find((n) => n.id === id)?.params as Record<string, unknown> | undefined;
          const target = spec.withTarget && config.target !== 'none' && params ? targetOfParams(params) : null;
          const lo = b[0].x0;
          const hi = b[b.length - 1].x1;
          chart.update({
            bins: b,
            measure: 'density',
            total: b.reduce((n, bin) => n + bin.count, 0),
            valueName: spec.valueName,
            span: v.span,
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

/** Spiking histograms accumulate since the last reset unless the window is asked for. */
const overRunOrWindow: PanelOption = {
  key: 'over',
  label: 'Over',
  choices: [
    { value: 'run', label: 'since reset' },
    { value: 'window', label: 'the window' },
  ],
};

/** A duration in ms, in ms or s as it reads best ("812 ms", "12.4 s"). */
function formatMs(ms: number): string {
  return ms < 1000 ? `${Number(ms.toPrecision(3))} ms` : `${Number((ms / 1000).toPrecision(3)).toLocaleString('en')} s`;
}

export const firingRatePanel = histogramPanel({
  type: 'rates',
  title: 'Firing rates',
  description: 'Firing rate of each unit of a spiking population since the last reset (or over the window)',
  xLabel: 'firing rate (Hz)',
  valueName: 'rate',
  spikingOnly: true,
  options: [overRunOrWindow],
  values: (s, _config, ctx) => firingRates(s, ctx.doc().dt),
  accumulated: (tally, dt) => ({ values: tally.rates(dt) }),
});

export const isiPanel = histogramPanel({
  type: 'isi',
  title: 'ISI histogram',
  description: 'Inter-spike intervals of a spiking population since the last reset (or over the window)',
  xLabel: 'inter-spike interval (ms)',
  valueName: 'ISI',
  spikingOnly: true,
  options: [overRunOrWindow],
  values: (s, _config, ctx) => interSpikeIntervals(s, ctx.doc().dt),
  accumulated: (tally, dt) => tally.intervalCounts(dt),
});
