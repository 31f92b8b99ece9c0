/** The course's chapters with their lessons and progress; a lesson opens with its network. */
import { CHAPTERS, course } from './catalog.ts';
import { openLesson } from './openLesson.ts';
import { useCourseStore } from '../classroom/courseStore.ts';
import { lessonStepCount } from './markdown.ts';

const stepCounts = new Map<string, number>();
const stepsOf = (name: string, text: string) => {
  if (!stepCounts.has(name)) stepCounts.set(name, lessonStepCount(text));
  return stepCounts.get(name)!;
};

export function CourseOutline() {
  const done = useCourseStore((s) => s.done);
  return (
    <nav className="course-outline" aria-labelledby="course-outline-title" data-testid="course-outline">
      <h2 id="course-outline-title" className="lesson__title">
        The course
      </h2>
      <p className="lesson__lead">Eight chapters, from one neuron to spiking networks. Each lesson opens its network here.</p>
      <ol className="course-outline__chapters">
        {CHAPTERS.map((chapter, i) => (
          <li key={chapter}>
            <h3 className="course-outline__chapter">
              {i + 1}. {chapter}
            </h3>
            <ul className="course-outline__lessons">
              {course
                .filter((p) => p.chapter === i + 1)
                .map((p) => (
                  <li key={p.name}>
                    <button type="button" className="course-outline__lesson" onClick={() => openLesson(p.name)}>
                      <span>{p.title}</span>
                      <span className="course-outline__progress">{`${done[p.name]?.length ?? 0}/${stepsOf(p.name, p.lessonText ?? '')}`}</span>
                    </button>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}
