/** How many "try this" steps each lesson of the course has, counted from its markdown as the module loads. */
import { course } from './catalog.ts';
import { lessonStepCount } from './markdown.ts';

/** Lesson (preset name) → number of steps, for every lesson of the course (the course is fixed at build time). */
export const courseStepCounts: ReadonlyMap<string, number> = new Map(course.map((p) => [p.name, lessonStepCount(p.lessonText ?? '')]));
