/** A drag handle on a card's right edge: resizes the card while dragging (its flex basis, no React render), saves on release. */
import { useEffect, useState, type RefObject } from 'react';

const MIN = 260;
const MAX = 1600;

export function ResizeHandle({ target, onDone }: { target: RefObject<HTMLElement | null>; onDone(width: number): void }) {
  const clamp = (w: number) => Math.round(Math.max(MIN, Math.min(MAX, w)));
  /** The card's width now, for assistive technology. */
  const [now, setNow] = useState(MIN);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setNow(Math.round(el.getBoundingClientRect().width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [target]);
  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize panel (arrow keys)"
      aria-valuenow={now}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuetext={`${now} pixels wide`}
      tabIndex={0}
      onPointerDown={(e) => {
        const el = target.current;
        if (!el) return;
        const handle = e.currentTarget;
        handle.setPointerCapture(e.pointerId);
        const start = e.clientX;
        const width = el.getBoundingClientRect().width;
        const move = (m: PointerEvent) => {
          el.style.flex = `0 1 ${clamp(width + m.clientX - start)}px`;
          el.style.maxWidth = '100%';
        };
        const up = (u: PointerEvent) => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
          onDone(clamp(width + u.clientX - start));
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        const el = target.current;
        if (!el || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        onDone(clamp(el.getBoundingClientRect().width + (e.key === 'ArrowRight' ? 40 : -40)));
      }}
    />
  );
}
