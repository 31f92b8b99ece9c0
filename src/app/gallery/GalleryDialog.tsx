/**
 * The preset gallery: a card per preset of presets/lessons/index.json (thumbnail, title, one-line
 * summary, chapter), in the order of the course. A card opens the preset in place, and its lesson when
 * it has one.
 */
import { useEffect, useRef } from 'react';
import { Dialog } from '../../editor/Dialog.tsx';
import { useDocumentStore, useStores } from '../../store/index.ts';
import { CHAPTERS, catalog, type Preset } from '../lessons/catalog.ts';
import { openLesson } from '../lessons/openLesson.ts';
import { LessonProgress } from '../lessons/LessonProgress.tsx';
import { useCourseStore } from '../../store/index.ts';
import { openPreset } from './openPreset.ts';
import { PresetThumbnail } from './PresetThumbnail.tsx';

export function GalleryDialog() {
  const open = useCourseStore((s) => s.galleryOpen);
  const setOpen = useCourseStore((s) => s.setGalleryOpen);
  const dirty = useDocumentStore((s) => s.dirty);
  const stores = useStores();
  const cards = useRef<HTMLUListElement>(null);
  // Focus the first card (not the scrolling list) when the gallery opens.
  useEffect(() => {
    if (open) cards.current?.querySelector<HTMLButtonElement>('.card')?.focus();
  }, [open]);
  const choose = (p: Preset) => {
    if (p.lessonText) openLesson(stores, p.name);
    else openPreset(stores, p.name);
    setOpen(false);
  };
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Preset gallery" testId="gallery" wide>
      <p className="gallery__lead">
        Classic recurrent networks, in the order of the course. Opening one replaces the open network
        {dirty ? ' — yours has unsaved changes; it is kept in this browser and the message after opening offers to reopen it.' : '.'}
      </p>
      <ul className="gallery" ref={cards} aria-label="Presets">
        {catalog.map((p) => (
          <li key={p.name}>
            <button type="button" className="card" onClick={() => choose(p)} data-testid={`preset-${p.name}`}>
              <PresetThumbnail doc={p.doc} />
              <span className="card__title">{p.title}</span>
              <span className="card__summary">{p.summary}</span>
              <span className="card__meta">
                {`Chapter ${p.chapter} · ${CHAPTERS[p.chapter - 1]}`}
                {p.lessonText ? ' · lesson' : ''}
              </span>
              {p.lessonText && <LessonProgress name={p.name} hideEmpty />}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
