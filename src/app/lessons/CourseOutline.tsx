/** The course's chapters with their lessons and progress; a lesson opens with its network. */
import { CHAPTERS, course } from './catalog.ts';
import { useStores } from '../../store/index.ts';
import { openLesson } from './openLesson.ts';
import { LessonProgress } from './LessonProgress.tsx';

export function CourseOutline() {
  const stores = useStores();
  return (
    <nav className="course-outline" aria-labelledby="course-outline-title" data-testid="course-outline">
      <h2 id="course-outline-title" className="lesson__title">
        The course
      </h2>
      <p className="lesson__lead">Eight chapters, from one neuron to spiking networks. Each lesson opens its network here; your ticks are kept in this browser.</p>
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
                    <button type="button" className="course-outline__lesson" onClick={() => openLesson(stores, p.name)}>
                      <span>{p.title}</span>
                      <LessonProgress name={p.name} />
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
