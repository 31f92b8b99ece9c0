/**
 * Information panel: entropy, mutual information, entropy rate, active information storage or
 * transfer entropy of one unit, or of a population (the mean of its units' estimates), over a
 * sliding window, re-estimated in the engine worker every refresh. The line is the estimate at
 * each refresh (x: the step its window ends at); the read-out shows the current value.
 */
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import type { PanelType } from '../registry.ts';
import { timeLabel } from './common.ts';
import {
  binariseOption,
  estimatorOption,
  formatValue,
  historyOption,
  measureFetcher,
  measureOption,
  measureSettings,
  refreshOption,
  requestOf,
  unitsName,
  measureLayout,
  windowOption,
} from './measureCommon.ts';

/** Refreshes kept on the line. */
export const INFORMATION_HISTORY = 400;

export const informationPanel: PanelType = {
  type: 'information',
  title: 'Information',
  description: 'Entropy, MI, entropy rate, AIS or TE of a unit or a population over a sliding window (computed in the engine worker)',
  binding: 'node-pair',
  bindingLabels: ['Node', 'Source'],
  usesSecondNode: (config) => config.measure === 'mi' || config.measure === 'te',
  options: [
    measureOption(['ais', 'entropy', 'entropy-rate', 'mi', 'te']),
    estimatorOption,
    {
      key: 'unit',
      label: 'Units',
      choices: [{ value: 'mean', label: 'population mean' }, ...Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: `unit ${i}` }))],
    },
    historyOption,
    windowOption,
    refreshOption,
    binariseOption,
  ],
  create(el, config, ctx) {
    const s = measureSettings(config, ctx, 'ais');
    const units = s ? unitsName(s.spec) : 'bits';
    const badge = measureLayout(el);
    const chart = new TimeSeriesChart(badge.chartEl, {
      title: s ? `${s.label} over time` : 'Information',
      xLabel: timeLabel(ctx),
      yLabel: s ? `${s.label.replace(/\(.*/, '')} (${units})` : units,
      emptyText: 'Run or Step: values appear after a few steps',
    });
        const destroyAll = () => {
      badge.remove();
      chart.destroy();
    };
    if (!s) return { chart, draw: () => chart.update(null), destroy: destroyAll };
    const unit = config.unit === undefined || config.unit === 'mean' ? null : Number(config.unit);
    const steps: number[] = [];
    const values: number[] = [];
    const fetcher = measureFetcher(ctx, {
      key: config.id,
      settings: s,
      request: () => requestOf(s, { locals: false, ...(unit === null ? {} : { units: [unit] }) }),
      onReply(r) {
        if (steps.length > 0 && r.t <= steps[steps.length - 1]) return;
        steps.push(r.t);
        values.push(r.mean);
        if (steps.length > INFORMATION_HISTORY) {
          steps.shift();
          values.shift();
        }
        const n = r.unitIndex.length;
        const name = unit === null ? `mean ${s.label} over ${r.truncated ? 'the first ' : ''}${n} units` : s.label.replace(')', `[${unit}])`);
        chart.update({ firstStep: steps[0], steps, dt: ctx.doc().dt, series: [{ name, values }] });
        badge.value(`${formatValue(r.mean, r.units)} · ${r.steps}-step window · ${r.elapsedMs.toFixed(1)} ms`);
        badge.chartEl.dataset.measureMs = r.elapsedMs.toFixed(2);
      },
      onStatus: badge.status,
      onReset() {
        steps.length = 0;
        values.length = 0;
        chart.update(null);
        badge.value('');
      },
    });
    return {
      chart,
      draw: fetcher.draw,
      destroy() {
        fetcher.destroy();
        destroyAll();
      },
    };
  },
};
