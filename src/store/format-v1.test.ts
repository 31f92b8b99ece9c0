/**
 * Version-1 documents come in through every door and arrive in format 2 (model/migrate.ts): the
 * autosave of an earlier visit, a share link made before, a file opened or given to the CLI, and
 * a fragment or document pasted from a tab still running the earlier app.
 */
import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { formatIssue, serializeDocument, validateDocument, type GraphDocument } from '../model/index.ts';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';
import { loadDocument } from '../cli/load.ts';
import { AUTOSAVE_KEY, readAutosave, type StorageLike } from './autosave.ts';
import { parseFragment, pasteFragment } from './clipboard.ts';
import { createDocumentStore } from './documentStore.ts';
import { readShareHash } from './shareLink.ts';

const V1_FILE = new URL('../../test/fixtures/v1/esn-sine.json', import.meta.url);
const V2_FILE = new URL('../../presets/esn-sine.json', import.meta.url);
const v1Text = readFileSync(V1_FILE, 'utf8');
const expected = valid(JSON.parse(readFileSync(V2_FILE, 'utf8')));

/** The recurrent edge as format 2 has it: options beside the weight. */
function expectFormat2(doc: GraphDocument): void {
  expect(doc.version).toBe(2);
  const rec = doc.edges.find((e) => e.id === 'rec')!.params;
  expect(rec.weight).toEqual({ type: 'normal', mean: 0, std: 1 });
  expect(rec).toMatchObject({ connectivity: 0.1, spectralRadius: 0.9 });
  expect(doc).toEqual(expected);
}

function memoryStorage(items: Record<string, string>): StorageLike {
  const map = new Map(Object.entries(items));
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('a version-1 document', () => {
  it('restored from the autosave of an earlier visit', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', dirty: true, doc: v1Text }) });
    const outcome = readAutosave(storage);
    expect(outcome.kind).toBe('restored');
    if (outcome.kind === 'restored') {
      expectFormat2(outcome.doc);
      expect([outcome.dirty, outcome.olderVersion]).toEqual([true, false]);
    }
  });

  it('restored from the last valid version-1 copy when the newest autosave does not validate', () => {
    const broken = v1Text.replace('"leak": 0.3', '"leak": 3');
    const storage = memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', dirty: false, doc: broken, lastValid: v1Text }) });
    const outcome = readAutosave(storage);
    expect(outcome.kind === 'restored' && outcome.olderVersion).toBe(true);
    if (outcome.kind === 'restored') expectFormat2(outcome.doc);
  });

  it('opened from a share link made before', () => {
    const link = readShareHash(`#doc=${compressToEncodedURIComponent(v1Text)}`);
    expect(link.kind).toBe('text');
    const store = createDocumentStore(valid(leakyUnitDoc()));
    expect(store.getState().loadText(link.kind === 'text' ? link.text : '')).toEqual({ ok: true });
    expectFormat2(store.getState().doc);
  });

  it('opened as a file, and saved back as version 2', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    expect(store.getState().loadText(v1Text)).toEqual({ ok: true });
    expectFormat2(store.getState().doc);
    const saved = JSON.parse(serializeDocument(store.getState().doc)) as { version: number; edges: { params: Record<string, unknown> }[] };
    expect(saved.version).toBe(2);
    expect(saved.edges[1].params).toMatchObject({ weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.1, spectralRadius: 0.9 });
  });

  it('given to the CLI', () => {
    expectFormat2(loadDocument(V1_FILE.pathname));
  });

  it.each([
    ['a version-1 fragment', (doc: Record<string, unknown>) => ({ format: 'recurrence-fragment', version: 1, nodes: doc.nodes, edges: doc.edges, groups: [] })],
    ['a whole version-1 document', (doc: Record<string, unknown>) => doc],
  ])('pasted as %s', (_name, wrap) => {
    const fragment = parseFragment(JSON.stringify(wrap(JSON.parse(v1Text) as Record<string, unknown>)))!;
    expect(fragment.version).toBe(2);
    const empty = valid({ ...leakyUnitDoc(), nodes: [], edges: [] });
    const out = pasteFragment(empty, fragment, { x: 0, y: 0 });
    expect(out.edgeIds).toEqual(['in', 'rec']);
    const pasted = valid({ ...out.doc, title: expected.title, description: expected.description, seed: expected.seed });
    expect(pasted.edges).toEqual(expected.edges);
  });

  it('pasted with an option given twice with different values: the edge keeps it inside weight, and validation names it', () => {
    const raw = JSON.parse(v1Text) as { nodes: unknown[]; edges: { params: Record<string, unknown> }[] };
    raw.edges[1].params.connectivity = 0.5;
    const fragment = parseFragment(JSON.stringify({ format: 'recurrence-fragment', version: 1, nodes: raw.nodes, edges: raw.edges, groups: [] }))!;
    const out = pasteFragment(valid({ ...leakyUnitDoc(), nodes: [], edges: [] }), fragment, { x: 0, y: 0 });
    expect(out.doc.edges[1].params).toMatchObject({ connectivity: 0.5, weight: { connectivity: 0.1 } });
    const r = validateDocument(out.doc);
    expect(r.ok ? [] : r.errors.map(formatIssue)).toContain('edges[1].params.weight.connectivity: unknown field');
  });
});
