/**
 * The palette: every registered node kind, grouped, with a search box. Drag an item onto the
 * canvas to create it there, or click it (Enter) to add it at the centre of the view.
 */
import { useId, useState, type DragEvent } from 'react';
import type { KindSpec } from '../../model/index.ts';
import { useCommands } from '../commands/appContext.ts';
import { KIND_MIME } from '../Canvas.tsx';
import { paletteSections } from './paletteGroups.ts';

function PaletteItem({ spec }: { spec: KindSpec<unknown> }) {
  const { run } = useCommands();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(KIND_MIME, spec.kind);
    e.dataTransfer.setData('text/plain', spec.kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className={`kind-list__item kind-list__item--${spec.group}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => void run('node.add', { kind: spec.kind })}
        data-palette-kind={spec.kind}
        title={`${spec.description} Drag onto the canvas, or click to add at the centre.`}
      >
        <span className="kind-list__label">{spec.label}</span>
        <span className="kind-list__description">{spec.description}</span>
      </button>
    </li>
  );
}

export function Palette() {
  const [query, setQuery] = useState('');
  const id = useId();
  const sections = paletteSections(query);
  return (
    <div className="sidebar palette">
      <h2 className="sidebar__title">Node kinds</h2>
      <label htmlFor={id} className="visually-hidden">
        Search node kinds
      </label>
      <input id={id} type="search" className="field__input palette__search" placeholder="Search kinds…" value={query} onChange={(e) => setQuery(e.target.value)} />
      {sections.length === 0 && <p className="sidebar__text">No kind matches “{query}”.</p>}
      {sections.map((s) => (
        <section key={s.group} className="palette__section" aria-label={s.title}>
          <h3 className="palette__group">{s.title}</h3>
          <ul className="kind-list">
            {s.kinds.map((k) => (
              <PaletteItem key={k.kind} spec={k} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
