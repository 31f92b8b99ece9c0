/**
 * The preset gallery: a card per preset of presets/index.json (thumbnail, title, one-line
 * summary, chapter), grouped by chapter. A card opens the preset in place, and its lesson when
 * it has one.
 */
import { useEffect, useRef } from 'react';
import { Dialog } from '../../editor/Dialog.tsx';
import { useDocumentStore } from '../../store/index.ts';
import { CHAPTERS, catalog, type Preset } from '../lessons/catalog.ts';
import { openLesson } from '../lessons/openLesson.ts';
import { useCourseStore } from '../classroom/courseStore.ts';
import { openPreset } from './openPreset.ts';
import { PresetThumbnail } from './PresetThumbnail.tsx';

export function GalleryDialog() {
  const open = useCourseStore((s) => s.galleryOpen);
  const setOpen = useCourseStore((s) => s.setGalleryOpen);
  const dirty = useDocumentStore((s) => s.dirty);
  const cards = useRef<HTMLDivElement>(null);
  // Focus the first card (not the scrolling list) when the gallery opens.
  useEffect(() => {
    if (open) cards.current?.querySelector<HTMLButtonElement>('.card')?.focus();
  }, [open]);
  const choose = (p: Preset) => {
    if (p.lessonText) openLesson(p.name);
    else openPreset(p.name);
    setOpen(false);
  };
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Preset gallery" testId="gallery" wide>
      <p className="gallery__lead">
        Classic recurrent networks, in the order of the course. Opening one replaces the open network
        {dirty ? ' — yours has unsaved changes; it is kept in this browser and the message after opening offers to reopen it.' : '.'}
      </p>
      <div className="gallery" ref={cards}>
        {CHAPTERS.map((chapter, i) => {
          const presets = catalog.filter((p) => p.chapter === i + 1);
          return presets.length === 0 ? null : (
            <section key={chapter} className="gallery__chapter" aria-labelledby={`gallery-ch-${i + 1}`}>
              <h3 id={`gallery-ch-${i + 1}`} className="gallery__chapter-title">
                {i + 1}. {chapter}
              </h3>
              <ul className="gallery__cards">
                {presets.map((p) => (
                  <li key={p.name}>
                    <button type="button" className="card" onClick={() => choose(p)} data-testid={`preset-${p.name}`}>
                      <PresetThumbnail doc={p.doc} />
                      <span className="card__title">{p.title}</span>
                      <span className="card__summary">{p.summary}</span>
                      <span className="card__meta">
                        Chapter {p.chapter}
                        {p.lessonText ? ' · lesson' : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </Dialog>
  );
}
