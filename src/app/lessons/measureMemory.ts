/**
 * The measurements lesson checks read: while a lesson with `measured` checks is open, the engine
 * estimates each quantity (in the worker, like the information panels) about once a second on
 * the steps run since the network last changed, and every value is remembered with the document
 * it was measured on. A value counts only when its whole window was run after the change plus
 * the quantity's washout, on the document that is still open. The memory is forgotten when a
 * network is opened or reseeded (another network), not when a parameter changes: "AIS at
 * ρ = 0.95, then at ρ = 1.25" needs both.
 */
import type { MeasureReply, MeasureRequest } from '../../engine/worker/protocol.ts';
import { unitsOf } from '../../common/estimator-units.ts';
import type { AppStores } from '../../store/index.ts';
import type { LessonMeasurementsStore } from '../../store/lessonMeasurements.ts';
import { sameNetwork, type MeasuredQuantity, type Measurement } from './checks.ts';
import type { TraceSince } from './traceSince.ts';

/** Least time between two requests of one quantity, in ms. */
export const MEASURE_INTERVAL = 1000;
/** Values remembered per quantity (the oldest are dropped). */
export const MEASURE_HISTORY = 50;

/** A stable name of a quantity. */
export function quantityKey(q: MeasuredQuantity): string {
  return `${q.measure}(${q.probe}) ${q.estimator} k=${q.k} units=${q.units.join(',')} window=${q.window} washout=${q.washout}`;
}

const NAMES: Record<MeasuredQuantity['measure'], string> = { ais: 'AIS', entropy: 'entropy', 'entropy-rate': 'entropy rate' };

/** "AIS (nats)" */
export function shortLabel(q: MeasuredQuantity): string {
  return `${NAMES[q.measure]} (${unitsOf(q.estimator)})`;
}

/** "mean AIS of res units 0–7 (KSG, k = 2, 1,000 steps), nats" */
export function describeQuantity(q: MeasuredQuantity): string {
  const name = NAMES[q.measure];
  const units = q.units.length > 1 && q.units.every((u, i) => i === 0 || u === q.units[i - 1] + 1) ? `units ${q.units[0]}–${q.units.at(-1)}` : `unit${q.units.length > 1 ? 's' : ''} ${q.units.join(', ')}`;
  const estimator = { ksg: 'KSG', gaussian: 'Gaussian', discrete: 'discrete' }[q.estimator];
  return `mean ${name} of ${q.probe} ${units} (${estimator}, k = ${q.k}, ${q.window.toLocaleString('en')} steps), ${unitsOf(q.estimator)}`;
}

/** The engine request that measures a quantity. */
export function requestOf(q: MeasuredQuantity): MeasureRequest {
  return { probe: q.probe, window: q.window, units: q.units, spec: { measure: q.measure, estimator: q.estimator, k: q.k, neighbours: 4 }, locals: false };
}

export interface MemorySources {
  /** Steps taken since reset, as far as the page has drawn. */
  t(): number;
  /** The step the network last changed at (0 after a reset). */
  changedAt(): number;
  doc(): unknown;
  retain(probe: string, window: number): () => void;
  measure(key: string, request: MeasureRequest): Promise<MeasureReply | null>;
  now(): number;
}

export interface MeasureMemory {
  /** Asks for the quantities that are due (call it often; it rate-limits itself). */
  poll(): void;
  measurements(q: MeasuredQuantity): readonly Measurement[];
  /** Forgets every value (another network). */
  clear(): void;
  dispose(): void;
}

/** `store` keeps the measurements so far, by quantity key (the UI shows them beside the steps). */
export function createMeasureMemory(quantities: readonly MeasuredQuantity[], src: MemorySources, store: LessonMeasurementsStore): MeasureMemory {
  const distinct = [...new Map(quantities.map((q) => [quantityKey(q), q])).entries()];
  const releases = distinct.map(([, q]) => src.retain(q.probe, q.window));
  const state = new Map(distinct.map(([key]) => [key, { busy: false, last: -Infinity, lastT: -1 }]));
  let epoch = 0;
  let disposed = false;
  store.setState({ byKey: {} });

  function remember(key: string, m: Measurement): void {
    const list = [...(store.getState().byKey[key] ?? []), m].slice(-MEASURE_HISTORY);
    store.setState((s) => ({ byKey: { ...s.byKey, [key]: list } }));
  }

  function ask(key: string, q: MeasuredQuantity): void {
    const s = state.get(key)!;
    const t = src.t();
    if (s.busy || t === s.lastT || t - src.changedAt() < q.washout + q.window || src.now() - s.last < MEASURE_INTERVAL) return;
    s.busy = true;
    s.last = src.now();
    s.lastT = t;
    const doc = src.doc();
    const asked = epoch;
    void src
      .measure(`lesson-check ${key}`, requestOf(q))
      .then((reply) => {
        const current = !disposed && asked === epoch && sameNetwork(src.doc(), doc);
        const settled = reply?.ok && reply.steps === q.window && reply.firstStep > src.changedAt() + q.washout;
        if (current && settled && Number.isFinite(reply.mean)) remember(key, { doc, value: reply.mean });
      })
      .catch(() => undefined)
      .finally(() => {
        s.busy = false;
      });
  }

  return {
    poll() {
      if (!disposed) for (const [key, q] of distinct) ask(key, q);
    },
    measurements: (q) => store.getState().byKey[quantityKey(q)] ?? [],
    clear() {
      epoch++;
      store.setState({ byKey: {} });
    },
    dispose() {
      disposed = true;
      for (const release of releases) release();
    },
  };
}

/** The memory of the open lesson, fed by the app's engine; forgets when another network opens or the seed changes. */
export function liveMeasureMemory(stores: Pick<AppStores, 'docs' | 'sim' | 'lessonMeasurements'>, quantities: readonly MeasuredQuantity[], since: TraceSince): MeasureMemory {
  const sim = () => stores.sim.getState();
  const memory = createMeasureMemory(
    quantities,
    {
      t: () => stores.sim.live.t,
      changedAt: since.changedAt,
      doc: () => stores.docs.getState().doc,
      retain: (probe, window) => sim().retain(probe, window),
      measure: (key, request) => sim().measure(key, request),
      now: () => performance.now(),
    },
    stores.lessonMeasurements,
  );
  const unsubscribe = stores.docs.subscribe((s, prev) => {
    if (s.loadCount !== prev.loadCount || s.doc.seed !== prev.doc.seed) memory.clear();
  });
  return {
    ...memory,
    dispose() {
      unsubscribe();
      memory.dispose();
    },
  };
}
