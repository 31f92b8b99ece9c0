/**
 * Small zod builders shared by every kind schema: numbers with bounds whose error messages
 * read like "must be in (0, 1]", and per-unit values (a scalar or one value per unit).
 */
import { z } from 'zod';

export interface Bounds {
  /** Inclusive lower bound. */
  min?: number;
  /** Exclusive lower bound. */
  gt?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Exclusive upper bound. */
  lt?: number;
  /** Whole numbers only. */
  int?: boolean;
}

/** Human text of a bound set: "in (0, 1]", "≥ 0", "an integer ≥ 1". */
export function describeBounds(b: Bounds): string {
  const lo = b.gt !== undefined ? { v: b.gt, open: true } : b.min !== undefined ? { v: b.min, open: false } : null;
  const hi = b.lt !== undefined ? { v: b.lt, open: true } : b.max !== undefined ? { v: b.max, open: false } : null;
  const kind = b.int ? 'an integer' : 'a number';
  if (lo && hi) return `${b.int ? 'an integer ' : ''}in ${lo.open ? '(' : '['}${lo.v}, ${hi.v}${hi.open ? ')' : ']'}`;
  if (lo) return `${kind} ${lo.open ? '>' : '≥'} ${lo.v}`;
  if (hi) return `${kind} ${hi.open ? '<' : '≤'} ${hi.v}`;
  return kind;
}

export function withinBounds(v: number, b: Bounds): boolean {
  if (b.int && !Number.isInteger(v)) return false;
  if (b.min !== undefined && !(v >= b.min)) return false;
  if (b.gt !== undefined && !(v > b.gt)) return false;
  if (b.max !== undefined && !(v <= b.max)) return false;
  if (b.lt !== undefined && !(v < b.lt)) return false;
  return true;
}

export interface NumberMeta extends Bounds {
  /** Unit shown in the inspector and the README, e.g. "ms", "mV", "steps". */
  unit?: string;
  description?: string;
  /**
   * What a picker calls this number where it is one choice beside rule objects (an edge's
   * connectivity: "independent", beside the connection rules).
   */
  choice?: string;
}

/** A finite number within bounds; the message says the rule ("must be in (0, 1]"). */
export function num(meta: NumberMeta = {}) {
  const rule = describeBounds(meta);
  return z
    .number()
    .refine((v) => withinBounds(v, meta), { message: `must be ${rule}` })
    .meta({ ...meta, rule });
}

/** A whole number within bounds. */
export function int(meta: NumberMeta = {}) {
  return num({ ...meta, int: true });
}

/** One value for every unit, or a single value shared by all units. */
export function perUnit(meta: NumberMeta = {}) {
  return z.union([num(meta), z.array(num(meta)).min(1)]);
}
export type PerUnit = number | number[];

/** A non-empty identifier usable in probe names (`ID`, `ID.VAR`, `ID[i]`). */
export const identifier = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/, {
    message: 'must start with a letter, digit or _ and contain only letters, digits, _ and -',
  });
