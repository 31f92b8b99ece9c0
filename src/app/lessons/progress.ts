/**
 * Course progress remembered in this browser: the "try this" steps done per lesson (ticked by the
 * app or by hand), under one versioned localStorage key, written after every change and read once
 * at start; another open tab's changes arrive through `storage` events. What is read is validated: a record that is not ours (damaged JSON, another version,
 * another shape) is ignored and kept aside under its own key; unknown lessons and steps a lesson
 * does not have are dropped. Nothing here throws: a full or blocked storage only costs the
 * remembering, and what is ticked on the page is never lost to a bad record.
 */
import { browserStorage, type StorageLike } from '../../store/autosave.ts';
import type { CourseState, CourseStore } from '../../store/courseStore.ts';
import { courseStepCounts } from './stepCounts.ts';

export const PROGRESS_KEY = 'recurrence.lessons.progress';
/** Where a stored record that could not be read is kept. */
export const PROGRESS_REJECTED_KEY = 'recurrence.lessons.progress.rejected';

export interface ProgressRecord {
  version: 1;
  savedAt: string;
  /** Steps done (1-based, ascending) per lesson (preset name). */
  done: Record<string, number[]>;
}

export type Progress = Record<string, number[]>;

/** The steps of a stored value that lesson `name` has (1…count), ascending, without repeats; null when it is not a list. */
function validSteps(value: unknown, count: number): number[] | null {
  if (!Array.isArray(value)) return null;
  const steps = value.filter((s): s is number => Number.isInteger(s) && s >= 1 && s <= count);
  return [...new Set(steps)].sort((a, b) => a - b);
}

/**
 * The progress a stored text holds, for the lessons of `stepCounts` (name → number of steps);
 * null when the text is not a progress record of this version.
 */
export function parseProgress(text: string, stepCounts: ReadonlyMap<string, number>): Progress | null {
  let rec: unknown;
  try {
    rec = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return null;
  const { version, done } = rec as Partial<ProgressRecord>;
  if (version !== 1 || typeof done !== 'object' || done === null || Array.isArray(done)) return null;
  const progress: Progress = {};
  for (const [lesson, value] of Object.entries(done)) {
    const count = stepCounts.get(lesson);
    const steps = count === undefined ? null : validSteps(value, count);
    if (steps && steps.length > 0) progress[lesson] = steps;
  }
  return progress;
}

/** Reads the stored progress; a record that cannot be read moves to PROGRESS_REJECTED_KEY and reads as none. */
export function readProgress(storage: StorageLike, stepCounts: ReadonlyMap<string, number>): Progress {
  try {
    const text = storage.getItem(PROGRESS_KEY);
    if (text === null) return {};
    const progress = parseProgress(text, stepCounts);
    if (progress) return progress;
    storage.setItem(PROGRESS_REJECTED_KEY, text);
    storage.removeItem(PROGRESS_KEY);
  } catch {
    // Unavailable storage, or keeping the record aside failed: start with no stored progress.
  }
  return {};
}

/** Writes the progress (lessons with no step done are left out); false when the storage refused it. */
export function writeProgress(storage: StorageLike, done: Readonly<Record<string, readonly number[]>>): boolean {
  const kept = Object.fromEntries(Object.entries(done).filter(([, steps]) => steps.length > 0).map(([lesson, steps]) => [lesson, [...steps]]));
  const record: ProgressRecord = { version: 1, savedAt: new Date().toISOString(), done: kept };
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

type CourseStoreLike = {
  getState(): Pick<CourseState, 'done' | 'restoreDone' | 'replaceDone'>;
  subscribe(fn: (s: CourseState, prev: CourseState) => void): () => void;
};

/** Where another tab's writes are heard: the window's `storage` events. */
export interface StorageEvents {
  addEventListener(type: 'storage', fn: (e: { key: string | null; newValue: string | null }) => void): void;
  removeEventListener(type: 'storage', fn: (e: { key: string | null; newValue: string | null }) => void): void;
}

/**
 * Adds the stored progress to the store, then writes the store's progress after every change.
 * Another tab's write replaces this tab's progress (the last writer wins, so a Start over in one
 * tab holds in the others); a record that cannot be read is ignored. Applying it writes nothing
 * back, so two tabs do not echo each other.
 */
export function installProgress(store: CourseStoreLike, storage: StorageLike | null, stepCounts: ReadonlyMap<string, number>, events?: StorageEvents): () => void {
  if (!storage) return () => undefined;
  const stored = readProgress(storage, stepCounts);
  if (Object.keys(stored).length > 0) store.getState().restoreDone(stored);
  let applyingRemote = false;
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.done !== prev.done && !applyingRemote) writeProgress(storage, s.done);
  });
  const onStorage = (e: { key: string | null; newValue: string | null }) => {
    if (e.key !== PROGRESS_KEY && e.key !== null) return; // null: the storage was cleared
    const remote = e.newValue === null ? {} : parseProgress(e.newValue, stepCounts);
    if (!remote) return;
    applyingRemote = true;
    try {
      store.getState().replaceDone(remote);
    } finally {
      applyingRemote = false;
    }
  };
  events?.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    events?.removeEventListener('storage', onStorage);
  };
}

/** Call once before the first render, so a lesson's checks start from what was done before. */
export function startLessonProgress(course: CourseStore): () => void {
  return installProgress(course, browserStorage(), courseStepCounts, typeof window === 'undefined' ? undefined : window);
}
