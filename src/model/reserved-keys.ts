/**
 * Keys that name JavaScript's object machinery: `__proto__`, `constructor` and `prototype`.
 * `JSON.parse` makes them ordinary own keys, but spreading, `Object.assign` or a schema's record
 * output treats `__proto__` as the object's prototype (the key vanishes, or worse, pollutes).
 * No field of a document has such a name, so wherever one occurs it is an unknown field, reported
 * with its JSON path before any schema reads the value.
 */
import { formatPath, type PathSegment, type ValidationIssue } from './issues.ts';

export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Every own key of `raw`, at any depth, named like the object machinery, as unknown-field issues (document order). */
export function reservedKeyIssues(raw: unknown, prefix: readonly PathSegment[] = [], limit = 50): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (typeof value !== 'object' || value === null || out.length >= limit) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.includes(key)) out.push({ path: formatPath([...path, key]), message: 'unknown field' });
      else visit((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(raw, [...prefix]);
  return out.slice(0, limit);
}
