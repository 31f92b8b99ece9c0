/**
 * A drag handle between two regions of the page (the panels' top edge, the course drawer's left
 * edge): drag it, or focus it and use the arrow keys, to give one region more room. The size is
 * a CSS length the caller applies (a custom property on the layout) and is remembered in
 * localStorage under `storageKey`.
 */
import { useEffect, useRef, useState } from 'react';

export interface SplitterProps {
  /** Which way the handle moves: 'x' (a vertical bar, dragged sideways) or 'y'. */
  axis: 'x' | 'y';
  /** +1 when moving the handle right/down grows the region, −1 when it shrinks it. */
  grows: 1 | -1;
  label: string;
  storageKey: string;
  /** The region's size now, in px. */
  size(handle: HTMLElement): number;
  /** Applies a size (already within the bounds). */
  apply(handle: HTMLElement, px: number): void;
  /** Least and largest size, px (the largest may depend on the window). */
  min: number;
  max(): number;
  className?: string;
  testId?: string;
}

/** Pixels one arrow key press moves the handle. */
const STEP = 40;

function load(key: string): number {
  try {
    return Number(localStorage.getItem(key)) || 0;
  } catch {
    return 0;
  }
}

function save(key: string, px: number): void {
  try {
    localStorage.setItem(key, String(Math.round(px)));
  } catch {
    // storage unavailable (private mode): the size lasts for this page only
  }
}

export function Splitter({ axis, grows, label, storageKey, size, apply, min, max, className, testId }: SplitterProps) {
  const ref = useRef<HTMLDivElement>(null);
  /** The size now, for assistive technology (aria-valuenow). */
  const [now, setNow] = useState(min);
  const clamp = (px: number) => Math.round(Math.max(min, Math.min(max(), px)));
  const set = (handle: HTMLElement, px: number) => {
    apply(handle, px);
    setNow(px);
  };
  // Restore the remembered size once (an effect: the layout it sizes exists by then).
  const restore = useRef({ storageKey, set, clamp, size });
  useEffect(() => {
    const { storageKey: key, set: resize, clamp: limit, size: measure } = restore.current;
    const handle = ref.current;
    if (!handle) return;
    const stored = load(key);
    if (stored > 0) resize(handle, limit(stored));
    else setNow(Math.round(measure(handle)));
  }, []);
  const coordinate = (e: { clientX: number; clientY: number }) => (axis === 'x' ? e.clientX : e.clientY);
  return (
    <div
      ref={ref}
      className={className}
      role="separator"
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-label={`${label} (arrow keys)`}
      aria-valuenow={now}
      aria-valuemin={min}
      aria-valuemax={Math.max(min, Math.round(max()))}
      aria-valuetext={`${now} pixels`}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        const handle = e.currentTarget;
        handle.setPointerCapture(e.pointerId);
        const start = coordinate(e);
        const startSize = size(handle);
        const next = (m: PointerEvent) => clamp(startSize + grows * (coordinate(m) - start));
        const move = (m: PointerEvent) => set(handle, next(m));
        const up = (u: PointerEvent) => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
          save(storageKey, next(u));
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        const keys = axis === 'x' ? { ArrowLeft: -1, ArrowRight: 1 } : { ArrowUp: -1, ArrowDown: 1 };
        const dir = keys[e.key as keyof typeof keys];
        if (!dir) return;
        e.preventDefault();
        const handle = e.currentTarget;
        const px = clamp(size(handle) + grows * dir * STEP);
        set(handle, px);
        save(storageKey, px);
      }}
    />
  );
}
