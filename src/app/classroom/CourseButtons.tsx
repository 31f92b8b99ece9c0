/** Toolbar buttons: the preset gallery and the course drawer. */
import { useCourseStore, useStores } from '../../store/index.ts';
import { DRAWER_ID } from './CourseDrawer.tsx';
import { Icon } from '../../ui/icons.tsx';

export function CourseButtons() {
  const drawerOpen = useCourseStore((s) => s.drawerOpen);
  const { setGalleryOpen, setDrawerOpen } = useStores().course.getState();
  return (
    <div className="toolbar__group" role="group" aria-label="Course">
      <button type="button" className="button" aria-haspopup="dialog" aria-label="Gallery" title="Gallery: every preset network" onClick={() => setGalleryOpen(true)} data-testid="open-gallery">
        <Icon name="grid" />
        <span className="button__text--wide">Gallery</span>
      </button>
      <button type="button" className="button" aria-expanded={drawerOpen} aria-controls={DRAWER_ID} aria-label="Lessons" title="Lessons: the course, beside the lab" onClick={() => setDrawerOpen(!drawerOpen)} data-testid="toggle-course">
        <Icon name="book" />
        <span className="button__text--narrow">Lessons</span>
      </button>
    </div>
  );
}
