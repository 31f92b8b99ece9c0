/**
 * Bringing a panel card into view: the panels list scrolls (only the list, never the page) until
 * the card is wholly visible, and the card flashes once so the eye finds it.
 */

/** How long the card's highlight lasts, in ms (panels.css animates it). */
const FLASH_MS = 1600;

/** The scroll offset that shows `card` wholly in `list`, moving as little as possible. */
export function scrollTopToShow(listTop: number, listHeight: number, scrollTop: number, cardTop: number, cardHeight: number): number {
  const top = cardTop - listTop + scrollTop;
  const bottom = top + cardHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + listHeight) return Math.min(top, bottom - listHeight);
  return scrollTop;
}

/**
 * Scrolls the card of panel `id` into view in its list and flashes it (after the next frame, so a
 * panel just added is there). While it flashes, a card or list that changes size (a chart laid out
 * after its first data, the panels region resized) is brought into view again.
 */
export function revealPanel(id: string): void {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-panel-id="${CSS.escape(id)}"]`);
    const list = card?.closest<HTMLElement>('.panels__list');
    if (!card || !list) return;
    const show = (behavior: ScrollBehavior) => {
      const l = list.getBoundingClientRect();
      const c = card.getBoundingClientRect();
      const top = scrollTopToShow(l.top, list.clientHeight, list.scrollTop, c.top, c.height);
      if (top !== list.scrollTop) list.scrollTo({ top, behavior });
    };
    show('smooth');
    if (typeof ResizeObserver === 'function') {
      let initial = true; // an observer reports every element once when it starts: not a change
      const resized = new ResizeObserver(() => {
        if (initial) initial = false;
        else show('auto');
      });
      resized.observe(list);
      for (const child of Array.from(list.children)) resized.observe(child);
      setTimeout(() => resized.disconnect(), FLASH_MS);
    }
    card.classList.remove('panel-card--flash');
    void card.offsetWidth; // restart the animation
    card.classList.add('panel-card--flash');
    setTimeout(() => card.classList.remove('panel-card--flash'), FLASH_MS);
  });
}
