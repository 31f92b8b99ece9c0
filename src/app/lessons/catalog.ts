/**
 * The preset catalogue: presets/lessons/index.json joined with the preset documents and their lesson
 * texts, bundled by Vite (import.meta.glob, eager) so the gallery and the course make no network
 * requests. The documents are raw JSON here; opening one validates it (store/openDocument).
 */
import indexJson from '../../../presets/lessons/index.json';

const documents = import.meta.glob<unknown>('../../../presets/*.json', { eager: true, import: 'default' });
const lessonTexts = import.meta.glob<string>('../../../presets/lessons/*.md', { eager: true, import: 'default', query: '?raw' });

/** One entry of presets/lessons/index.json. */
export interface IndexEntry {
  name: string;
  title: string;
  summary: string;
  /** Path of the lesson relative to presets/ ("lessons/NAME.md"). */
  lesson?: string;
  chapter: number;
}

export interface Preset extends IndexEntry {
  /** The preset's graph document, as written (not yet validated). */
  doc: unknown;
  /** The lesson's markdown, when the preset has one. */
  lessonText?: string;
}

/** The course's eight chapters (issue 7), numbered from 1. */
export const CHAPTERS: readonly string[] = [
  'A single neuron',
  'Feed-forward versus recurrent',
  'Dynamics of single recurrent units',
  'Networks',
  'Reservoirs',
  'Intrinsic plasticity',
  'Local active information storage',
  'Spiking networks',
];

/** Joins the index with the bundled files; entries whose document is missing are left out. */
export function buildCatalog(index: readonly IndexEntry[], docs: Record<string, unknown>, lessons: Record<string, string>): Preset[] {
  const byFile = (files: Record<string, unknown>, tail: string) => Object.entries(files).find(([path]) => path.endsWith(`/${tail}`))?.[1];
  return index.flatMap((entry) => {
    const doc = byFile(docs, `${entry.name}.json`);
    if (doc === undefined) return [];
    const lessonText = entry.lesson ? (byFile(lessons, entry.lesson.replace(/^lessons\//, '')) as string | undefined) : undefined;
    return [{ ...entry, doc, lessonText }];
  });
}

/** Every preset, in the index's (course) order. */
export const catalog: readonly Preset[] = buildCatalog(indexJson as IndexEntry[], documents, lessonTexts);

/** The presets that have a lesson: the course, in order. */
export const course: readonly Preset[] = catalog.filter((p) => p.lessonText !== undefined);

export function findPreset(name: string): Preset | undefined {
  return catalog.find((p) => p.name === name);
}
