/**
 * Ticks a lesson's checkable steps when they hold (evaluated a few times a second while the
 * lesson is open). A step once achieved stays ticked; the student may untick it by hand.
 */
import { useEffect } from 'react';
import { useDocumentStore } from '../../store/index.ts';
import { useCourseStore } from '../classroom/courseStore.ts';
import { evaluate } from './checks.ts';
import { lessonChecks } from './lessonChecks.ts';
import { trackTraceSinceChange } from './traceSince.ts';

/** How often the checks run, in ms. */
export const CHECK_INTERVAL = 250;

export function useStepChecks(lesson: string): void {
  useEffect(() => {
    const checks = Object.entries(lessonChecks[lesson] ?? {});
    if (checks.length === 0) return;
    const since = trackTraceSinceChange();
    const check = () => {
      const ctx = { doc: useDocumentStore.getState().doc, trace: since.trace };
      for (const [step, predicate] of checks) if (evaluate(predicate, ctx) === true) useCourseStore.getState().setDone(lesson, Number(step), true);
    };
    check();
    const timer = setInterval(check, CHECK_INTERVAL);
    return () => {
      clearInterval(timer);
      since.dispose();
    };
  }, [lesson]);
}
