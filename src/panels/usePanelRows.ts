/**
 * The rows of the panels list: as many rows as fit at their least height (`--panel-row`) share the
 * visible height (`--panel-row-fit` on the list, which the cards take as their least height), so a
 * card is never squeezed below a readable size; the others scroll. And which cards are out of the
 * visible rows: those mostly (more than half their height) above or below, by id in order.
 * Recomputed when the list scrolls or changes size and when panels come and go.
 */
import { useEffect, useState, type RefObject } from 'react';

export interface HiddenPanels {
  above: string[];
  below: string[];
}

const NONE: HiddenPanels = { above: [], below: [] };

/** The cards (by id and vertical extent) outside the window [top, bottom] by more than half. */
export function hiddenOf(cards: { id: string; top: number; bottom: number }[], top: number, bottom: number): HiddenPanels {
  const above: string[] = [];
  const below: string[] = [];
  for (const c of cards) {
    const mid = (c.top + c.bottom) / 2;
    if (mid < top) above.push(c.id);
    else if (mid > bottom) below.push(c.id);
  }
  return above.length + below.length === 0 ? NONE : { above, below };
}

/** The height of each visible row: as many rows of at least `least` px as fit in `height` px (one at least). */
export function rowHeight(height: number, least: number, gap: number): number {
  const rows = Math.max(1, Math.floor((height + gap) / (least + gap)));
  return Math.floor((height - gap * (rows - 1)) / rows);
}

export function usePanelRows(list: RefObject<HTMLElement | null>, count: number): HiddenPanels {
  const [hidden, setHidden] = useState<HiddenPanels>(NONE);
  useEffect(() => {
    const el = list.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const style = getComputedStyle(el);
      const inner = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const fit = `${rowHeight(inner, parseFloat(style.getPropertyValue('--panel-row')) || 200, parseFloat(style.rowGap) || 0)}px`;
      if (el.style.getPropertyValue('--panel-row-fit') !== fit) el.style.setProperty('--panel-row-fit', fit);
      const box = el.getBoundingClientRect();
      const cards = [...el.querySelectorAll<HTMLElement>(':scope > [data-panel-id]')].map((c) => {
        const r = c.getBoundingClientRect();
        return { id: c.dataset.panelId!, top: r.top, bottom: r.bottom };
      });
      const next = hiddenOf(cards, box.top, box.bottom);
      setHidden((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    const schedule = () => void (frame ||= requestAnimationFrame(measure));
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    el.querySelectorAll(':scope > [data-panel-id]').forEach((c) => observer.observe(c));
    el.addEventListener('scroll', schedule, { passive: true });
    schedule();
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', schedule);
      cancelAnimationFrame(frame);
    };
  }, [list, count]);
  return hidden;
}
