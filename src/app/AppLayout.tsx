/**
 * The page's named regions on a CSS grid (see app.css): header (toolbar) across the top; under it
 * the palette (left), the canvas over the panels (centre), the inspector (right) and, when open,
 * the course drawer. Each region is a landmark. With the course open the palette and inspector
 * fold to narrow rails of one button each, so the canvas keeps its room; a click on a rail (or on
 * a side's fold button) brings that side back, until the course is opened or closed again.
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useCourseStore } from '../store/index.ts';
import { Icon, type IconName } from '../ui/icons.tsx';

export interface AppLayoutProps {
  header: ReactNode;
  palette: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  panels: ReactNode;
  /** The course drawer (renders nothing while closed). */
  course?: ReactNode;
}

type Side = 'palette' | 'inspector';

/** Which sides are folded: by default those the open course needs room from; a click overrides it. */
function useFoldedSides(courseOpen: boolean) {
  const [chosen, setChosen] = useState<{ course: boolean } & Partial<Record<Side, boolean>>>({ course: courseOpen });
  // A choice holds until the course opens or closes.
  const current = chosen.course === courseOpen ? chosen : { course: courseOpen };
  const folded = (side: Side) => current[side] ?? courseOpen;
  return { folded, toggle: (side: Side) => setChosen({ ...current, [side]: !folded(side) }) };
}

const SIDES: Record<Side, { name: string; icon: IconName; id: string }> = {
  palette: { name: 'node kinds', icon: 'shapes', id: 'palette-region' },
  inspector: { name: 'inspector', icon: 'sliders', id: 'inspector-region' },
};

function FoldButton({ side, folded, onToggle }: { side: Side; folded: boolean; onToggle(): void }) {
  const { name, icon, id } = SIDES[side];
  const label = `${folded ? 'Show' : 'Hide'} the ${name}`;
  const chevron: IconName = (side === 'palette') === folded ? 'chevronRight' : 'chevronLeft';
  return (
    <button
      type="button"
      className={`button button--icon side-fold side-fold--${side}${folded ? ' side-fold--rail' : ''}`}
      aria-expanded={!folded}
      aria-controls={id}
      aria-label={label}
      title={label}
      onClick={onToggle}
      data-testid={`fold-${side}`}
    >
      {folded ? (
        <>
          <Icon name={icon} size={20} />
          <span className="side-fold__text">{name}</span>
        </>
      ) : (
        <Icon name={chevron} />
      )}
    </button>
  );
}

/**
 * The header's height (one or two toolbar rows) as `--app-header-height` on the page's root, so
 * overlays fixed to the window (the Class panel, the class banner) open below the toolbar.
 */
function useHeaderHeight(header: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--app-header-height', `${Math.ceil(el.getBoundingClientRect().bottom)}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--app-header-height');
    };
  }, [header]);
}

export function AppLayout({ header, palette, canvas, inspector, panels, course }: AppLayoutProps) {
  const courseOpen = useCourseStore((s) => s.drawerOpen);
  const { folded, toggle } = useFoldedSides(courseOpen);
  const headerRef = useRef<HTMLElement>(null);
  useHeaderHeight(headerRef);
  const side = (s: Side, content: ReactNode) => (
    <>
      <FoldButton side={s} folded={folded(s)} onToggle={() => toggle(s)} />
      <div id={SIDES[s].id} className="app-layout__side-content" hidden={folded(s)}>
        {!folded(s) && content}
      </div>
    </>
  );
  return (
    <div className="app-layout" data-palette={folded('palette') ? 'rail' : 'open'} data-inspector={folded('inspector') ? 'rail' : 'open'}>
      <header className="app-layout__header" ref={headerRef}>{header}</header>
      <aside className="app-layout__palette" aria-label="Palette">
        {side('palette', palette)}
      </aside>
      <main className="app-layout__canvas" aria-label="Network">
        {canvas}
      </main>
      <aside className="app-layout__inspector" aria-label="Inspector">
        {side('inspector', inspector)}
      </aside>
      <section className="app-layout__panels" aria-label="Panels">
        {panels}
      </section>
      {course}
    </div>
  );
}
