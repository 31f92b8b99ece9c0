/**
 * The form API of an inspector: commits go through the command table (a typed value or a key
 * step is one undo step, a scrub is one per drag); a value whose own field breaks a rule is
 * refused and its message shown inline, while problems elsewhere (a rule between two fields)
 * are shown but do not block the edit that would fix them.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { ValidationIssue } from '../../model/index.ts';
import { useStores } from '../../store/index.ts';
import { setIn } from './schemaFields.ts';
import type { FormApi } from './SchemaForm.tsx';
import type { CommitMode } from './NumberField.tsx';

const within = (issuePath: string, path: string) => issuePath === path || issuePath.startsWith(`${path}.`) || issuePath.startsWith(`${path}[`);

export interface FormOwner<T> {
  value: T;
  /** Problems of a candidate value, paths relative to it. */
  validate(value: T): ValidationIssue[];
  /** Commits a value (one step, or part of the scrub gesture named by `gestureKey`). */
  commit(value: T, gestureKey: string | null): void;
}

export function useFormApi<T extends Record<string, unknown>>({ value, validate, commit }: FormOwner<T>): FormApi {
  const idPrefix = useId().replace(/:/g, '');
  const { docs } = useStores();
  // A refused value's messages hold while the value they were refused against is the one shown:
  // an undo, a load or another edit makes them stale, and they go.
  const [refusedFor, setRefused] = useState<{ base: T; issues: ValidationIssue[] } | null>(null);
  const refused = refusedFor?.base === value ? refusedFor.issues : [];
  const scrubKey = useRef<string | null>(null);
  const current = useMemo(() => validate(value), [validate, value]);
  return {
    idPrefix,
    issuesAt: (path) => [...refused, ...current].filter((i) => within(i.path, path)).map((i) => i.message).filter((m, k, all) => all.indexOf(m) === k),
    commit(path, v, mode: CommitMode) {
      const next = setIn(value, path, v) as T;
      const own = validate(next).filter((i) => within(i.path, path.join('.')));
      if (own.length > 0) {
        setRefused({ base: value, issues: own });
        return false;
      }
      setRefused(null);
      let key: string | null = null;
      if (mode === 'scrub') {
        key = scrubKey.current ??= `scrub:${idPrefix}:${path.join('.')}:${Date.now()}`;
      }
      commit(next, key);
      return true;
    },
    scrubEnd() {
      scrubKey.current = null;
      docs.getState().endGesture();
    },
  };
}
