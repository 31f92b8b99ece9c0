import { describe, expect, it } from 'vitest';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../test-support/docs.ts';
import { serializeDocument } from '../model/index.ts';
import { createDocumentStore } from './documentStore.ts';
import { setEdgeParams } from './edits.ts';

const other = rawDoc([node('a', 'rate', { size: 4, activation: 'tanh' })], [], { title: 'Other' });

describe('documentStore', () => {
  it('opens with the initial document, clean', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    expect(store.getState().doc.title).toBe('Leaky unit with self-excitation');
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().loadCount).toBe(0);
  });

  it('loads a valid document, with defaults filled in', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    expect(store.getState().load(other)).toEqual({ ok: true });
    const { doc, loadCount } = store.getState();
    expect(doc.title).toBe('Other');
    expect(doc.nodes.map((n) => n.id)).toEqual(['a']);
    expect(doc.nodes[0].params).toMatchObject({ size: 4, leak: 1 });
    expect(loadCount).toBe(1);
  });

  it('rejects an invalid document with JSON-path errors and keeps the current one', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    const before = store.getState().doc;
    const bad = rawDoc([node('a', 'rate', { size: 1, leak: 3 })]);
    const outcome = store.getState().load(bad);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path)).toContain('nodes[0].params.leak');
    expect(store.getState().doc).toBe(before);
    expect(store.getState().loadCount).toBe(0);
  });

  it('rejects text that is not JSON and keeps the current one', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    const before = store.getState().doc;
    const outcome = store.getState().loadText('{ "format": ');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0].path).toBe('(root)');
    expect(store.getState().doc).toBe(before);
  });

  it('loads saved text back to an identical document', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    const text = serializeDocument(store.getState().doc);
    expect(store.getState().loadText(text)).toEqual({ ok: true });
    expect(serializeDocument(store.getState().doc)).toBe(text);
  });

  it('moves a node, marking the document dirty without touching the original', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    const before = store.getState().doc;
    store.getState().moveNode('x', { x: 250, y: 40 });
    expect(store.getState().doc.nodes[1].position).toEqual({ x: 250, y: 40 });
    expect(before.nodes[1].position).toEqual({ x: 200, y: 0 });
    expect(store.getState().dirty).toBe(true);
    store.getState().markSaved();
    expect(store.getState().dirty).toBe(false);
  });

  it('ignores moves of unknown nodes and moves to the same place', () => {
    const store = createDocumentStore(valid(leakyUnitDoc()));
    const before = store.getState().doc;
    store.getState().moveNode('nope', { x: 1, y: 1 });
    store.getState().moveNode('x', { x: 200, y: 0 });
    expect(store.getState().doc).toBe(before);
    expect(store.getState().dirty).toBe(false);
  });

  it('validates an edge edit once: the committed document finds the answer its candidate got', () => {
    const pair = rawDoc([node('a', 'rate', { size: 4 }), node('b', 'rate', { size: 4 })], [edge('ab', 'a', 'b', { type: 'constant', value: 1 })]);
    const store = createDocumentStore(valid(pair));
    const { checked } = store.getState();
    const doc = store.getState().doc;
    for (const [k, ok] of [
      [9, false], // more synapses onto each of b's 4 units than a has units
      [2, true],
    ] as const) {
      const params = { ...store.getState().doc.edges[0].params, connectivity: { rule: 'fixed-indegree' as const, k } };
      const candidate = setEdgeParams(store.getState().doc, 'ab', params);
      const answer = checked(candidate);
      expect(answer.ok).toBe(ok);
      if (!answer.ok) expect(answer.errors.map((e) => e.path)).toEqual(['edges[0].params.connectivity.k']);
      expect(checked(doc).ok).toBe(true); // the open document's answer is kept beside it
      store.getState().commit(setEdgeParams(store.getState().doc, 'ab', params), { label: 'Edit edge', undo: 'step' });
      expect(store.getState().doc).not.toBe(candidate);
      expect(checked(store.getState().doc)).toBe(answer);
    }
  });

  it('validates again when the edit differs from the candidate', () => {
    const pair = rawDoc([node('a', 'rate', { size: 4 }), node('b', 'rate', { size: 4 })], [edge('ab', 'a', 'b', { type: 'constant', value: 1 })]);
    const store = createDocumentStore(valid(pair));
    const { checked } = store.getState();
    const base = store.getState().doc.edges[0].params;
    const answer = checked(setEdgeParams(store.getState().doc, 'ab', { ...base, connectivity: { rule: 'fixed-indegree', k: 9 } }));
    expect(answer.ok).toBe(false);
    store.getState().commit(setEdgeParams(store.getState().doc, 'ab', { ...base, connectivity: { rule: 'fixed-indegree', k: 3 } }), { label: 'Edit edge', undo: 'step' });
    const again = checked(store.getState().doc);
    expect(again).not.toBe(answer);
    expect(again.ok).toBe(true);
  });
});
