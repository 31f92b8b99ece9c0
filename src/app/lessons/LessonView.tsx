/** One lesson: chapter and title, previous/next, the text with its math, and the try-this checklist. */
import { useMemo } from 'react';
import 'katex/dist/katex.min.css';
import { CHAPTERS, course, type Preset } from './catalog.ts';
import { renderLesson } from './markdown.ts';
import { TryThis } from './TryThis.tsx';
import { useStepChecks } from './useStepChecks.ts';
import { openLesson } from './openLesson.ts';
import { useStores } from '../../store/index.ts';

export function LessonView({ preset }: { preset: Preset }) {
  const content = useMemo(() => renderLesson(preset.lessonText ?? ''), [preset]);
  useStepChecks(preset.name);
  const stores = useStores();
  const index = course.findIndex((p) => p.name === preset.name);
  const prev = course[index - 1];
  const next = course[index + 1];
  return (
    <article className="lesson" aria-labelledby="lesson-title" data-testid="lesson">
      <nav className="lesson__nav" aria-label="Lessons">
        <button type="button" className="button button--small" onClick={() => stores.course.getState().showLesson(null)}>
          All lessons
        </button>
        <span className="lesson__spacer" />
        <button type="button" className="button button--small" disabled={!prev} onClick={() => prev && openLesson(stores, prev.name)} title={prev?.title}>
          ← Previous
        </button>
        <button type="button" className="button button--small" disabled={!next} onClick={() => next && openLesson(stores, next.name)} title={next?.title}>
          Next →
        </button>
      </nav>
      <p className="lesson__chapter">
        Chapter {preset.chapter} · {CHAPTERS[preset.chapter - 1]}
      </p>
      <h2 id="lesson-title" className="lesson__title">
        {content.title || preset.title}
      </h2>
      <button type="button" className="button button--small" onClick={() => openLesson(stores, preset.name)}>
        Reload its network
      </button>
      <div className="lesson__body" dangerouslySetInnerHTML={{ __html: content.bodyHtml }} />
      <TryThis lesson={preset.name} stepsHtml={content.stepsHtml} />
    </article>
  );
}
