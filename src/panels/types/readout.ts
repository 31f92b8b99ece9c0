/**
 * Readout vs target: a readout's output channel and the target it is trained on, over time —
 * after Train, the prediction lying on the target over the test window. "Show prediction" sets
 * the test window (`testStart`, `testSteps`, in steps): the panel then shows those steps alone
 * (zoom in with the wheel, double-click to see the whole window again), or the whole run.
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
    {
      key: 'range',
      label: 'Show',
      choices: [
        { value: 'test', label: 'test window' },
        { value: 'all', label: 'whole run' },
      ],
      visible: (config) => config.testStart !== undefined,
    },
  ],
  create(el, config, ctx) {
    const id = boundNode(config);
    const axis = timeAxis(ctx);
    const channel = Number(config.channel ?? 0);
    // The steps shown: the test window when Show prediction set one (and it is chosen), else all.
    const testStart = Number(config.testStart);
    const testSteps = Number(config.testSteps);
    const onlyTest = (config.range ?? 'test') === 'test' && testStart > 0 && testSteps > 0;
    const target = id === undefined ? undefined : `${id}.target`;
    const release = target === undefined ? () => undefined : ctx.sim().subscribe(target);
    const chart = new TimeSeriesChart(el, { title: `Readout ${id ?? '—'} vs its target`, xLabel: axis.label, yLabel: 'value', timeUnit: axis.unit });
    return {
      chart,
      draw() {
        const y = liveWindow(ctx, id);
        const d = liveWindow(ctx, target);
        if (!y || id === undefined || channel >= y.width) return chart.update(null);
        // the output's steps (those of the test window, when shown alone), and the target at the same steps (NaN where it has none)
        const first = onlyTest ? Math.max(y.firstStep, testStart) : y.firstStep;
        const last = y.firstStep + y.count - 1;
        const end = onlyTest ? Math.min(last, testStart + testSteps - 1) : last;
        if (end < first) return chart.update(null);
        const values = new Float64Array(end - first + 1);
        const aligned = new Float64Array(end - first + 1);
        for (let i = 0, step = first; step <= end; i++, step++) {
          values[i] = y.at(step, channel);
          aligned[i] = d ? d.at(step, channel) : NaN;
        }
        chart.update({
          firstStep: first,
          dt: axis.scale,
          series: [
            { name: `${id}[${channel}]`, values },
            { name: `target[${channel}]`, values: aligned, dashed: true },
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
