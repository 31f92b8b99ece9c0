/**
 * What the information panels share: their header options, the measure request a config
 * stands for, and a fetcher that asks the engine for it at most every `refresh` milliseconds
 * while frames arrive (one request in flight per panel; the store drops stale ones). Measures
 * run in the worker beside the engine, on the window it retains of the bound probes.
 */
import { selectKth } from '../../common/select-kth.ts';
import type { MeasureName, MeasureSpec, EstimatorName, Discretisation } from '../../measures/index.ts';
import type { MeasureReply, MeasureRequest } from '../../engine/worker/protocol.ts';
import type { PanelConfig } from '../../store/index.ts';
import type { LiveEvent } from '../../store/probeWindow.ts';
import type { PanelContext, PanelOption, PanelView } from '../registry.ts';
import { boundNode, isSpiking, nodeInfo } from './common.ts';
import './measures.css';

export type MeasureOk = Extract<MeasureReply, { ok: true }>;

const choices = (values: string[], label: (v: string) => string = (v) => v) => values.map((value) => ({ value, label: label(value) }));

export const MEASURE_LABELS: Record<MeasureName, string> = { ais: 'AIS', te: 'TE', mi: 'MI', entropy: 'H', 'entropy-rate': 'entropy rate' };

/** The measures in plain words (the panel's one line of settings says what each one is). */
export const MEASURE_NAMES: Record<MeasureName, string> = {
  ais: 'AIS (memory in use)',
  te: 'TE (transfer)',
  mi: 'MI (shared)',
  entropy: 'entropy',
  'entropy-rate': 'entropy rate',
};

/** One sentence under an information chart: what its value says about the node, in plain words. */
export function measureSentence(s: MeasureSettings, units: string): string {
  const node = s.target;
  const source = s.source ?? node;
  const what: Record<MeasureName, string> = {
    ais: `How much of ${node}’s next value its own past ${s.spec.k} step${s.spec.k === 1 ? '' : 's'} predict — memory in use (0: none).`,
    te: `How much ${source}’s past adds to predicting ${node}’s next value, beyond ${node}’s own past — information transferred.`,
    mi: `How much ${node} and ${source} tell about each other at the same step (0: independent).`,
    entropy: `How uncertain ${node}’s value is: 0 when it never changes, larger the more values it takes.`,
    'entropy-rate': `How much new, unpredictable information ${node} produces each step.`,
  };
  return `${what[s.spec.measure]} Over the last ${s.window.toLocaleString('en')} steps, in ${units}.`;
}

export function measureOption(measures: MeasureName[]): PanelOption {
  return { key: 'measure', label: 'Measure', lead: true, hideLabel: true, choices: measures.map((m) => ({ value: m, label: MEASURE_NAMES[m] })) };
}

/** Estimator parameters sit under a card's "Advanced" fold. */
export const estimatorOption: PanelOption = {
  key: 'estimator',
  label: 'Estimator',
  advanced: true,
  choices: [
    { value: 'discrete', label: 'discrete (bits)' },
    { value: 'gaussian', label: 'Gaussian (nats)' },
    { value: 'ksg', label: 'KSG, ≤ 8 units (nats)' },
  ],
};

export const historyOption: PanelOption = { key: 'k', label: 'History k', advanced: true, choices: choices(['4', '1', '2', '3', '6', '8'], (v) => `${v} step${v === '1' ? '' : 's'}`) };
export const windowOption: PanelOption = { key: 'window', label: 'over', choices: choices(['1000', '200', '500', '2000'], (v) => `${v} steps`) };
export const refreshOption: PanelOption = { key: 'refresh', label: 'Refresh', advanced: true, choices: choices(['500', '250', '1000', '2000'], (v) => `${1000 / Number(v)}/s`) };
export const binariseOption: PanelOption = {
  key: 'binarise',
  label: 'Symbols',
  advanced: true,
  visible: (config) => (config.estimator ?? 'discrete') === 'discrete',
  choices: [
    { value: 'auto', label: 'auto' },
    { value: 'median', label: 'x > median' },
    { value: 'zero', label: 'x > 0' },
    { value: 'bins4', label: '4 bins' },
  ],
};

/** What a panel config asks the engine to measure. */
export interface MeasureSettings {
  spec: MeasureSpec;
  pair: boolean;
  /** Target probe (the bound node) and, for mi and te, the source. */
  target: string;
  source?: string;
  window: number;
  refreshMs: number;
  discretise: Discretisation;
  /** "AIS", "TE(u → res)" … */
  label: string;
}

function discretisation(config: PanelConfig, spiking: boolean): Discretisation {
  switch (config.binarise) {
    case 'median':
      return { rule: 'threshold', value: 'median' };
    case 'zero':
      return { rule: 'threshold', value: 0 };
    case 'bins4':
      return { rule: 'bins', bins: 4 };
    default:
      return spiking ? { rule: 'threshold', value: 0.5 } : { rule: 'threshold', value: 'median' };
  }
}

/** The measure a config stands for (null: no node bound). */
export function measureSettings(config: PanelConfig, ctx: PanelContext, defaultMeasure: MeasureName): MeasureSettings | null {
  const target = boundNode(config);
  if (target === undefined) return null;
  const measure = (config.measure as MeasureName | undefined) ?? defaultMeasure;
  const estimator = (config.estimator as EstimatorName | undefined) ?? 'discrete';
  const pair = measure === 'mi' || measure === 'te';
  const source = pair ? (boundNode(config, 1) ?? target) : undefined;
  const node = nodeInfo(ctx, target);
  const spec: MeasureSpec = { measure, estimator, k: Number(config.k ?? 4), l: 1, delay: 1, neighbours: 4 };
  const name = MEASURE_LABELS[measure];
  const label = pair ? `${name}(${source} → ${target})` : `${name}(${target})`;
  return {
    spec,
    pair,
    target,
    source,
    window: Number(config.window ?? 1000),
    refreshMs: Number(config.refresh ?? 500),
    discretise: discretisation(config, !!node && isSpiking(node)),
    label,
  };
}

/** A measure request of these settings. */
export function requestOf(s: MeasureSettings, extra: Partial<MeasureRequest> = {}): MeasureRequest {
  return { probe: s.target, source: s.source, window: s.window, spec: s.spec, discretise: s.discretise, ...extra };
}

export interface MeasureFetcherOptions {
  /** Queue key (the panel's id). */
  key: string;
  settings: MeasureSettings;
  request(): MeasureRequest;
  onReply(reply: MeasureOk): void;
  /** Why there is no value (waiting for steps, an error), or null once a value came. */
  onStatus(text: string | null): void;
  /** The run was reset or replaced: forget what was shown. */
  onReset(): void;
}

/**
 * Keeps the bound probes retained in the engine and asks for the measure when new steps have
 * run and `refreshMs` has passed since the last request (a trailing request once it has).
 * Call `draw(event)` from the panel's draw; `destroy()` releases the probes.
 */
export function measureFetcher(ctx: PanelContext, o: MeasureFetcherOptions) {
  const s = o.settings;
  const releases = [...new Set([s.target, ...(s.source ? [s.source] : [])])].map((p) => ctx.sim().retain(p, s.window));
  let busy = false;
  let last = -Infinity;
  let lastT = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  function fetch(): void {
    const t = ctx.live.t;
    if (busy || destroyed || t === 0 || t === lastT) return;
    const wait = last + s.refreshMs - performance.now();
    if (wait > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        fetch();
      }, wait);
      return;
    }
    busy = true;
    last = performance.now();
    lastT = t;
    ctx
      .sim()
      .measure(o.key, o.request())
      .then((reply) => {
        if (destroyed || !reply) return;
        if (reply.ok) {
          o.onReply(reply);
          o.onStatus(reply.warning ?? null);
        } else o.onStatus(reply.waiting ? 'collecting steps…' : reply.error);
      })
      .catch((err: unknown) => o.onStatus(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        busy = false;
        if (!destroyed && ctx.live.t !== lastT) fetch();
      });
  }

  return {
    draw(event: LiveEvent) {
      if (event === 'reset') {
        lastT = -1;
        o.onReset();
      }
      if (event === 'structure') lastT = -1;
      fetch();
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      for (const release of releases) release();
    },
  };
}

/** "bits" / "nats" of an estimator, for axis labels before the first reply. */
export function unitsName(spec: MeasureSpec): string {
  return spec.estimator === 'discrete' ? 'bits' : 'nats';
}

/**
 * Splits a panel body into a one-line read-out strip of the current value (and a status line:
 * waiting, warnings) over the chart's own element, and a caption under it (what the chart means),
 * so none of them overlap.
 */
export function measureLayout(el: HTMLElement) {
  const frame = el.appendChild(document.createElement('div'));
  frame.className = 'measure-layout';
  const box = frame.appendChild(document.createElement('div'));
  box.className = 'measure-badge';
  const value = box.appendChild(document.createElement('span'));
  value.className = 'measure-badge__value';
  value.dataset.testid = 'measure-value';
  const status = box.appendChild(document.createElement('span'));
  status.className = 'measure-badge__status';
  status.dataset.testid = 'measure-status';
  status.hidden = true;
  const chartEl = frame.appendChild(document.createElement('div'));
  chartEl.className = 'measure-chart';
  const caption = frame.appendChild(document.createElement('p'));
  caption.className = 'measure-caption';
  caption.dataset.testid = 'measure-caption';
  caption.hidden = true;
  return {
    /** Where the chart goes. */
    chartEl,
    value(text: string) {
      value.textContent = text;
    },
    status(text: string | null) {
      status.textContent = text ?? '';
      status.hidden = !text;
    },
    caption(text: string | null) {
      caption.textContent = text ?? '';
      caption.hidden = !text;
    },
    remove() {
      frame.remove();
    },
  };
}

/** "0.4123 bits" */
export function formatValue(v: number, units: string): string {
  return Number.isFinite(v) ? `${v.toFixed(Math.abs(v) >= 100 ? 1 : 4)} ${units}` : `– ${units}`;
}

/**
 * A symmetric colour domain ±q for local values, q the `quantile` of |v| over the finite values:
 * rare extreme locals (a surprising step can be −5 bits) would otherwise wash out the rest.
 */
export function robustSymmetricDomain(values: Float64Array, quantile = 0.99): [number, number] {
  const abs = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) abs[n++] = Math.abs(v);
  if (n === 0) return [-1, 1];
  const a = abs.subarray(0, n);
  const q = selectKth(a, Math.min(n - 1, Math.floor(quantile * n))) || 1;
  // A short colour bar has a two-tick axis; d3 puts them at ±step only where its 1-2-5 step is
  // ≤ q, i.e. for mantissas in [1, √2), [2, √10), [5, √50): trim q down into the nearest one.
  const p = 10 ** Math.floor(Math.log10(q));
  const m = q / p;
  const nice = p * (m < Math.SQRT2 ? m : m < 2 ? 1.4 : m < Math.sqrt(10) ? m : m < 5 ? 3.1 : m < Math.sqrt(50) ? m : 7);
  return [-nice, nice];
}

/** What an information panel type adds to {@link measureView}. */
export interface MeasureViewParts<C extends PanelView['chart']> {
  defaultMeasure: MeasureName;
  /** The chart, in `host` (settings null: no node bound). */
  chart(host: HTMLElement, s: MeasureSettings | null): C;
  /** Fields of the request besides the settings' (locals, units). */
  request: Partial<MeasureRequest>;
  /** Draws a reply; returns the read-out text. */
  show(r: MeasureOk, chart: C, s: MeasureSettings): string;
  /** The sentence under the chart (units: "bits" or "nats"). */
  caption(s: MeasureSettings, units: string): string;
  /** Forgets what was drawn (the run was reset). */
  clear(chart: C, s: MeasureSettings): void;
  /** Also when the panel goes away. */
  destroy?(s: MeasureSettings): void;
}

/**
 * The view of an information panel: a read-out strip over its chart, the bound probes retained
 * in the engine and measured there every refresh (measureFetcher), the replies drawn by `parts`.
 */
export function measureView<C extends PanelView['chart']>(el: HTMLElement, config: PanelConfig, ctx: PanelContext, parts: MeasureViewParts<C>): PanelView {
  const s = measureSettings(config, ctx, parts.defaultMeasure);
  const layout = measureLayout(el);
  const chart = parts.chart(layout.chartEl, s);
  if (s) layout.caption(parts.caption(s, unitsName(s.spec)));
  const fetcher =
    s &&
    measureFetcher(ctx, {
      key: config.id,
      settings: s,
      request: () => requestOf(s, parts.request),
      onReply(r) {
        layout.value(parts.show(r, chart, s));
        layout.chartEl.dataset.measureMs = r.elapsedMs.toFixed(2);
      },
      onStatus: layout.status,
      onReset() {
        parts.clear(chart, s);
        layout.value('');
      },
    });
  return {
    chart,
    draw: (event) => (fetcher ? fetcher.draw(event) : chart.update(null)),
    destroy() {
      fetcher?.destroy();
      if (s) parts.destroy?.(s);
      layout.remove();
      chart.destroy();
    },
  };
}
