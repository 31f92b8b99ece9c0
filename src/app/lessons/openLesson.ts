/** Opening a lesson: its preset loads in place (as Open does) and the drawer shows its text. */
import type { AppStores } from '../../store/index.ts';
import { openPreset } from '../gallery/openPreset.ts';

export function openLesson(stores: Pick<AppStores, 'docs' | 'ui' | 'editor' | 'course'>, name: string, step: number | null = null): void {
  if (openPreset(stores, name)) stores.course.getState().showLesson(name, step);
}
