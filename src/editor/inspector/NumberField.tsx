/**
 * A number field: type a value (Enter or leaving the field commits), ↑/↓ step it (Shift ×10,
 * Alt ×0.1), or drag the ⇔ grip sideways to scrub it — a whole scrub is one undo step.
 * Stepping and scrubbing stay within the field's bounds.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { withinBounds } from '../../model/index.ts';
import { stepFor, tidy, type NumberInfo } from './schemaFields.ts';

export type CommitMode = 'step' | 'scrub';

export interface NumberFieldProps {
  id: string;
  value: number | undefined;
  meta: NumberInfo;
  optional: boolean;
  /** The value used for stepping when the field is empty. */
  fallback?: number;
  /** Returns false when the value was refused (the field keeps the typed text). */
  onCommit(value: number | undefined, mode: CommitMode): boolean;
  onScrubEnd(): void;
  onLocalError(message: string | null): void;
  invalid: boolean;
  describedBy?: string;
  label: string;
  /** The input's accessible name, when no <label> points at it. */
  ariaLabel?: string;
}

/** Moves v by `delta` steps, staying inside the bounds (null when no such value exists). */
export function stepWithin(v: number, delta: number, step: number, meta: NumberInfo): number | null {
  let next = tidy(v + delta * step, step);
  if (meta.int) next = Math.round(next);
  if (meta.min !== undefined && next < meta.min) next = meta.min;
  if (meta.max !== undefined && next > meta.max) next = meta.max;
  if (meta.gt !== undefined && next <= meta.gt) next = tidy(meta.gt + step, step);
  if (meta.lt !== undefined && next >= meta.lt) next = tidy(meta.lt - step, step);
  return withinBounds(next, meta) ? next : null;
}

/** Pixels of pointer travel per step while scrubbing. */
const PX_PER_STEP = 4;

export function NumberField({ id, value, meta, optional, fallback, onCommit, onScrubEnd, onLocalError, invalid, describedBy, label, ariaLabel }: NumberFieldProps) {
  // What the user typed, held while the value it was typed over is still the one shown (an undo or
  // another edit of the value replaces it, so the field never shows a stale text).
  const [typed, setTyped] = useState<{ text: string; over: number | undefined } | null>(null);
  const draft = typed && typed.over === value ? typed.text : null;
  const setDraft = (text: string | null) => setTyped(text === null ? null : { text, over: value });
  const scrub = useRef<{ x: number; v: number; step: number; last: number } | null>(null);
  const text = draft ?? (value === undefined ? '' : String(value));
  const base = value ?? fallback ?? 0;

  const commitText = () => {
    if (draft === null) return;
    const t = draft.trim();
    if (t === '' && optional) {
      if (onCommit(undefined, 'step')) setDraft(null);
      return;
    }
    const n = Number(t);
    if (t === '' || !Number.isFinite(n)) {
      onLocalError('must be a number');
      return;
    }
    onLocalError(null);
    if (onCommit(n, 'step')) setDraft(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitText();
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      onLocalError(null);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const mult = e.shiftKey ? 10 : e.altKey ? 0.1 : 1;
      const next = stepWithin(base, e.key === 'ArrowUp' ? mult : -mult, stepFor(meta, base), meta);
      if (next !== null && onCommit(next, 'step')) setDraft(null);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    scrub.current = { x: e.clientX, v: base, step: stepFor(meta, base), last: base };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    const s = scrub.current;
    if (!s) return;
    const next = stepWithin(s.v, Math.round((e.clientX - s.x) / PX_PER_STEP), s.step, meta);
    if (next === null || next === s.last) return;
    s.last = next;
    setDraft(null);
    onCommit(next, 'scrub');
  };
  const onPointerUp = () => {
    if (!scrub.current) return;
    scrub.current = null;
    onScrubEnd();
  };

  return (
    <span className="number-field">
      <input
        id={id}
        className="field__input number-field__input"
        type="text"
        inputMode="decimal"
        role="spinbutton"
        aria-label={ariaLabel}
        aria-valuenow={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={text}
        placeholder={optional ? '—' : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commitText}
        onKeyDown={onKeyDown}
      />
      <span
        className="number-field__grip"
        role="presentation"
        title={`Drag sideways to change ${label}`}
        data-testid={`scrub-${id}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        ⇔
      </span>
    </span>
  );
}
