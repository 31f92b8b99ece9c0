/** A lesson's progress where a student looks for it (course outline, gallery): "2/4 steps", or "✓ Done". */
import { useCourseStore } from '../../store/index.ts';
import { courseStepCounts } from './stepCounts.ts';

export function LessonProgress({ name, hideEmpty = false }: { name: string; hideEmpty?: boolean }) {
  const done = useCourseStore((s) => s.done[name]?.length ?? 0);
  const steps = courseStepCounts.get(name) ?? 0;
  if (steps === 0 || (hideEmpty && done === 0)) return null;
  const complete = done >= steps;
  const label = complete ? `Done: all ${steps} steps` : `${done} of ${steps} steps done`;
  return (
    <span className={`lesson-progress${complete ? ' lesson-progress--done' : ''}${done === 0 ? ' lesson-progress--none' : ''}`} title={label} aria-label={label} data-testid={`progress-${name}`}>
      {complete ? '✓ Done' : `${done}/${steps} steps`}
    </span>
  );
}
