import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../store/documentStore.ts';
import { validateDocument, type GraphDocument } from '../../model/index.ts';
import { findPreset } from '../lessons/catalog.ts';
import { installEditLock } from '../../store/editLock.ts';
import { setRef } from './expose.ts';

function setup() {
  const r = validateDocument(structuredClone(findPreset('self-connected-unit')!.doc));
  if (!r.ok) throw new Error('invalid');
  const store = createDocumentStore(r.doc);
  const blocked: string[] = [];
  const lock = installEditLock(store, (label) => blocked.push(label));
  return { store, lock, blocked, doc: r.doc };
}

describe('classroom edit lock', () => {
  it('lets edits through while unlocked', () => {
    const { store, doc } = setup();
    store.getState().commit(setRef(doc, 'x.params.leak', 0.5), { label: 'Edit', undo: 'step' });
    expect(store.getState().doc).not.toBe(doc);
    store.getState().undo();
    expect(store.getState().doc).toBe(doc);
  });

  it('refuses edits, undo and redo while locked, and says so', () => {
    const { store, lock, blocked, doc } = setup();
    store.getState().commit(setRef(doc, 'x.params.leak', 0.5), { label: 'Edit', undo: 'step' });
    lock.setLocked(true);
    const before = store.getState().doc;
    store.getState().commit(setRef(before, 'x.params.leak', 0.2), { label: 'Set leak', undo: 'step' });
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    expect(blocked).toEqual(['Set leak', 'Undo']);
  });

  it('still lets the panel layout change, and exposed sliders edit', () => {
    const { store, lock, doc } = setup();
    lock.setLocked(true);
    const panels = [{ type: 'traces', nodes: ['x'] }] as GraphDocument['panels'];
    store.getState().commit({ ...doc, panels }, { label: 'Panel layout', undo: 'never' });
    expect(store.getState().doc.panels).toBe(panels);
    lock.unlocked(() => store.getState().commit(setRef(store.getState().doc, 'self.params.weight.value', 0.9), { label: 'Slider', undo: 'gesture', gestureKey: 'g' }));
    expect(store.getState().doc.edges.find((e) => e.id === 'self')!.params.weight).toMatchObject({ value: 0.9 });
    expect(lock.isLocked()).toBe(true);
  });
});
