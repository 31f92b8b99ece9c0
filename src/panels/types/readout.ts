/**
 * Readout vs target: a readout's output channel and the target it is trained on, over time —
 * after Train, the prediction lying on the target over the test window.
 */
import { kindRole } from '../../model/index.ts';
import { TimeSeriesChart } from '../chart/TimeSeriesChart.ts';
import type { PanelType } from '../registry.ts';
import { boundNode, liveWindow, timeAxis } from './common.ts';

export const readoutPanel: PanelType = {
  type: 'readout',
  title: 'Readout vs target',
  description: 'A readout’s output over its training target (Train first to see the prediction)',
  binding: 'node',
  accepts: (node) => kindRole(node.kind) === 'readout',
  options: [
    {
      key: 'channel',
      label: 'Channel',
      choices: [0, 1, 2, 3].map((c) => ({ value: String(c), label: `channel ${c + 1}` })),
    },
  ],
  create(el, config, ctx) {
    const id = boundNode(config);
    const axis = timeAxis(ctx);
    const channel = Number(config.channel ?? 0);
    const target = id === undefined ? undefined : `${id}.target`;
    const release = target === undefined ? () => undefined : ctx.sim().subscribe(target);
    const chart = new TimeSeriesChart(el, { title: `Readout ${id ?? '—'} vs its target`, xLabel: axis.label, yLabel: 'value' });
    return {
      chart,
      draw() {
        const y = liveWindow(ctx, id);
        const d = liveWindow(ctx, target);
        if (!y || id === undefined || channel >= y.width) return chart.update(null);
        // the output's steps, and the target at the same steps (NaN where it has none)
        const values = new Float64Array(y.count);
        const aligned = new Float64Array(y.count);
        for (let i = 0, step = y.firstStep; i < y.count; i++, step++) {
          values[i] = y.at(step, channel);
          aligned[i] = d ? d.at(step, channel) : NaN;
        }
        chart.update({
          firstStep: y.firstStep,
          dt: axis.scale,
          series: [
            { name: `${id}[${channel}]`, values },
            { name: `target[${channel}]`, values: aligned },
          ],
        });
      },
      destroy() {
        release();
        chart.destroy();
      },
    };
  },
};
