/**
 * A drag handle on the top edge of the panels region: drag (or arrow keys) to give the panels
 * more or less of the window's height. The height is the app grid's `--panels-height` and is
 * remembered in localStorage.
 */
import { useEffect, useRef } from 'react';

export const PANELS_HEIGHT_KEY = 'recurrence.panelsHeight';
const MIN = 160;
const STEP = 40;

function layoutOf(el: HTMLElement | null): HTMLElement | null {
  return el?.closest<HTMLElement>('.app-layout') ?? null;
}

function clamp(px: number): number {
  return Math.round(Math.max(MIN, Math.min(window.innerHeight - 160, px)));
}

function apply(layout: HTMLElement | null, px: number): void {
  layout?.style.setProperty('--panels-height', `${px}px`);
}

function save(px: number): void {
  try {
    localStorage.setItem(PANELS_HEIGHT_KEY, String(px));
  } catch {
    // storage unavailable (private mode): the height lasts for this page only
  }
}

export function PanelsHeightHandle() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let stored: number;
    try {
      stored = Number(localStorage.getItem(PANELS_HEIGHT_KEY));
    } catch {
      stored = 0;
    }
    if (stored > 0) apply(layoutOf(ref.current), clamp(stored));
  }, []);
  const region = () => ref.current?.closest<HTMLElement>('.app-layout__panels') ?? null;
  return (
    <div
      ref={ref}
      className="panels__height-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the panels region (arrow keys)"
      tabIndex={0}
      data-testid="panels-height-handle"
      onPointerDown={(e) => {
        const panels = region();
        if (!panels) return;
        const handle = e.currentTarget;
        handle.setPointerCapture(e.pointerId);
        const startY = e.clientY;
        const start = panels.getBoundingClientRect().height;
        const layout = layoutOf(handle);
        const height = (m: PointerEvent) => clamp(start - (m.clientY - startY));
        const move = (m: PointerEvent) => apply(layout, height(m));
        const up = (u: PointerEvent) => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
          save(height(u));
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        const panels = region();
        if (!panels || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        const px = clamp(panels.getBoundingClientRect().height + (e.key === 'ArrowUp' ? STEP : -STEP));
        apply(layoutOf(e.currentTarget), px);
        save(px);
      }}
    />
  );
}
