/**
 * The page's named regions on a CSS grid (see app.css): header (toolbar), palette (left),
 * canvas (centre), inspector (right) and panels (bottom). Each region is a landmark.
 */
import type { ReactNode } from 'react';

export interface AppLayoutProps {
  header: ReactNode;
  palette: ReactNode;
  canvas: ReactNode;
  inspector: ReactNode;
  panels: ReactNode;
}

export function AppLayout({ header, palette, canvas, inspector, panels }: AppLayoutProps) {
  return (
    <div className="app-layout">
      <header className="app-layout__header">{header}</header>
      <aside className="app-layout__palette" aria-label="Palette">
        {palette}
      </aside>
      <main className="app-layout__canvas" aria-label="Network">
        {canvas}
      </main>
      <aside className="app-layout__inspector" aria-label="Inspector">
        {inspector}
      </aside>
      <section className="app-layout__panels" aria-label="Panels">
        {panels}
      </section>
    </div>
  );
}
