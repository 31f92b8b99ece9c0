/**
 * The repository stands alone: nothing in it (sources, tests, scripts, benchmarks, CI, configs)
 * names a path outside its own folder, so a fresh clone with nothing beside it works.
 *
 * Every path-like string literal with a `..` segment is resolved the two ways code uses it —
 * from the file's own folder (imports, `new URL(…, import.meta.url)`, `path.resolve(here, …)`) and
 * from the repository root (scripts run from it, `path.resolve(repoRoot, …)`) — and must stay
 * inside the repository. Imports, `declare module` augmentations and `import.meta` URLs are
 * resolved from the file's folder only, as are literals made only of `..` segments (`'../..'`,
 * the climb from a file to the root).
 * Absolute paths into the repository's parent folder are refused too. This file is left out of
 * the scan: its own examples of bad paths are what the second test feeds the check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/test-support/reference.ts';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'test-results', 'playwright-report', 'reports', 'coverage', '.vite']);
const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|py|sh|bash|html)$/;
/** Files without an extension that are code (CI's entry point, the CLI's launcher). */
const EXTENSIONLESS = new Set(['.ci/run', 'bin/recurrence']);

function codeFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.relative(repoRoot, full);
    if (statSync(full).isDirectory()) {
      if (!SKIP_DIRS.has(name) && rel !== path.join('bench', 'results')) codeFiles(full, out);
    } else if (CODE.test(name) || EXTENSIONLESS.has(rel.split(path.sep).join('/'))) out.push(full);
  }
  return out;
}

const inside = (p: string) => {
  const rel = path.relative(repoRoot, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

export interface Escape {
  line: number;
  text: string;
  reason: string;
}

/** The literals of one file's text that climb out of the repository (`file` is its absolute path). */
export function escapesIn(file: string, text: string): Escape[] {
  const found: Escape[] = [];
  const here = path.dirname(file);
  const parent = path.dirname(repoRoot);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/(['"`])((?:[^'"`\\\s]|\\.)*)\1/g)) {
      const literal = m[2];
      // imports, module augmentations, `new URL(…, import.meta.url)` and `import.meta.glob(…)` resolve from the file's folder
      const fileRelative = /import\.meta/.test(line) || /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+|\bdeclare\s+module\s+)$/.test(line.slice(0, m.index));
      if (path.isAbsolute(literal) && literal.startsWith(parent + path.sep) && !inside(literal)) {
        found.push({ line: i + 1, text: literal, reason: `an absolute path beside the repository (${parent})` });
        continue;
      }
      const segments = literal.split(/[\\/]/);
      if (!segments.includes('..') || /^[a-z]+:/i.test(literal)) continue;
      const onlyUp = segments.every((s) => s === '..' || s === '.' || s === '');
      if (!inside(path.resolve(here, literal))) {
        found.push({ line: i + 1, text: literal, reason: "climbs out of the repository from the file's folder" });
      } else if (!fileRelative && !onlyUp && !inside(path.resolve(repoRoot, literal))) {
        found.push({ line: i + 1, text: literal, reason: 'climbs out of the repository from its root' });
      }
    }
  });
  return found;
}

describe('the repository stands alone', () => {
  it('no file names a path outside the repository', () => {
    const self = path.join(repoRoot, 'test', 'repo-boundary.test.ts');
    const offenders = codeFiles(repoRoot)
      .filter((file) => file !== self)
      .flatMap((file) =>
      escapesIn(file, readFileSync(file, 'utf8')).map((e) => `${path.relative(repoRoot, file)}:${e.line}: "${e.text}" ${e.reason}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the check catches the paths it is for', () => {
    const file = path.join(repoRoot, 'src', 'measures', 'x.test.ts');
    const parent = path.dirname(repoRoot);
    expect(escapesIn(file, "const dir = path.resolve(repoRoot, '../shared/reference');")).toHaveLength(1);
    expect(escapesIn(file, "import data from '../../../shared/reference/series.json';")).toHaveLength(1);
    expect(escapesIn(file, `const p = '${parent}/shared/reference';`)).toHaveLength(1);
    expect(escapesIn(path.join(repoRoot, '.ci', 'run'), 'cat "../../shared/x"')).toHaveLength(1);
    // inside: an import two folders up, the climb to the root, a path below the root
    expect(escapesIn(file, "import leaky from '../../presets/leaky-unit.json';")).toEqual([]);
    expect(escapesIn(file, "readFileSync(new URL('../../presets/esn-sine.json', import.meta.url));")).toEqual([]);
    expect(escapesIn(file, "declare module '../../model/document.ts' {")).toEqual([]);
    expect(escapesIn(file, "declare module '../../../shared/x.ts' {")).toHaveLength(1);
    expect(escapesIn(file, "const root = path.resolve(here, '../..');")).toEqual([]);
    expect(escapesIn(file, "const p = path.join(repoRoot, 'test/reference/jidt');")).toEqual([]);
  });
});
