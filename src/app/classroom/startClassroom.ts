/** Applies the classroom flags of the page's URL once, at start (see flags.ts for the table). */
import type { AppStores } from '../../store/index.ts';
import { catalog } from '../lessons/catalog.ts';
import { courseStepCounts } from '../lessons/stepCounts.ts';
import { openLesson } from '../lessons/openLesson.ts';
import { openPreset } from '../gallery/openPreset.ts';
import { parseFlags, type ClassroomFlags, type FlagContext } from './flags.ts';

type ClassroomStores = Pick<AppStores, 'docs' | 'ui' | 'editor' | 'course' | 'lock'>;

export function flagContext(): FlagContext {
  return { lessons: courseStepCounts, presets: new Set(catalog.map((p) => p.name)) };
}

/** `<html>` attributes the classroom CSS keys on (course.css). */
export function applyRootAttributes(flags: ClassroomFlags, root: HTMLElement = document.documentElement): void {
  root.toggleAttribute('data-hide-palette', flags.hidePalette);
  root.toggleAttribute('data-hide-inspector', flags.hideInspector);
  root.toggleAttribute('data-locked', flags.lock);
  root.toggleAttribute('data-large', flags.large);
}

export function applyFlags(stores: ClassroomStores, flags: ClassroomFlags): void {
  applyRootAttributes(flags);
  stores.lock.setLocked(flags.lock);
  if (flags.theme) stores.ui.getState().setTheme(flags.theme);
  if (flags.lesson) openLesson(stores, flags.lesson, flags.step);
  else if (flags.preset) openPreset(stores, flags.preset);
  const course = stores.course.getState();
  if (flags.expose.length > 0) course.setDrawerOpen(true);
  if (flags.gallery) course.setGalleryOpen(true);
}

/** Reads the flags from the URL and applies them (call once per app; bad flags are listed, never thrown). */
export function startClassroom(stores: ClassroomStores, search: string = window.location.search): void {
  const course = stores.course.getState();
  try {
    const { flags, problems } = parseFlags(search, flagContext());
    course.setFlags(flags, problems);
    applyFlags(stores, flags);
  } catch (err) {
    course.setFlags(course.flags, [`the classroom settings could not be applied (${String(err)})`]);
  }
}
