/**
 * Declarative "try this" checks: small predicates over the open document and the trace the
 * run recorded since the document last changed. They are data (see lessonChecks.ts), evaluated
 * here; nothing from a lesson's text is ever run as code.
 *
 * A `ref` names a value in the document as `ID.path`, where ID is a node's or an edge's id and
 * the path goes into it, e.g. `x.params.leak`, `self.params.weight.value`,
 * `w.params.weight.values.0.1` (array indices as numbers).
 */

/** How a number (or an exact value) is compared. `≈` holds when |a − value| ≤ tol. */
export type Comparison =
  | { op: '<' | '<=' | '>' | '>='; value: number }
  | { op: '≈'; value: number; tol?: number }
  | { op: '='; value: number | string | boolean };

/** A statistic of a trace over its last `last` steps (default: all recorded since the last change). */
export type TraceStat = 'final' | 'min' | 'max' | 'mean' | 'range' | 'absMax';

export type Predicate =
  /** A document value compared. */
  | ({ ref: string } & Comparison)
  /** No node or edge with this id exists (it was removed). */
  | { missing: string }
  /** A statistic of a probe's trace; `unit` (default 0) or "all" units must satisfy it. */
  | ({ trace: string; stat: TraceStat; unit?: number | 'all'; last?: number; minSteps?: number; abs?: boolean } & Comparison)
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
  return compare(resolveRef(ctx.doc, p.ref), p);
}
