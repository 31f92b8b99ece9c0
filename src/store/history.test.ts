import { describe, expect, it } from 'vitest';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';
import { createDocumentStore } from './documentStore.ts';
import { moveNodes } from './edits.ts';
import { HISTORY_LIMIT } from './history.ts';

const store = () => createDocumentStore(valid(leakyUnitDoc()));
const move = (s: ReturnType<typeof store>, x: number, opts: { undo: "step" | "gesture" | "never"; gestureKey?: string }) =>
  s.getState().commit(moveNodes(s.getState().doc, [{ id: 'x', position: { x, y: 0 } }]), { label: 'Move', ...opts });
const xOf = (s: ReturnType<typeof store>) => s.getState().doc.nodes[1].position.x;

describe('document history', () => {
  it('undoes and redoes steps, tracking unsaved changes', () => {
    const s = store();
    move(s, 300, { undo: 'step' });
    move(s, 400, { undo: 'step' });
    expect(s.getState().dirty).toBe(true);
    s.getState().undo();
    expect(xOf(s)).toBe(300);
    s.getState().undo();
    expect(xOf(s)).toBe(200);
    expect(s.getState().dirty).toBe(false); // back at the saved document
    s.getState().undo(); // nothing left: no change
    expect(xOf(s)).toBe(200);
    s.getState().redo();
    s.getState().redo();
    expect(xOf(s)).toBe(400);
    expect(s.getState().history.past.map((e) => e.label)).toEqual(['Move', 'Move']);
  });

  it('counts a gesture as one step until it ends', () => {
    const s = store();
    for (const x of [210, 220, 230]) move(s, x, { undo: 'gesture', gestureKey: 'drag1' });
    s.getState().endGesture();
    move(s, 240, { undo: 'gesture', gestureKey: 'drag1' });
    expect(s.getState().history.past).toHaveLength(2);
    s.getState().undo();
    expect(xOf(s)).toBe(230);
    s.getState().undo();
    expect(xOf(s)).toBe(200);
  });

  it('a new edit clears redo; "never" edits change the document without history', () => {
    const s = store();
    move(s, 300, { undo: 'step' });
    s.getState().undo();
    move(s, 250, { undo: 'step' });
    expect(s.getState().history.future).toHaveLength(0);
    move(s, 260, { undo: 'never' });
    expect(s.getState().history.past).toHaveLength(1);
  });

  it('loading starts history afresh and is not undoable', () => {
    const s = store();
    move(s, 300, { undo: 'step' });
    expect(s.getState().load(leakyUnitDoc())).toEqual({ ok: true });
    expect(s.getState().history.past).toHaveLength(0);
    s.getState().undo();
    expect(xOf(s)).toBe(200);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const s = store();
    for (let k = 1; k <= HISTORY_LIMIT + 5; k++) move(s, 200 + k, { undo: 'step' });
    expect(s.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('ignores edits that change nothing', () => {
    const s = store();
    move(s, 200, { undo: 'step' });
    expect(s.getState().history.past).toHaveLength(0);
  });
});
