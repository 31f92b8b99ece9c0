/** A panel's export menu: CSV (exactly the data drawn), PNG and SVG of the chart. */
import { useState, type RefObject } from 'react';
import type { PanelView } from './registry.ts';
import { downloadBlob } from '../store/files.ts';

export function ExportMenu({ view, name }: { view: RefObject<PanelView | null>; name: string }) {
  const [open, setOpen] = useState(false);
  const file = name.replace(/[^A-Za-z0-9_.-]+/g, '-');
  const run = async (what: 'csv' | 'png' | 'svg') => {
    setOpen(false);
    const chart = view.current?.chart;
    if (!chart) return;
    if (what === 'csv') downloadBlob(new Blob([chart.csv()], { type: 'text/csv' }), `${file}.csv`);
    else if (what === 'svg') downloadBlob(new Blob([chart.svgText()], { type: 'image/svg+xml' }), `${file}.svg`);
    else downloadBlob(await chart.png(), `${file}.png`);
  };
  return (
    <div className="menu" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <button type="button" className="icon-button" title="Export" aria-label="Export panel" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        ⤓
      </button>
      {open && (
        <div className="menu__items" role="menu">
          {(['csv', 'png', 'svg'] as const).map((what) => (
            <button key={what} type="button" role="menuitem" className="menu__item" onClick={() => void run(what)}>
              {what.toUpperCase()}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
