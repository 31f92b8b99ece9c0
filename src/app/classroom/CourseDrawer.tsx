/** The right-hand drawer: exposed sliders (classroom links), then the open lesson or the course outline. */
import { useCourseStore } from '../../store/index.ts';
import { ExposedSliders } from './ExposedSliders.tsx';
import { findPreset } from '../lessons/catalog.ts';
import { LessonView } from '../lessons/LessonView.tsx';
import { CourseOutline } from '../lessons/CourseOutline.tsx';

export const DRAWER_ID = 'course-drawer';

export function CourseDrawer() {
  const open = useCourseStore((s) => s.drawerOpen);
  const lesson = useCourseStore((s) => s.lesson);
  const setOpen = useCourseStore((s) => s.setDrawerOpen);
  const preset = lesson ? findPreset(lesson) : undefined;
  if (!open) return null;
  return (
    <aside id={DRAWER_ID} className="course-drawer" aria-label="Course" data-testid="course-drawer">
      <div className="course-drawer__head">
        <span className="course-drawer__heading">Course</span>
        <button type="button" className="button button--icon" aria-label="Close the course" title="Close the course" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <ExposedSliders />
      <div className="course-drawer__scroll">
        {preset?.lessonText ? <LessonView key={preset.name} preset={preset} /> : <CourseOutline />}
      </div>
    </aside>
  );
}
