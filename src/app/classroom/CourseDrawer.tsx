/**
 * The course drawer, right of the lab: exposed sliders (classroom links), then the open lesson or
 * the course outline. Its left edge is a splitter (drag or arrow keys); the width is remembered.
 */
import { useCourseStore } from '../../store/index.ts';
import { ExposedSliders } from './ExposedSliders.tsx';
import { findPreset } from '../lessons/catalog.ts';
import { LessonView } from '../lessons/LessonView.tsx';
import { CourseOutline } from '../lessons/CourseOutline.tsx';
import { Splitter } from '../../ui/Splitter.tsx';
import { Icon } from '../../ui/icons.tsx';

export const DRAWER_ID = 'course-drawer';
export const COURSE_WIDTH_KEY = 'recurrence.courseWidth';

/** The drawer may take from 280 px up to 60 % of the window. */
const MIN_WIDTH = 280;
const maxWidth = () => window.innerWidth * 0.6;

export function CourseDrawer() {
  const open = useCourseStore((s) => s.drawerOpen);
  const lesson = useCourseStore((s) => s.lesson);
  const setOpen = useCourseStore((s) => s.setDrawerOpen);
  const preset = lesson ? findPreset(lesson) : undefined;
  if (!open) return null;
  return (
    <aside id={DRAWER_ID} className="course-drawer" aria-label="Course" data-testid="course-drawer">
      <Splitter
        axis="x"
        grows={-1}
        label="Resize the course"
        storageKey={COURSE_WIDTH_KEY}
        className="course-drawer__splitter"
        testId="course-splitter"
        size={(handle) => handle.parentElement?.getBoundingClientRect().width ?? 400}
        apply={(_, px) => document.documentElement.style.setProperty('--course-width', `${px}px`)}
        min={MIN_WIDTH}
        max={maxWidth}
      />
      <div className="course-drawer__head">
        <span className="course-drawer__heading">Course</span>
        <button type="button" className="button button--icon" aria-label="Close the course" title="Close the course" onClick={() => setOpen(false)}>
          <Icon name="close" />
        </button>
      </div>
      <ExposedSliders />
      <div className="course-drawer__scroll">
        {preset?.lessonText ? <LessonView key={preset.name} preset={preset} /> : <CourseOutline />}
      </div>
    </aside>
  );
}
