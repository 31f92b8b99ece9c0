/**
 * The panels of a gradient training (BPTT, issue #15), drawn from the training view the
 * simulation store keeps while Train runs on the task worker:
 * - **Loss**: the mean training loss of each epoch and the test-window loss after it (parameters
 *   frozen; epoch 0 is the network before any update), on a log scale, growing epoch by epoch.
 * - **Gradient flow**: ‖∂ℓ(T)/∂x(T − k)‖ against k, the gradient of the loss at the training
 *   window's last scored step back through the populations' states (Pascanu, Mikolov & Bengio
 *   2013, §2), on a log scale: a falling line is a vanishing gradient, a rising one an exploding
 *   one. Before a training (and after an edit) it shows the network as it is, computed on the
 *   task worker; during one, the flow before the first update and after the latest epoch.
 */
import { kindRole, type GraphDocument } from '../../model/index.ts';
import type { TrainingEpoch } from '../../engine/worker/analysis-protocol.ts';
import type { TrainingView } from '../../store/simulationStore.ts';
import { analysisStatus } from '../analysisStatus.ts';
import '../analysisStatus.css';
import { LogLineChart, type LogLineOptions, type LogSeries } from '../chart/LogLineChart.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { PanelContext, PanelType } from '../registry.ts';
import { boundNode } from './common.ts';

/** The readout's BPTT loss ("mse", "bce"), or null when it does not train by BPTT. */
function bpttLoss(doc: GraphDocument, id: string | undefined): string | null {
  const node = doc.nodes.find((n) => n.id === id);
  const training = (node?.params as { training?: { method?: string; loss?: string } } | undefined)?.training;
  return training?.method === 'bptt' ? (training.loss ?? 'mse') : null;
}

/** What the training is doing, for the chart's note. */
function trainingNote(t: TrainingView): string {
  const last = t.epochs[t.epochs.length - 1];
  const at = last ? `epoch ${last.epoch} of ${last.epochs}` : 'starting';
  switch (t.status) {
    case 'running':
      return `training: ${at}`;
    case 'paused':
      return `paused at ${at}`;
    case 'cancelled':
      return `cancelled at ${at}`;
    case 'failed':
      return `failed at ${at}`;
    case 'done':
      return t.applied ? `trained: ${at}` : `${at} (discarded)`;
  }
}

/** One value per epoch as a series (epochs without a value left out). */
function perEpoch(name: string, epochs: readonly TrainingEpoch[], value: (e: TrainingEpoch) => number | null, dashed = false): LogSeries {
  const kept = epochs.filter((e) => value(e) !== null);
  return { name, x: kept.map((e) => e.epoch), values: kept.map((e) => value(e)!), dashed };
}

/**
 * Least-squares slope of ln v against k over the finite positive values: the gradient's growth
 * rate per step back (ln ρ for a linear network of spectral radius ρ), dimensionless per step.
 */
export function logSlope(values: readonly number[]): number | null {
  let n = 0;
  let sk = 0;
  let sv = 0;
  let skk = 0;
  let skv = 0;
  values.forEach((v, k) => {
    if (!(v > 0) || !Number.isFinite(v)) return;
    const l = Math.log(v);
    n++;
    sk += k;
    sv += l;
    skk += k * k;
    skv += k * l;
  });
  const den = n * skk - sk * sk;
  return n >= 2 && den !== 0 ? (n * skv - sk * sv) / den : null;
}

function flowSeries(name: string, flow: readonly number[], dashed = false): LogSeries {
  return { name, x: flow.map((_, k) => k), values: flow, dashed };
}

function slopeNote(flow: readonly number[]): string | undefined {
  const slope = logSlope(flow);
  return slope === null ? undefined : `d ln‖g‖/dk = ${slope.toFixed(3)} per step (× ${Math.exp(slope).toPrecision(3)})`;
}

/** The analysis key of Train (store/simulation/training.ts). */
const TRAIN_KEY = 'train';

/**
 * The line over the Loss chart while a training runs: what it does, how far, Pause / Resume and
 * Cancel (the training goes on in the task worker; pausing holds it between two segments).
 */
function trainingControls(el: HTMLElement, ctx: PanelContext) {
  const line = el.appendChild(document.createElement('div'));
  line.className = 'analysis-status';
  line.dataset.testid = 'training-controls';
  line.setAttribute('role', 'status');
  line.hidden = true;
  const text = line.appendChild(document.createElement('span'));
  text.className = 'analysis-status__text';
  const bar = line.appendChild(document.createElement('progress'));
  bar.className = 'analysis-status__bar';
  bar.max = 1;
  const button = (label: string, onClick: () => void) => {
    const b = line.appendChild(document.createElement('button'));
    b.type = 'button';
    b.className = 'button button--small';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };
  const pause = button('Pause', () => {
    const t = ctx.sim().training;
    ctx.sim().pauseTraining(t?.status !== 'paused');
  });
  pause.dataset.testid = 'training-pause';
  button('Cancel', () => ctx.sim().cancelAnalysis(TRAIN_KEY)).dataset.testid = 'training-cancel';
  const show = () => {
    const t = ctx.sim().training;
    const p = ctx.sim().analyses[TRAIN_KEY];
    line.hidden = !t || !p || (t.status !== 'running' && t.status !== 'paused');
    if (line.hidden || !t || !p) return;
    const paused = t.status === 'paused';
    text.textContent = `${paused ? 'Paused: ' : ''}${p.text ?? p.label}… ${Math.round(100 * p.fraction)} %`;
    bar.value = p.fraction;
    pause.textContent = paused ? 'Resume' : 'Pause';
    pause.disabled = !t.canPause;
    pause.title = t.canPause ? '' : 'Pausing needs a cross-origin isolated page (shared memory with the worker)';
  };
  const unwatch = [ctx.watchAnalysis(TRAIN_KEY, show), ctx.watchTraining(show)];
  show();
  return { destroy: () => (unwatch.forEach((u) => u()), line.remove()) };
}

/** Panels about a training bind a readout node (the BPTT readouts share one training). */
const acceptsReadout = (node: { kind: string }) => kindRole(node.kind) === 'readout';

/** What a training panel's `start` gets: its chart, the bound readout, its element, config and context. */
interface TrainingPanelParts {
  chart: LogLineChart;
  id: string | undefined;
  el: HTMLElement;
  config: PanelConfig;
  ctx: PanelContext;
}

/**
 * A panel of a training: bound to a readout, a log-scale line chart (options from `chart`) that
 * `start` feeds; `start` returns the panel's redraw and what to undo before the chart goes.
 */
function trainingPanel(spec: {
  type: string;
  title: string;
  description: string;
  chart(id: string | undefined, ctx: PanelContext): LogLineOptions;
  start(parts: TrainingPanelParts): { draw(): void; destroy(): void };
}): PanelType {
  return {
    type: spec.type,
    title: spec.title,
    description: spec.description,
    binding: 'node',
    accepts: acceptsReadout,
    create(el, config, ctx) {
      const id = boundNode(config);
      const chart = new LogLineChart(el, spec.chart(id, ctx));
      const fed = spec.start({ chart, id, el, config, ctx });
      return {
        chart,
        draw: fed.draw,
        destroy() {
          fed.destroy();
          chart.destroy();
        },
      };
    },
  };
}

export const lossPanel = trainingPanel({
  type: 'loss',
  title: 'Loss',
  description: 'A BPTT training’s loss per epoch, training and test, on a log scale (live while Train runs)',
  chart(id, ctx) {
    const loss = bpttLoss(ctx.doc(), id);
    return {
      title: `Loss of ${id ?? '—'}`,
      xLabel: 'epoch',
      yLabel: loss ? `loss (${loss})` : 'loss',
      minDecades: 0.15,
      emptyText: loss ? 'Train to see the loss fall, epoch by epoch' : `${id ?? 'This readout'} does not train by BPTT`,
    };
  },
  start({ chart, el, ctx }) {
    const show = (t: TrainingView | null) => {
      if (!t || t.epochs.length === 0) return chart.update(null);
      chart.update({
        series: [perEpoch('train', t.epochs, (e) => e.loss_train), perEpoch('test', t.epochs, (e) => e.loss_test, true)],
        note: trainingNote(t),
      });
    };
    show(ctx.sim().training);
    const unwatch = ctx.watchTraining(show);
    const controls = trainingControls(el, ctx);
    return {
      draw: () => undefined,
      destroy() {
        unwatch();
        controls.destroy();
      },
    };
  },
});

/** Whether the training's flows describe the network the editor runs now. */
const current = (t: TrainingView | null, ctx: PanelContext): t is TrainingView => t !== null && t.epochs.length > 0 && (t.status === 'running' || t.status === 'paused' || (t.applied && t.version === ctx.sim().version));

export const gradientFlowPanel = trainingPanel({
  type: 'gradient-flow',
  title: 'Gradient flow',
  description: '‖∂L/∂x(t−k)‖ against k steps back: vanishing (falling) or exploding (rising) gradients, live while Train runs',
  chart: (id) => ({
    title: `Gradient flow into ${id ?? '—'}`,
    xLabel: 'k (steps back)',
    yLabel: '‖∂ℓ(T)/∂x(T−k)‖',
    emptyText: 'No gradient flow yet',
  }),
  start({ chart, id, el, config, ctx }) {
    const key = `panel:${config.id}`;
    let fetchedFor = -1;
    let busy = false;
    let destroyed = false;
    const status = analysisStatus(el, ctx, key, () => ((fetchedFor = -1), fetch()));

    const showTraining = (t: TrainingView) => {
      const first = t.epochs[0];
      const last = t.epochs[t.epochs.length - 1];
      if (!first.flow || !last.flow) return;
      const series = [flowSeries('before training', first.flow, last !== first)];
      if (last !== first) series.push(flowSeries(`epoch ${last.epoch}`, last.flow));
      status.done();
      chart.update({ series, note: slopeNote(last.flow) });
    };

    function fetch(): void {
      const version = ctx.sim().version;
      if (busy || fetchedFor === version || current(ctx.sim().training, ctx)) return;
      if (bpttLoss(ctx.doc(), id) === null) {
        chart.update(null);
        return status.note(`${id ?? 'This readout'} does not train by BPTT: the gradient flow needs a readout with "method": "bptt".`);
      }
      busy = true;
      fetchedFor = version;
      void ctx
        .sim()
        .gradientFlow(key)
        .then((out) => {
          if (destroyed || current(ctx.sim().training, ctx)) return;
          if (!out.ok) return status.stopped(out.cancelled ? 'Gradient flow cancelled.' : `Gradient flow failed: ${out.error}`);
          if (out.version !== ctx.sim().version) return void (fetchedFor = -1);
          const reply = out.value;
          if (!reply.ok) return status.stopped(`No gradient flow: ${reply.error}`);
          status.done();
          chart.update({ series: [flowSeries('this network', reply.flow)], note: slopeNote(reply.flow) });
        })
        .finally(() => {
          busy = false;
          if (!destroyed && fetchedFor === -1) fetch();
        });
    }

    const onTraining = (t: TrainingView | null) => (current(t, ctx) ? showTraining(t) : fetch());
    const unwatch = ctx.watchTraining(onTraining);
    return {
      draw: () => onTraining(ctx.sim().training),
      destroy() {
        destroyed = true;
        unwatch();
        status.destroy();
      },
    };
  },
});
