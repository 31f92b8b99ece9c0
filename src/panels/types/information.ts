/**
 * Information panel: entropy, mutual information, entropy rate, active information storage or
 * transfer entropy of one unit, or of a population (the mean of its units' estimates), over a
 * sliding window, re-estimated in the engine worker every refresh. The line is the estimate at
 * each refresh (x: the step its window ends at); the read-out shows the current value.
 */
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import type { PanelType } from '../registry.ts';
import { timeLabel } from './common.ts';
import { binariseOption, estimatorOption, formatValue, historyOption, measureOption, measureView, refreshOption, unitsName, windowOption } from './measureCommon.ts';

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
    const unit = config.unit === undefined || config.unit === 'mean' ? null : Number(config.unit);
    const steps: number[] = [];
    const values: number[] = [];
    return measureView(el, config, ctx, {
      defaultMeasure: 'ais',
      chart: (host, s) =>
        new TimeSeriesChart(host, {
          title: s ? `${s.label} over time` : 'Information',
          xLabel: timeLabel(ctx),
          yLabel: s ? `${s.label.replace(/\(.*/, '')} (${unitsName(s.spec)})` : 'bits',
          emptyText: 'Run or Step: values appear after a few steps',
        }),
      request: { locals: false, ...(unit === null ? {} : { units: [unit] }) },
      show(r, chart, s) {
        if (steps.length === 0 || r.t > steps[steps.length - 1]) {
          steps.push(r.t);
          values.push(r.mean);
        }
        if (steps.length > INFORMATION_HISTORY) {
          steps.shift();
          values.shift();
        }
        const n = r.unitIndex.length;
        const name = unit === null ? `mean ${s.label} over ${r.truncated ? 'the first ' : ''}${n} units` : s.label.replace(')', `[${unit}])`);
        chart.update({ firstStep: steps[0], steps, dt: ctx.doc().dt, series: [{ name, values }] });
        return `${formatValue(r.mean, r.units)} · ${r.steps}-step window · ${r.elapsedMs.toFixed(1)} ms`;
      },
      clear(chart) {
        steps.length = 0;
        values.length = 0;
        chart.update(null);
      },
    });
  },
};
