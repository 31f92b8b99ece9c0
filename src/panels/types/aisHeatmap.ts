/**
 * Local AIS (or local TE) heatmap: each unit's local values over the window, units × time, on a
 * diverging scale centred at 0 — positive: the unit's past predicted its next state (stored
 * information used), negative: it misled (misinformation; Lizier, Prokopenko & Zomaya 2012).
 * Computed in the engine worker every refresh. Optionally tints the node on the canvas by its
 * current average AIS.
 */
import * as d3 from 'd3';
import { MatrixChart } from '../chart/MatrixChart.ts';
import type { PanelType } from '../registry.ts';
import { timeAxis } from './common.ts';
import {
  binariseOption,
  estimatorOption,
  formatValue,
  historyOption,
  MEASURE_LABELS,
  measureOption,
  measureView,
  refreshOption,
  robustSymmetricDomain,
  windowOption,
} from './measureCommon.ts';

/** Average AIS (bits or nats) that gets the strongest tint: a binary unit stores at most 1 bit. */
export const TINT_FULL_SCALE = 1;

/** The tint colour of an average: the heatmap's diverging scale, ±TINT_FULL_SCALE at the ends. */
export function tintColor(value: number): string {
  const t = Math.max(-1, Math.min(1, value / TINT_FULL_SCALE));
  return d3.interpolateRdBu(0.5 - 0.5 * t);
}

export const aisHeatmapPanel: PanelType = {
  type: 'ais-heatmap',
  title: 'Local AIS heatmap',
  description: 'Local active information storage (or transfer entropy) of each unit over time; red: stored information, blue: misinformation',
  binding: 'node-pair',
  bindingLabels: ['of', 'from'],
  wide: true,
  usesSecondNode: (config) => config.measure === 'te',
  options: [
    measureOption(['ais', 'te']),
    estimatorOption,
    historyOption,
    windowOption,
    refreshOption,
    binariseOption,
    { key: 'tint', label: 'Tint node', advanced: true, choices: [{ value: 'off', label: 'off' }, { value: 'on', label: 'by mean AIS' }] },
  ],
  create(el, config, ctx) {
    const tinting = config.tint === 'on';
    const tint = ctx.setTint;
    return measureView(el, config, ctx, {
      defaultMeasure: 'ais',
      chart: (host, s) =>
        new MatrixChart(host, {
          title: s ? `Local ${s.label}` : 'Local AIS',
          xLabel: timeAxis(ctx).label,
          yLabel: 'unit',
          zoomX: true,
          emptyText: 'Run or Step: local values appear after a few steps',
        }),
      request: { locals: true },
      caption: (s, units) =>
        s.spec.measure === 'te'
          ? `Red: ${s.source}’s past helped predict this unit’s next value; blue: it misled. One row per unit, one column per step, in ${units}.`
          : `Red: the past of this unit predicts its next value (memory in use); blue: it misleads. One row per unit, one column per step, in ${units}.`,
      show(r, chart, s) {
        const measure = MEASURE_LABELS[s.spec.measure];
        const n = r.unitIndex.length;
        chart.update({
          rows: n,
          cols: r.steps,
          data: r.locals!,
          xFirst: r.firstStep,
          yFirst: r.unitIndex[0] ?? 0,
          xScale: timeAxis(ctx).scale,
          scheme: 'diverging',
          domain: robustSymmetricDomain(r.locals!),
          rowName: 'unit',
          colName: 'step',
          valueName: `local ${measure} (${r.units})`,
        });
        const mean = `mean ${measure} ${formatValue(r.mean, r.units)}`;
        if (tinting) tint(s.target, { color: tintColor(r.mean), label: mean });
        return `${mean}${r.truncated > 0 ? ` · first ${n} units` : ''} · ${r.elapsedMs.toFixed(1)} ms`;
      },
      clear(chart, s) {
        chart.update(null);
        if (tinting) tint(s.target, null);
      },
      destroy(s) {
        if (tinting) tint(s.target, null);
      },
    });
  },
};
