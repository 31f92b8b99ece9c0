/** Applies the classroom flags of the page's URL once, at start (see flags.ts for the table). */
import { useUiStore } from '../../store/index.ts';
import { catalog } from '../lessons/catalog.ts';
import { courseStepCounts } from '../lessons/stepCounts.ts';
import { openLesson } from '../lessons/openLesson.ts';
import { openPreset } from '../gallery/openPreset.ts';
import { useCourseStore } from './courseStore.ts';
import { parseFlags, type ClassroomFlags, type FlagContext } from './flags.ts';
import { editLock } from './lock.ts';

export function flagContext(): FlagContext {
  return { lessons: courseStepCounts(), presets: new Set(catalog.map((p) => p.name)) };
}

/** `<html>` attributes the classroom CSS keys on (course.css). */
export function applyRootAttributes(flags: ClassroomFlags, root: HTMLElement = document.documentElement): void {
  root.toggleAttribute('data-hide-palette', flags.hidePalette);
  root.toggleAttribute('data-hide-inspector', flags.hideInspector);
  root.toggleAttribute('data-locked', flags.lock);
  root.toggleAttribute('data-large', flags.large);
}

export function applyFlags(flags: ClassroomFlags): void {
  applyRootAttributes(flags);
  editLock().setLocked(flags.lock);
  if (flags.theme) useUiStore.getState().setTheme(flags.theme);
  if (flags.lesson) openLesson(flags.lesson, flags.step);
  else if (flags.preset) openPreset(flags.preset);
  const course = useCourseStore.getState();
  if (flags.expose.length > 0) course.setDrawerOpen(true);
  if (flags.gallery) course.setGalleryOpen(true);
}

let started = false;

/** Reads the flags from the URL and applies them (once per page; bad flags are listed, never thrown). */
export function startClassroom(search: string = window.location.search): void {
  if (started) return;
  started = true;
  try {
    const { flags, problems } = parseFlags(search, flagContext());
    useCourseStore.getState().setFlags(flags, problems);
    applyFlags(flags);
  } catch (err) {
    useCourseStore.getState().setFlags(useCourseStore.getState().flags, [`the classroom settings could not be applied (${String(err)})`]);
  }
}
