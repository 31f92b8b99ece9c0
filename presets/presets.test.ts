/**
 * Every preset in presets/ validates, compiles and runs 500 steps without diverging; the index
 * (presets/lessons/index.json) lists every preset with a title, a summary, a chapter and its lesson.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, parseDocumentText } from '../src/model/index.ts';
import { Simulator } from '../src/engine/index.ts';

const dir = join(import.meta.dirname, '.');
/** The gallery's list (not a graph document; its lesson paths are relative to presets/). */
const INDEX = 'lessons/index.json';
/** Every .json directly in presets/ is a graph document. */
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

interface IndexEntry {
  name: string;
  title: string;
  summary: string;
  lesson?: string;
  chapter: number;
}
const index = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as IndexEntry[];

/** Presets whose names are the contract of the course (issue 7); each has a lesson. */
const COURSE = [
  'single-neuron', 'single-lif', 'ff-vs-recurrent', 'self-connected-unit', 'ctrnn-oscillator', 'wilson-cowan',
  'elman', 'jordan', 'hopfield', 'esn-mackey-glass', 'esn-narma10', 'esn-memory-capacity', 'esn-ip', 'sorn',
  'brunel', 'izhikevich-1000', 'cpg', 'edge-of-chaos',
];

/** Panel types registered in src/panels/types (not imported: they pull in d3). */
const PANEL_TYPES = ['traces', 'raster', 'heatmap', 'phase', 'weights', 'spectrum', 'histogram', 'rates', 'isi', 'information', 'ais-heatmap'];

describe('presets', () => {
  it('there is at least one preset', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates, compiles and runs', { timeout: 120_000 }, (file) => {
    const result = parseDocumentText(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map(formatIssue).join('\n'));
    expect(result.doc.title.length).toBeGreaterThan(0);
    const sim = Simulator.fromDocument(result.doc);
    sim.run(500);
    expect(sim.t).toBe(500);
    for (const n of sim.program.nodes) for (const v of n.output) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('preset index and lessons', () => {
  it('index.json lists every preset file exactly once, with its title, a one-line summary and a chapter 1–8', () => {
    expect(index.map((e) => `${e.name}.json`).sort()).toEqual([...files].sort());
    for (const e of index) {
      const doc = JSON.parse(readFileSync(join(dir, `${e.name}.json`), 'utf8')) as { title: string };
      expect(e.title).toBe(doc.title);
      expect(e.summary.length).toBeGreaterThan(10);
      expect(e.summary).not.toContain('\n');
      expect(Number.isInteger(e.chapter) && e.chapter >= 1 && e.chapter <= 8).toBe(true);
    }
  });

  it.each(COURSE)('%s has a description, suggested panels and a lesson of 150–400 words with "try this" steps', (name) => {
    const doc = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { description?: string; panels?: { type: string }[] };
    expect(doc.description?.length ?? 0).toBeGreaterThan(100);
    expect(doc.panels?.length ?? 0).toBeGreaterThan(0);
    for (const p of doc.panels!) expect(PANEL_TYPES).toContain(p.type);
    const entry = index.find((e) => e.name === name);
    expect(entry?.lesson).toBe(`lessons/${name}.md`);
    const path = join(dir, entry!.lesson!);
    expect(existsSync(path)).toBe(true);
    const text = readFileSync(path, 'utf8');
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(400);
    expect(text).toContain('## Try this');
    expect(text).toMatch(/\$[^$]+\$/); // at least one equation
  });
});
