/** Mounts the gallery, the course drawer and the flag notice, and applies the URL's classroom flags once. */
import { useEffect } from 'react';
import { run } from '../../editor/commands/appContext.ts';
import { GalleryDialog } from '../gallery/GalleryDialog.tsx';
import { CourseDrawer } from './CourseDrawer.tsx';
import { FlagNotice } from './FlagNotice.tsx';
import { useCourseStore } from './courseStore.ts';
import { startClassroom } from './startClassroom.ts';
import './course.css';

export function CourseHost() {
  const drawerOpen = useCourseStore((s) => s.drawerOpen);
  useEffect(() => startClassroom(), []);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-course-open', drawerOpen);
    return refitSoon();
  }, [drawerOpen]);
  return (
    <>
      <GalleryDialog />
      <CourseDrawer />
      <FlagNotice />
    </>
  );
}

/** The drawer (or large type) changed the canvas's size: fit the network into it once the layout has settled. */
function refitSoon(): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => void run('view.fit'));
  });
  return () => cancelAnimationFrame(frame);
}
