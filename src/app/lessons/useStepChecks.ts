/**
 * Ticks a lesson's checkable steps when they come to hold (evaluated a few times a second while
 * the lesson is open). A step once achieved stays ticked; the student may untick it by hand, and
 * it stays unticked until its check holds anew (a change of verdict, not the same one again).
 */
import { useEffect } from 'react';
import { useStores } from '../../store/index.ts';
import { newlyHeld, quantitiesIn, type CheckContext, type Predicate, type Verdict } from './checks.ts';
import { lessonChecks } from './lessonChecks.ts';
import { liveMeasureMemory } from './measureMemory.ts';
import { trackTraceSinceChange } from './traceSince.ts';
import { taskValue } from './taskValues.ts';

/** How often the checks run, in ms. */
export const CHECK_INTERVAL = 250;

export function useStepChecks(lesson: string): void {
  const stores = useStores();
  useEffect(() => {
    const checks = Object.entries(lessonChecks[lesson] ?? {}).map(([step, p]) => [Number(step), p] as [number, Predicate]);
    if (checks.length === 0) return;
    const since = trackTraceSinceChange(stores);
    const quantities = checks.flatMap(([, p]) => quantitiesIn(p));
    const memory = quantities.length > 0 ? liveMeasureMemory(stores, quantities, since) : null;
    const last = new Map<number, Verdict>();
    const check = () => {
      memory?.poll();
      const doc = stores.docs.getState().doc;
      const ctx: CheckContext = { doc, trace: since.trace, measurements: memory?.measurements, taskValue: (q) => taskValue(stores, q, doc) };
      for (const step of newlyHeld(checks, ctx, last)) stores.course.getState().setDone(lesson, step, true);
    };
    check();
    const timer = setInterval(check, CHECK_INTERVAL);
    return () => {
      clearInterval(timer);
      memory?.dispose();
      since.dispose();
    };
  }, [lesson, stores]);
}
