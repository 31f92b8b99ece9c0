/**
 * Information panel: entropy, mutual information, entropy rate, active information storage or
 * transfer entropy of one unit, or of a population (the mean of its units' estimates), over a
 * sliding window, re-estimated in the engine worker every refresh. The line is the estimate at
 * each refresh (x: the step its window ends at); the read-out shows the current value.
 */
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import type { PanelType } from '../registry.ts';
import { timeAxis } from './common.ts';
import { binariseOption, estimatorOption, formatValue, historyOption, measureOption, measureSentence, measureView, refreshOption, unitsName, windowOption } from './measureCommon.ts';

/** Refreshes kept on the line. */
export const INFORMATION_HISTORY = 400;

/** The units a config measures: all (null), units 0–7 ("first8", what a KSG request can take), or one. */
export function unitsOf(unit: unknown): number[] | null {
  if (unit === undefined || unit === 'mean') return null;
  if (unit === 'first8') return [0, 1, 2, 3, 4, 5, 6, 7];
  return [Number(unit)];
}

export const informationPanel: PanelType = {
  type: 'information',
  title: 'Information',
  description: 'Entropy, MI, entropy rate, AIS or TE of a unit or a population over a sliding window (computed in the engine worker)',
  binding: 'node-pair',
  bindingLabels: ['of', 'from'],
  wide: true,
  usesSecondNode: (config) => config.measure === 'mi' || config.measure === 'te',
  options: [
    measureOption(['ais', 'entropy', 'entropy-rate', 'mi', 'te']),
    estimatorOption,
    {
      key: 'unit',
      label: 'Units',
      advanced: true,
      choices: [
        { value: 'mean', label: 'mean of all' },
        { value: 'first8', label: 'mean of 0–7' },
        ...Array.from({ length: 10 }, (_, i) => ({ value: String(i), label: `unit ${i}` })),
      ],
    },
    historyOption,
    windowOption,
    refreshOption,
    binariseOption,
  ],
  create(el, config, ctx) {
    const units = unitsOf(config.unit);
    const steps: number[] = [];
    const values: number[] = [];
    const axis = timeAxis(ctx);
    return measureView(el, config, ctx, {
      defaultMeasure: 'ais',
      chart: (host, s) =>
        new TimeSeriesChart(host, {
          title: s ? `${s.label} over time` : 'Information',
          xLabel: axis.label,
          yLabel: s ? `${s.label.replace(/\(.*/, '')} (${unitsName(s.spec)})` : 'bits',
          emptyText: 'Run or Step: values appear after a few steps',
          timeUnit: axis.unit,
        }),
      request: { locals: false, ...(units ? { units } : {}) },
      caption: measureSentence,
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
        const name =
          units?.length === 1
            ? s.label.replace(')', `[${units[0]}])`)
            : units
              ? `mean ${s.label} over units ${units[0]}–${units[units.length - 1]}`
              : `mean ${s.label} over ${r.truncated ? 'the first ' : ''}${n} units`;
        chart.update({ firstStep: steps[0], steps, dt: axis.scale, series: [{ name, values }] });
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
