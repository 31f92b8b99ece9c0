/**
 * Mounts the gallery and the flag notice, and marks `<html data-course-open>` while the course
 * drawer (a region of AppLayout) is open. The canvas re-fits its network when the drawer changes
 * its size (Canvas.tsx).
 */
import { useEffect } from 'react';
import { GalleryDialog } from '../gallery/GalleryDialog.tsx';
import { FlagNotice } from './FlagNotice.tsx';
import { useCourseStore } from '../../store/index.ts';
import './course.css';

export function CourseHost() {
  const drawerOpen = useCourseStore((s) => s.drawerOpen);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-course-open', drawerOpen);
  }, [drawerOpen]);
  return (
    <>
      <GalleryDialog />
      <FlagNotice />
    </>
  );
}
