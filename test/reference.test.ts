/**
 * The vendored JIDT reference set is complete: every file its README lists under "Files" is in
 * test/reference/jidt/ and parses, with entries (or, for series.json, the generator and series).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReference, referenceDir } from '../src/test-support/reference.ts';

/** File names in the first column of the README's "Files" table. */
function listedFiles(): string[] {
  const readme = readFileSync(path.join(referenceDir, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Files'));
  if (!section) throw new Error('test/reference/jidt/README.md has no "Files" section');
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]);
}

describe('JIDT reference set (test/reference/jidt)', () => {
  const files = listedFiles();

  it('the README lists the six files the measures are tested against', () => {
    expect(files.sort()).toEqual(['ais-discrete.json', 'ais-ksg.json', 'gaussian.json', 'series.json', 'te-discrete.json', 'te-ksg.json']);
  });

  it.each(files)('%s is present and holds JIDT 1.6.1 data', (file) => {
    expect(existsSync(path.join(referenceDir, file))).toBe(true);
    const data = readReference<{ jidt?: unknown; series?: object; entries?: unknown[]; generator?: object }>(file);
    expect(JSON.stringify(data.jidt ?? '')).toContain('1.6.1');
    expect(Object.keys(data.series ?? {}).length).toBeGreaterThan(0);
    if (file === 'series.json') expect(data.generator).toBeTypeOf('object');
    else expect(data.entries?.length).toBeGreaterThan(0);
  });
});
