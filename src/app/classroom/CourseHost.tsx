/** Mounts the gallery, the course drawer and the flag notice. */
import { useEffect } from 'react';
import { useCommands, type RunCommand } from '../../editor/commands/appContext.ts';
import { GalleryDialog } from '../gallery/GalleryDialog.tsx';
import { CourseDrawer } from './CourseDrawer.tsx';
import { FlagNotice } from './FlagNotice.tsx';
import { useCourseStore } from '../../store/index.ts';
import './course.css';

export function CourseHost() {
  const drawerOpen = useCourseStore((s) => s.drawerOpen);
  const { run } = useCommands();
  useEffect(() => {
    document.documentElement.toggleAttribute('data-course-open', drawerOpen);
    return refitSoon(run);
  }, [drawerOpen, run]);
  return (
    <>
      <GalleryDialog />
      <CourseDrawer />
      <FlagNotice />
    </>
  );
}

/** The drawer (or large type) changed the canvas's size: fit the network into it once the layout has settled. */
function refitSoon(run: RunCommand): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => void run('view.fit'));
  });
  return () => cancelAnimationFrame(frame);
}
