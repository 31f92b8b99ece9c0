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

/** Scrolls the card of panel `id` into view in its list and flashes it (after the next frame, so a panel just added is there). */
export function revealPanel(id: string): void {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-panel-id="${CSS.escape(id)}"]`);
    const list = card?.closest<HTMLElement>('.panels__list');
    if (!card || !list) return;
    const l = list.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    list.scrollTo({ top: scrollTopToShow(l.top, list.clientHeight, list.scrollTop, c.top, c.height), behavior: 'smooth' });
    card.classList.remove('panel-card--flash');
    void card.offsetWidth; // restart the animation
    card.classList.add('panel-card--flash');
    setTimeout(() => card.classList.remove('panel-card--flash'), FLASH_MS);
  });
}
