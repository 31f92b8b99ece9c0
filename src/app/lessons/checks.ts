/**
 * Declarative "try this" checks: small predicates over the open document and the trace the
 * run recorded since the document last changed. They are data (see lessonChecks.ts), evaluated
 * here; nothing from a lesson's text is ever run as code.
 *
 * A `ref` names a value in the document as `ID.path`, where ID is a node's or an edge's id and
 * the path goes into it, e.g. `x.params.leak`, `self.params.weight.value`,
 * `w.params.weight.values.0.1` (array indices as numbers).
 *
 * A `measured` value is an information measure the engine estimated on the running network
 * (see measureMemory.ts); each one is remembered with the document it was measured on, so a
 * check can compare values taken at different settings ("AIS at ρ = 1.25 is ten times AIS at
 * ρ = 0.95").
 */
import type { EstimatorName } from '../../measures/index.ts';
import type { Measurement } from '../../store/lessonMeasurements.ts';

/** How a number (or an exact value) is compared. `≈` holds when |a − value| ≤ tol. */
export type Comparison =
  | { op: '<' | '<=' | '>' | '>='; value: number }
  | { op: '≈'; value: number; tol?: number }
  | { op: '='; value: number | string | boolean };

/** A statistic of a trace over its last `last` steps (default: all recorded since the last change). */
export type TraceStat = 'final' | 'min' | 'max' | 'mean' | 'range' | 'absMax';

/**
 * An information measure of a probe that the engine estimates on the steps run since the last
 * change: the mean over `units` of each unit's average (measures/windowed.ts).
 */
export interface MeasuredQuantity {
  measure: 'ais' | 'entropy' | 'entropy-rate';
  probe: string;
  estimator: EstimatorName;
  /** History length k. */
  k: number;
  units: number[];
  /** Steps measured: the last `window` steps, all run after `washout` steps since the last change. */
  window: number;
  /** Steps after a change (or a reset) that are never measured: the transient. */
  washout: number;
}

/**
 * A measured value: the newest one taken on the open document, or with `while`, the newest one
 * taken while the document satisfied `while` (a predicate over the document alone), remembered
 * across later changes. `label` names it for the student ("ρ = 0.95").
 */
export interface Measured {
  measured: MeasuredQuantity;
  while?: Predicate;
  label?: string;
}

/** One value the engine measured, with the document it was measured on. */
export type { Measurement };

/**
 * A result of one of the app's tasks on the open network (Train, Memory capacity): a readout's
 * NRMSE or accuracy (binary targets), or a node's memory capacity. Undecided until the task has
 * run on this very network.
 */
export type TaskQuantity = { task: 'nrmse_test' | 'nrmse_train' | 'accuracy_test' | 'accuracy_train'; readout: string } | { task: 'memory-capacity'; node: string };

export type Predicate =
  /** A document value compared. */
  | ({ ref: string } & Comparison)
  /** No node or edge with this id exists (it was removed). */
  | { missing: string }
  /** A statistic of a probe's trace; `unit` (default 0) or "all" units must satisfy it. */
  | ({ trace: string; stat: TraceStat; unit?: number | 'all'; last?: number; minSteps?: number; abs?: boolean } & Comparison)
  /** A measured value compared. */
  | (Measured & Comparison)
  /** A task's result on the open network compared. */
  | (TaskQuantity & Comparison)
  /** The ratio of two measured values compared (undecided while the second is not positive). */
  | ({ ratio: [Measured, Measured] } & Comparison)
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

/** Samples of one probe: `count` rows of `width` values, oldest first. */
export interface TraceSamples {
  count: number;
  width: number;
  data: ArrayLike<number>;
}

export interface CheckContext {
  /** The open document (plain JSON). */
  doc: unknown;
  /** The probe's samples recorded since the document last changed, or null if none. */
  trace(probe: string): TraceSamples | null;
  /** The values measured of `q` since the network was opened, oldest first (absent: none). */
  measurements?(q: MeasuredQuantity): readonly Measurement[];
  /** The task result `q` on the open network, or null when the task has not run on it. */
  taskValue?(q: TaskQuantity): number | null;
}

/** true / false, or null when it cannot be decided yet (no run, too few steps). */
export type Verdict = boolean | null;

const DEFAULT_TOL = 1e-6;

/** Where `ref` points in the document: its value, or undefined. */
export function resolveRef(doc: unknown, ref: string): unknown {
  const [id, ...path] = ref.split('.');
  const d = doc as { nodes?: { id: string }[]; edges?: { id: string }[] } | null;
  const owner = d?.nodes?.find((n) => n.id === id) ?? d?.edges?.find((e) => e.id === id);
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), owner);
}

export function compare(actual: unknown, c: Comparison): boolean {
  if (c.op === '=') return actual === c.value;
  if (typeof actual !== 'number' || !Number.isFinite(actual)) return false;
  switch (c.op) {
    case '<':
      return actual < c.value;
    case '<=':
      return actual <= c.value;
    case '>':
      return actual > c.value;
    case '>=':
      return actual >= c.value;
    case '≈':
      return Math.abs(actual - c.value) <= (c.tol ?? DEFAULT_TOL);
  }
}

/** The statistic of unit `unit` over the last `last` rows. */
export function traceStat(s: TraceSamples, unit: number, stat: TraceStat, last = s.count, abs = false): number {
  const from = Math.max(0, s.count - last);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let absMax = 0;
  for (let r = from; r < s.count; r++) {
    const raw = s.data[r * s.width + unit];
    const v = abs ? Math.abs(raw) : raw;
    min = Math.min(min, v);
    max = Math.max(max, v);
    absMax = Math.max(absMax, Math.abs(v));
    sum += v;
  }
  const n = s.count - from;
  if (n <= 0) return NaN;
  const final = s.data[(s.count - 1) * s.width + unit];
  return { final: abs ? Math.abs(final) : final, min, max, mean: sum / n, range: max - min, absMax }[stat];
}

function evaluateTrace(p: Extract<Predicate, { trace: string }>, ctx: CheckContext): Verdict {
  const s = ctx.trace(p.trace);
  if (!s || s.count === 0 || s.count < (p.minSteps ?? 1)) return null;
  const units = p.unit === 'all' ? Array.from({ length: s.width }, (_, i) => i) : [p.unit ?? 0];
  if (units.some((u) => u >= s.width)) return false;
  return units.every((u) => compare(traceStat(s, u, p.stat, p.last, p.abs), p));
}

/** Whether two documents are the same network (a panel layout or a title does not count; nodes, edges and seed do). */
export function sameNetwork(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = a as { nodes?: unknown; edges?: unknown; seed?: unknown } | null;
  const y = b as typeof x;
  return !!x && !!y && x.nodes === y.nodes && x.edges === y.edges && x.seed === y.seed;
}

/** The value a `Measured` stands for, or null when it has not been measured (yet). */
export function measuredValue(m: Measured, ctx: CheckContext): number | null {
  const list = ctx.measurements?.(m.measured) ?? [];
  for (let i = list.length - 1; i >= 0; i--) {
    const { doc, value } = list[i];
    const applies = m.while ? evaluate(m.while, { doc, trace: () => null }) === true : sameNetwork(doc, ctx.doc);
    if (applies) return value;
  }
  return null;
}

function evaluateRatio(p: Extract<Predicate, { ratio: unknown }>, ctx: CheckContext): Verdict {
  const [a, b] = p.ratio.map((m) => measuredValue(m, ctx));
  if (a === null || b === null || !(b > 0)) return null;
  return compare(a / b, p);
}

/** Every measured value a predicate reads, in order. */
export function measuredIn(p: Predicate): Measured[] {
  if ('all' in p) return p.all.flatMap(measuredIn);
  if ('any' in p) return p.any.flatMap(measuredIn);
  if ('not' in p) return measuredIn(p.not);
  if ('ratio' in p) return [...p.ratio];
  if ('measured' in p) return [p];
  return [];
}

/** Every measured quantity a predicate needs. */
export function quantitiesIn(p: Predicate): MeasuredQuantity[] {
  return measuredIn(p).map((m) => m.measured);
}

/** Combines verdicts: false wins for "all", true wins for "any"; otherwise undecided is null. */
function combine(verdicts: Verdict[], mode: 'all' | 'any'): Verdict {
  const decisive = mode === 'all' ? false : true;
  if (verdicts.includes(decisive)) return decisive;
  return verdicts.includes(null) ? null : !decisive;
}

export function evaluate(p: Predicate, ctx: CheckContext): Verdict {
  if ('all' in p) return combine(p.all.map((q) => evaluate(q, ctx)), 'all');
  if ('any' in p) return combine(p.any.map((q) => evaluate(q, ctx)), 'any');
  if ('not' in p) {
    const v = evaluate(p.not, ctx);
    return v === null ? null : !v;
  }
  if ('missing' in p) return resolveRef(ctx.doc, p.missing) === undefined;
  if ('trace' in p) return evaluateTrace(p, ctx);
  if ('ratio' in p) return evaluateRatio(p, ctx);
  if ('measured' in p) {
    const v = measuredValue(p, ctx);
    return v === null ? null : compare(v, p);
  }
  if ('task' in p) {
    const v = ctx.taskValue?.(p) ?? null;
    return v === null ? null : compare(v, p);
  }
  return compare(resolveRef(ctx.doc, p.ref), p);
}

/** The steps whose check holds now and did not at the previous evaluation; `last` is updated. */
export function newlyHeld(checks: readonly [number, Predicate][], ctx: CheckContext, last: Map<number, Verdict>): number[] {
  const steps: number[] = [];
  for (const [step, predicate] of checks) {
    const verdict = evaluate(predicate, ctx);
    if (verdict === true && last.get(step) !== true) steps.push(step);
    last.set(step, verdict);
  }
  return steps;
}
