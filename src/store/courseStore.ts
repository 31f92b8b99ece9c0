/**
 * State of the course and classroom mode (none of it is in the document or its history): the
 * gallery, the open lesson and its highlighted step, the steps achieved per lesson, the lesson
 * drawer, and the classroom flags the page was opened with.
 */
import { create } from 'zustand';

/** A value a classroom link exposes as a slider. */
export interface ExposeSpec {
  /** `ID.path`, e.g. `self.params.weight.value`. */
  ref: string;
  /** Slider bounds given in the link (else from the kind's schema). */
  min?: number;
  max?: number;
}

/** What a classroom link asks for (parsed by app/classroom/flags.ts). */
export interface ClassroomFlags {
  hidePalette: boolean;
  hideInspector: boolean;
  lock: boolean;
  expose: ExposeSpec[];
  lesson: string | null;
  /** 1-based step of the lesson to highlight. */
  step: number | null;
  preset: string | null;
  large: boolean;
  theme: 'light' | 'dark' | null;
  gallery: boolean;
}

export const defaultFlags: Readonly<ClassroomFlags> = Object.freeze({
  hidePalette: false,
  hideInspector: false,
  lock: false,
  expose: [],
  lesson: null,
  step: null,
  preset: null,
  large: false,
  theme: null,
  gallery: false,
});

export interface CourseState {
  galleryOpen: boolean;
  drawerOpen: boolean;
  /** Preset name of the open lesson, or null (the course outline). */
  lesson: string | null;
  /** 1-based step to highlight, or null. */
  step: number | null;
  /** Steps achieved (checked by the app or ticked by hand), per lesson. */
  done: Record<string, readonly number[]>;
  flags: ClassroomFlags;
  /** Messages about ignored URL flags (shown until dismissed). */
  flagProblems: string[];
  setGalleryOpen(open: boolean): void;
  setDrawerOpen(open: boolean): void;
  /** Shows a lesson (does not load its preset: see openLesson). */
  showLesson(lesson: string | null, step?: number | null): void;
  setStep(step: number | null): void;
  setDone(lesson: string, step: number, done: boolean): void;
  /** Forgets every step of a lesson. */
  resetLesson(lesson: string): void;
  /** Adds stored progress (lessons/progress.ts) to what is done already: nothing ticked is lost. */
  restoreDone(done: Record<string, readonly number[]>): void;
  /** Replaces the progress by `done` (another tab's, which it wrote last). */
  replaceDone(done: Record<string, readonly number[]>): void;
  setFlags(flags: ClassroomFlags, problems: string[]): void;
  dismissFlagProblems(): void;
}

export function createCourseStore() {
  return create<CourseState>()((set, get) => ({
    galleryOpen: false,
    drawerOpen: false,
    lesson: null,
    step: null,
    done: {},
    flags: defaultFlags,
    flagProblems: [],
    setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
    setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
    showLesson: (lesson, step = null) => set({ lesson, step, drawerOpen: true }),
    setStep: (step) => set({ step }),
    setDone(lesson, step, done) {
      const current = get().done[lesson] ?? [];
      if (current.includes(step) === done) return;
      const next = done ? [...current, step].sort((a, b) => a - b) : current.filter((s) => s !== step);
      set({ done: { ...get().done, [lesson]: next } });
    },
    resetLesson(lesson) {
      if (!(lesson in get().done)) return;
      const rest = { ...get().done };
      delete rest[lesson];
      set({ done: rest });
    },
    restoreDone(stored) {
      const done = { ...get().done };
      for (const [lesson, steps] of Object.entries(stored)) done[lesson] = [...new Set([...(done[lesson] ?? []), ...steps])].sort((a, b) => a - b);
      set({ done });
    },
    replaceDone: (done) => set({ done: Object.fromEntries(Object.entries(done).map(([lesson, steps]) => [lesson, [...steps]])) }),
    setFlags: (flags, flagProblems) => set({ flags, flagProblems }),
    dismissFlagProblems: () => set({ flagProblems: [] }),
  }));
}

export type CourseStore = ReturnType<typeof createCourseStore>;
