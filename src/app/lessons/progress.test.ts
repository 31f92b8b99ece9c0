import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageLike } from '../../store/autosave.ts';
import { createCourseStore } from '../../store/courseStore.ts';
import { installProgress, parseProgress, PROGRESS_KEY, PROGRESS_REJECTED_KEY, readProgress, writeProgress } from './progress.ts';
import { courseStepCounts } from './stepCounts.ts';

/** localStorage in a Map; `broken` makes every call throw (private mode, quota). */
function memoryStorage(initial: Record<string, string> = {}, broken = false): StorageLike & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  const guard = () => {
    if (broken) throw new DOMException('denied', 'SecurityError');
  };
  return {
    items,
    getItem: (k) => (guard(), items.get(k) ?? null),
    setItem: (k, v) => (guard(), void items.set(k, v)),
    removeItem: (k) => (guard(), void items.delete(k)),
  };
}

const counts = new Map([
  ['single-neuron', 4],
  ['cpg', 3],
]);
const record = (done: unknown, version: unknown = 1) => JSON.stringify({ version, savedAt: '2025-01-01T00:00:00.000Z', done });

describe('stored lesson progress', () => {
  it('reads a record of this version', () => {
    expect(parseProgress(record({ 'single-neuron': [1, 3], cpg: [2] }), counts)).toEqual({ 'single-neuron': [1, 3], cpg: [2] });
  });

  it('keeps only known lessons and steps they have, sorted, without repeats', () => {
    const done = { 'single-neuron': [4, 2, 2, 0, 5, 1.5, '3', null], cpg: 'all', gone: [1], hopfield: [1] };
    expect(parseProgress(record(done), counts)).toEqual({ 'single-neuron': [2, 4] });
    const proto = parseProgress('{"version":1,"done":{"__proto__":[1],"cpg":[1]}}', counts);
    expect(proto).toEqual({ cpg: [1] });
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('refuses what is not a record of this version', () => {
    for (const text of ['{', 'null', '[]', '"x"', '42', record({ cpg: [1] }, 2), record({ cpg: [1] }, '1'), record([[1]]), record(null), JSON.stringify({ version: 1 })]) {
      expect(parseProgress(text, counts), text).toBeNull();
    }
  });

  it('keeps a record it cannot read aside and reads it as none', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: 'not json' });
    expect(readProgress(storage, counts)).toEqual({});
    expect(storage.items.get(PROGRESS_REJECTED_KEY)).toBe('not json');
    expect(storage.items.has(PROGRESS_KEY)).toBe(false);
  });

  it('never throws on a blocked storage', () => {
    const storage = memoryStorage({}, true);
    expect(readProgress(storage, counts)).toEqual({});
    expect(writeProgress(storage, { cpg: [1] })).toBe(false);
  });

  it('writes one versioned record, leaving out lessons with nothing done; it reads back', () => {
    const storage = memoryStorage();
    expect(writeProgress(storage, { cpg: [1, 3], 'single-neuron': [] })).toBe(true);
    const stored = JSON.parse(storage.items.get(PROGRESS_KEY)!);
    expect(stored).toMatchObject({ version: 1, done: { cpg: [1, 3] } });
    expect(Number.isNaN(Date.parse(stored.savedAt))).toBe(false);
    expect(readProgress(storage, counts)).toEqual({ cpg: [1, 3] });
  });

  it('counts the steps of every lesson of the course', () => {
    expect(courseStepCounts.get('self-connected-unit')).toBe(4);
    expect(courseStepCounts.get('edge-of-chaos')).toBe(3);
    expect(courseStepCounts.has('leaky-unit')).toBe(false); // a preset without a lesson
  });
});

describe('progress in the course store, remembered', () => {
  let uninstall = () => {};
  let useCourseStore = createCourseStore();
  beforeEach(() => {
    useCourseStore = createCourseStore();
  });
  afterEach(() => uninstall());

  it('adds the stored ticks to the ones already made, then writes every change', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: record({ cpg: [1, 3], 'single-neuron': [2] }) });
    useCourseStore.getState().setDone('cpg', 2, true);
    uninstall = installProgress(useCourseStore, storage, counts);
    expect(useCourseStore.getState().done).toEqual({ cpg: [1, 2, 3], 'single-neuron': [2] });

    useCourseStore.getState().setDone('single-neuron', 2, false); // unticked by hand
    useCourseStore.getState().setDone('single-neuron', 4, true);
    expect(readProgress(storage, counts)).toEqual({ cpg: [1, 2, 3], 'single-neuron': [4] });

    useCourseStore.getState().resetLesson('cpg');
    expect(useCourseStore.getState().done.cpg).toBeUndefined();
    expect(readProgress(storage, counts)).toEqual({ 'single-neuron': [4] });
  });

  it('a foreign record changes nothing on the page, and the next tick replaces it', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: record({ cpg: [1] }, 99) });
    useCourseStore.getState().setDone('cpg', 2, true);
    uninstall = installProgress(useCourseStore, storage, counts);
    expect(useCourseStore.getState().done).toEqual({ cpg: [2] });
    expect(storage.items.get(PROGRESS_REJECTED_KEY)).toBe(record({ cpg: [1] }, 99));
    useCourseStore.getState().setDone('cpg', 3, true);
    expect(readProgress(storage, counts)).toEqual({ cpg: [2, 3] });
  });

  it("another tab's write replaces this tab's progress, without writing it back", () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: record({ cpg: [1, 2] }) });
    const listeners: ((e: { key: string | null; newValue: string | null }) => void)[] = [];
    const events = {
      addEventListener: (_: 'storage', fn: (typeof listeners)[number]) => void listeners.push(fn),
      removeEventListener: (_: 'storage', fn: (typeof listeners)[number]) => void listeners.splice(listeners.indexOf(fn), 1),
    };
    uninstall = installProgress(useCourseStore, storage, counts, events);
    expect(useCourseStore.getState().done).toEqual({ cpg: [1, 2] });

    // the other tab did Start over on cpg and ticked a step of single-neuron
    const remote = record({ 'single-neuron': [1] });
    storage.items.set(PROGRESS_KEY, remote);
    for (const fn of listeners) fn({ key: PROGRESS_KEY, newValue: remote });
    expect(useCourseStore.getState().done).toEqual({ 'single-neuron': [1] });
    expect(storage.items.get(PROGRESS_KEY)).toBe(remote); // not echoed back

    // an unreadable record and other keys change nothing; clearing the storage clears the page's progress
    for (const fn of listeners) fn({ key: PROGRESS_KEY, newValue: '{"version": 7}' });
    for (const fn of listeners) fn({ key: 'recurrence.theme', newValue: 'dark' });
    expect(useCourseStore.getState().done).toEqual({ 'single-neuron': [1] });
    for (const fn of listeners) fn({ key: null, newValue: null });
    expect(useCourseStore.getState().done).toEqual({});

    // a local tick is written as before
    useCourseStore.getState().setDone('cpg', 3, true);
    expect(readProgress(storage, counts)).toEqual({ cpg: [3] });
    uninstall();
    expect(listeners).toHaveLength(0);
  });

  it('without storage, progress still works for the page', () => {
    uninstall = installProgress(useCourseStore, null, counts);
    useCourseStore.getState().setDone('cpg', 1, true);
    expect(useCourseStore.getState().done).toEqual({ cpg: [1] });
  });
});
