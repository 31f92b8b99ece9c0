/** How many "try this" steps each lesson of the course has (counted once, from its markdown). */
import { course } from './catalog.ts';
import { lessonStepCount } from './markdown.ts';

let counts: ReadonlyMap<string, number> | null = null;

/** Lesson (preset name) → number of steps, for every lesson of the course. */
export function courseStepCounts(): ReadonlyMap<string, number> {
  counts ??= new Map(course.map((p) => [p.name, lessonStepCount(p.lessonText ?? '')]));
  return counts;
}
