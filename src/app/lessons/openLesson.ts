/** Opening a lesson: its preset loads in place (as Open does) and the drawer shows its text. */
import { openPreset } from '../gallery/openPreset.ts';
import { useCourseStore } from '../classroom/courseStore.ts';

export function openLesson(name: string, step: number | null = null): void {
  if (openPreset(name)) useCourseStore.getState().showLesson(name, step);
}
