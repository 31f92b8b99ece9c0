import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, parseDocumentText, RESERVED_KEYS, validateDocument, type PathSegment } from './index.ts';
import { presetRaw } from '../test-support/docs.ts';

/** Every object of a JSON value with its path (depth first, document order). */
function objectPaths(value: unknown, path: PathSegment[] = []): PathSegment[][] {
  if (typeof value !== 'object' || value === null) return [];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [...(Array.isArray(value) ? [] : [path]), ...children.flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

/** A document's text with an own key `key` added to the object at `path` (as a file would carry it). */
function textWithKey(doc: unknown, path: PathSegment[], key: string): string {
  const copy = structuredClone(doc) as Record<PropertyKey, unknown>;
  const target = path.reduce<Record<PropertyKey, unknown>>((o, k) => o[k] as Record<PropertyKey, unknown>, copy);
  Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(copy);
}

describe('keys named like the object machinery (__proto__, constructor, prototype)', () => {
  // A document with plasticity, synapses, a group and a panel: objects at every level.
  const doc = {
    ...presetRaw('poisson-lif-stdp'),
    groups: [{ id: 'module', label: 'Module', nodes: ['inputs', 'n'] }],
    panels: [{ type: 'raster', nodes: ['inputs'] }],
  };
  const paths = objectPaths(doc);

  it('the test document validates as is and has objects at every level', () => {
    expect(validateDocument(doc).ok).toBe(true);
    expect(paths.map((p) => formatPath(p))).toEqual(
      expect.arrayContaining(['(root)', 'nodes[0]', 'nodes[0].params', 'nodes[1].position', 'edges[0].params.weight', 'edges[0].params.synapse', 'edges[0].params.plasticity', 'groups[0]', 'panels[0]']),
    );
  });

  for (const key of RESERVED_KEYS) {
    it(`"${key}" anywhere is an unknown field named by its JSON path, from JSON.parse'd text`, () => {
      for (const path of paths) {
        const text = textWithKey(doc, path, key);
        expect(text).toContain(`"${key}":{"polluted":true}`);
        const parsed = JSON.parse(text) as unknown;
        const where = formatPath([...path, key]);
        const result = validateDocument(parsed);
        expect(result.ok, where).toBe(false);
        if (!result.ok) expect(result.errors.map(formatIssue), where).toEqual([`${where}: unknown field`]);
        const fromText = parseDocumentText(text);
        expect(fromText.ok, where).toBe(false);
        // Nothing leaked into the prototype chain of plain objects.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    });
  }

  it('names every such key of one document, deep inside values too', () => {
    const text = JSON.stringify(doc)
      .replace('"rate":15', '"rate":15,"__proto__":{"size":3}')
      .replace('"tau":5', '"tau":5,"constructor":1')
      .replace('"nodes":["inputs"]}]', '"nodes":["inputs"],"prototype":[]}]');
    const result = validateDocument(JSON.parse(text));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map(formatIssue)).toEqual([
        'nodes[0].params.__proto__: unknown field',
        'edges[0].params.synapse.constructor: unknown field',
        'panels[0].prototype: unknown field',
      ]);
    }
  });

  it('ordinary keys and values that merely contain these words are fine', () => {
    const titled = { ...doc, title: 'constructor of __proto__ prototypes' };
    expect(validateDocument(titled).ok).toBe(true);
  });
});
