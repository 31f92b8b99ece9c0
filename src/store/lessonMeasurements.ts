/**
 * The values lesson checks have measured so far (app/lessons/measureMemory.ts fills it), by
 * quantity key, each with the document it was measured on; the lesson view lists them.
 */
import { create } from 'zustand';

export interface Measurement {
  /** The document the value was measured on. */
  doc: unknown;
  value: number;
}

export interface LessonMeasurementsState {
  byKey: Record<string, readonly Measurement[]>;
}

export function createLessonMeasurementsStore() {
  return create<LessonMeasurementsState>()(() => ({ byKey: {} }));
}

export type LessonMeasurementsStore = ReturnType<typeof createLessonMeasurementsStore>;
