/**
 * Classroom mode's URL flags (query string, like TensorFlow Playground's): what a link hides,
 * locks, exposes and opens. Parsing never throws: a bad flag becomes a message and is ignored.
 *
 * | flag        | value                               | effect                                    |
 * |-------------|-------------------------------------|-------------------------------------------|
 * | classroom   | 1                                   | palette=0, inspector=0, lock=1 at once    |
 * | palette     | 0 / 1                               | hide / show the palette                   |
 * | inspector   | 0 / 1                               | hide / show the inspector                 |
 * | lock        | 1 / 0                               | read-only network (exposed sliders work)  |
 * | expose      | ref[:min:max],…                     | sliders for these values (ID.path)        |
 * | lesson      | preset name                         | open the lesson and load its preset       |
 * | step        | 1 … number of steps                 | highlight this "try this" step            |
 * | preset      | preset name                         | load a preset (without its lesson)        |
 * | large       | 1                                   | large type for a projector                |
 * | theme       | light / dark                        | colour theme                              |
 * | gallery     | 1                                   | open the preset gallery                   |
 */

import { currentRef } from '../../model/index.ts';
import { defaultFlags, type ClassroomFlags, type ExposeSpec } from '../../store/courseStore.ts';

export { defaultFlags, type ClassroomFlags, type ExposeSpec };

/** What the parser needs to know about the course: lesson names with their step counts, preset names. */
export interface FlagContext {
  lessons: ReadonlyMap<string, number>;
  presets: ReadonlySet<string>;
}

export interface ParsedFlags {
  flags: ClassroomFlags;
  /** One sentence per ignored flag. */
  problems: string[];
  /** Whether the link had any classroom flag at all. */
  any: boolean;
}

const KNOWN = ['classroom', 'palette', 'inspector', 'lock', 'expose', 'lesson', 'step', 'preset', 'large', 'theme', 'gallery'] as const;
/** Query keys other parts of the app (or the dev server) use: not ours, not reported. */
const FOREIGN: ReadonlySet<string> = new Set(['doc', 'room', 'key', 'server']);

const TRUE: ReadonlySet<string> = new Set(['1', 'true', 'yes', 'on', '']);
const FALSE: ReadonlySet<string> = new Set(['0', 'false', 'no', 'off']);

function parseBool(key: string, raw: string, problems: string[]): boolean | null {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  problems.push(`${key}=${raw}: expected 1 or 0`);
  return null;
}

const REF = /^[A-Za-z0-9_][A-Za-z0-9_-]*(\.[A-Za-z0-9_]+)+$/;

/** `ref` or `ref:min:max` → spec, or a problem. */
export function parseExposeItem(item: string): ExposeSpec | string {
  const [written, lo, hi, ...extra] = item.trim().split(':');
  if (!REF.test(written)) return `expose: “${item}” is not ID.path (e.g. self.params.weight.value)`;
  const ref = currentRef(written); // links made for format 1 name the weight options inside the weight
  if (lo === undefined && hi === undefined) return { ref };
  const min = Number(lo);
  const max = Number(hi);
  if (extra.length > 0 || lo === '' || hi === undefined || hi === '' || !Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    return `expose: “${item}” needs ID.path or ID.path:min:max with min < max`;
  }
  return { ref, min, max };
}

const nearest = (name: string, names: Iterable<string>) => {
  const lower = name.toLowerCase();
  return [...names].find((n) => n.includes(lower) || lower.includes(n));
};

function parseName(key: 'lesson' | 'preset', raw: string, names: Iterable<string>, problems: string[]): string | null {
  const list = [...names];
  if (list.includes(raw)) return raw;
  const guess = nearest(raw, list);
  problems.push(`${key}=${raw}: no such ${key}${guess ? ` (did you mean “${guess}”?)` : ''}`);
  return null;
}

/** Parses a query string (`?lesson=…&large=1`) into flags and messages. */
export function parseFlags(search: string, ctx: FlagContext): ParsedFlags {
  const params = new URLSearchParams(search);
  const flags: ClassroomFlags = { ...defaultFlags, expose: [] };
  const problems: string[] = [];
  let any = false;
  const bool = (key: string, set: (v: boolean) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const v = parseBool(key, raw, problems);
    if (v !== null) set(v);
  };

  for (const key of new Set(params.keys())) {
    if ((KNOWN as readonly string[]).includes(key)) any = true;
    else if (!FOREIGN.has(key)) problems.push(`unknown flag “${key}” (known: ${KNOWN.join(', ')})`);
  }
  bool('classroom', (v) => v && Object.assign(flags, { hidePalette: true, hideInspector: true, lock: true }));
  bool('palette', (v) => (flags.hidePalette = !v));
  bool('inspector', (v) => (flags.hideInspector = !v));
  bool('lock', (v) => (flags.lock = v));
  bool('large', (v) => (flags.large = v));
  bool('gallery', (v) => (flags.gallery = v));

  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') flags.theme = theme;
  else if (theme !== null) problems.push(`theme=${theme}: expected light or dark`);

  for (const item of (params.get('expose') ?? '').split(',').filter((s) => s.trim() !== '')) {
    const spec = parseExposeItem(item);
    if (typeof spec === 'string') problems.push(spec);
    else if (!flags.expose.some((e) => e.ref === spec.ref)) flags.expose.push(spec);
  }

  const lesson = params.get('lesson');
  if (lesson !== null) flags.lesson = parseName('lesson', lesson, ctx.lessons.keys(), problems);
  const preset = params.get('preset');
  if (preset !== null) {
    if (flags.lesson) problems.push('preset: ignored, the lesson loads its own preset');
    else flags.preset = parseName('preset', preset, ctx.presets, problems);
  }

  const step = params.get('step');
  if (step !== null) {
    const n = Number(step);
    const count = flags.lesson ? ctx.lessons.get(flags.lesson) : undefined;
    if (count === undefined) problems.push(`step=${step}: needs a valid lesson`);
    else if (!Number.isInteger(n) || n < 1 || n > count) problems.push(`step=${step}: the lesson has steps 1–${count}`);
    else flags.step = n;
  }
  return { flags, problems, any };
}
