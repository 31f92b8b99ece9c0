/** A panel's export menu: CSV (exactly the data drawn), PNG and SVG of the chart. */
import type { RefObject } from 'react';
import { downloadBlob } from './chart/exporting.ts';
import type { PanelView } from './registry.ts';

export function ExportMenu({ view, name }: { view: RefObject<PanelView | null>; name: string }) {
  const file = name.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const run = async (what: 'csv' | 'png' | 'svg', close: HTMLDetailsElement | null) => {
    const chart = view.current?.chart;
    close?.removeAttribute('open');
    if (!chart) return;
    if (what === 'csv') downloadBlob(new Blob([chart.csv()], { type: 'text/csv' }), `${file}.csv`);
    else if (what === 'svg') downloadBlob(new Blob([chart.svgText()], { type: 'image/svg+xml' }), `${file}.svg`);
    else downloadBlob(await chart.png(), `${file}.png`);
  };
  return (
    <details className="menu">
      <summary className="icon-button" title="Export" aria-label="Export panel">
        ⤓
      </summary>
      <div className="menu__items" role="menu">
        {(['csv', 'png', 'svg'] as const).map((what) => (
          <button key={what} type="button" role="menuitem" className="menu__item" onClick={(e) => void run(what, e.currentTarget.closest('details'))}>
            {what.toUpperCase()}
          </button>
        ))}
      </div>
    </details>
  );
}
