/**
 * Whether an element is narrower than `px` CSS pixels, followed as it resizes (a region's width
 * depends on the window and on which sides are open, so a media query on the window cannot say).
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useNarrower(ref: RefObject<HTMLElement | null>, px: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setNarrow(el.getBoundingClientRect().width < px));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, px]);
  return narrow;
}
