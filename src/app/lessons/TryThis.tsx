/**
 * A lesson's "Try this" steps as a checklist: the app ticks the steps it can check (and shows the
 * values it measured for them); ticks are kept in this browser, and "Start over" clears them.
 */
import { useEffect, useRef } from 'react';
import { useCourseStore, useStores } from '../../store/index.ts';
import { checkFor } from './lessonChecks.ts';
import { MeasuredValues } from './MeasuredValues.tsx';
import { StartOver } from './StartOver.tsx';
import { showStepPanel, stepPanel } from './stepPanels.ts';
import { Icon } from '../../ui/icons.tsx';

const NONE: readonly number[] = [];

export function TryThis({ lesson, stepsHtml }: { lesson: string; stepsHtml: string[] }) {
  const done = useCourseStore((s) => s.done[lesson] ?? NONE);
  const current = useCourseStore((s) => (s.lesson === lesson ? s.step : null));
  const setDone = useCourseStore((s) => s.setDone);
  const stores = useStores();
  const currentRef = useRef<HTMLLIElement>(null);
  // Bring the highlighted step into view once the math fonts have laid the lesson out.
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && currentRef.current?.scrollIntoView?.({ block: 'center' }));
    return () => void (live = false);
  }, [current]);
  // The step shown (the highlighted one, else the first not done) brings the panel it talks about into view.
  const shown = current ?? stepsHtml.map((_, i) => i + 1).find((step) => !done.includes(step)) ?? null;
  useEffect(() => {
    if (shown !== null) showStepPanel(stores, lesson, shown);
  }, [stores, lesson, shown]);

  return (
    <section className="try-this" aria-labelledby="try-this-title">
      <h3 id="try-this-title" className="try-this__title">
        Try this <span className="try-this__count">{`${done.length} of ${stepsHtml.length} done`}</span>
      </h3>
      <ol className="try-this__list">
        {stepsHtml.map((html, i) => {
          const step = i + 1;
          const id = `try-${lesson}-${step}`;
          const check = checkFor(lesson, step);
          const panel = stepPanel(lesson, step);
          const isDone = done.includes(step);
          return (
            <li
              key={step}
              ref={step === current ? currentRef : undefined}
              className={`try-this__step${isDone ? ' try-this__step--done' : ''}${step === current ? ' try-this__step--current' : ''}`}
              aria-current={step === current ? 'step' : undefined}
              data-testid={`try-step-${step}`}
              data-done={isDone}
            >
              <input id={id} type="checkbox" checked={isDone} onChange={(e) => setDone(lesson, step, e.target.checked)} />
              <label htmlFor={id}>
                <span className="try-this__n">{step}.</span> <span dangerouslySetInnerHTML={{ __html: html }} />
                {check && (
                  <span className="try-this__auto" title="The app ticks this step when it holds">
                    {isDone ? 'checked' : 'checked by the app'}
                  </span>
                )}
                {check && <MeasuredValues check={check} />}
              </label>
              {panel && (
                <button
                  type="button"
                  className="button button--small try-this__show"
                  onClick={() => showStepPanel(stores, lesson, step)}
                  title={`Bring the ${panel.name} into view (opens it if it is closed)`}
                  data-testid={`show-step-panel-${step}`}
                >
                  <Icon name="eye" size={14} />
                  Show {panel.name}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <div className="try-this__tools">
        <StartOver lesson={lesson} done={done.length} />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {done.length > 0 ? `Step ${done[done.length - 1]} done` : ''}
      </p>
    </section>
  );
}
