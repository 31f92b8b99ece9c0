/** Every command of the table, headless: what it does, and that undo restores the document. */
import { describe, expect, it } from 'vitest';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../../test-support/docs.ts';
import { allKinds, validateDocument, type GraphDocument } from '../../model/index.ts';
import { createDocumentStore } from '../../store/documentStore.ts';
import { createEditorStore } from '../../store/editorStore.ts';
import { groupsOf } from '../../store/groups.ts';
import { commandList, commands, execute, type CommandContext } from './table.ts';
import { matchesKey } from './keys.ts';

function setup(doc: GraphDocument = valid(leakyUnitDoc())) {
  const calls: string[] = [];
  const ctx: CommandContext = {
    docs: createDocumentStore(doc),
    editor: createEditorStore(),
    view: { fitView: () => calls.push('fit'), zoomIn: () => calls.push('in'), zoomOut: () => calls.push('out'), centre: () => ({ x: 50, y: 60 }), size: () => undefined },
    files: { newDocument: () => calls.push('new'), open: () => calls.push('open'), save: () => calls.push('save'), saveAs: () => calls.push('saveAs'), share: () => calls.push('share') },
    writeClipboard: (t) => calls.push(`clip:${t.length}`),
  };
  const doc0 = () => ctx.docs.getState().doc;
  /** Runs undo and checks the document is the one before the edit. */
  const undoRestores = (before: GraphDocument) => {
    execute(ctx, 'history.undo');
    expect(doc0()).toBe(before);
  };
  return { ctx, calls, doc: doc0, undoRestores, select: ctx.editor.getState().select };
}

const chain = () =>
  valid(
    rawDoc(
      [node('u', 'input', { size: 1, signal: { type: 'constant', value: 1 } }), node('a', 'rate', { size: 1 }, 200), node('b', 'rate', { size: 1 }, 400)],
      [edge('e1', 'u', 'a', { type: 'constant', value: 1 }), edge('e2', 'a', 'b', { type: 'constant', value: 1 })],
    ),
  );

describe('edit commands and their undo', () => {
  it('node.add: adds a valid node of the kind at the point, selected', () => {
    const t = setup();
    const before = t.doc();
    execute(t.ctx, 'node.add', { kind: 'lif', position: { x: 10.4, y: 20 } });
    const added = t.doc().nodes.at(-1)!;
    expect(added).toMatchObject({ id: 'lif1', kind: 'lif', position: { x: 10, y: 20 } });
    expect(validateDocument(t.doc()).ok).toBe(true);
    expect([...t.ctx.editor.getState().selection.nodes]).toEqual(['lif1']);
    execute(t.ctx, 'node.add', { kind: 'rate' });
    expect(t.doc().nodes.at(-1)!.position).toEqual({ x: 50, y: 60 }); // the view's centre
    execute(t.ctx, 'history.undo');
    t.undoRestores(before);
  });

  it('node.add: every registered kind gives a valid document', () => {
    const kinds = allKinds().map((k) => k.kind);
    expect(kinds).toContain('readout');
    for (const kind of kinds) {
      const t = setup();
      execute(t.ctx, 'node.add', { kind });
      const r = validateDocument(t.doc());
      expect(r.ok, `${kind}: ${r.ok ? '' : JSON.stringify(r.errors)}`).toBe(true);
    }
  });

  it('edge.connect: a plain edge has delay 0', () => {
    const t = setup(chain());
    const before = t.doc();
    execute(t.ctx, 'edge.connect', { source: 'u', target: 'b' });
    expect(t.doc().edges.at(-1)).toMatchObject({ source: 'u', target: 'b', params: { delay: 0 } });
    expect(t.ctx.editor.getState().toasts).toHaveLength(0);
    t.undoRestores(before);
  });

  it('edge.connect: closing a delay-0 loop sets delay 1 and says why', () => {
    const t = setup(chain());
    execute(t.ctx, 'edge.connect', { source: 'b', target: 'a' });
    const e = t.doc().edges.at(-1)!;
    expect(e.params.delay).toBe(1);
    expect(validateDocument(t.doc()).ok).toBe(true);
    const [toast] = t.ctx.editor.getState().toasts;
    expect(toast.message).toContain('closes the loop a → b → a');
    expect(toast.message).toContain('delay of 1 step');
  });

  it('edge.connect: a self-loop gets delay 1; an input cannot receive edges', () => {
    const t = setup(chain());
    execute(t.ctx, 'edge.connect', { source: 'a', target: 'a' });
    expect(t.doc().edges.at(-1)).toMatchObject({ source: 'a', target: 'a', params: { delay: 1 } });
    expect(t.ctx.editor.getState().toasts[0].message).toContain('self-loop');
    const before = t.doc();
    execute(t.ctx, 'edge.connect', { source: 'a', target: 'u' });
    expect(t.doc()).toBe(before);
    expect(t.ctx.editor.getState().toasts.at(-1)!.message).toContain('receives no edges');
  });

  it('selection.move: a drag is one undo step', () => {
    const t = setup();
    const before = t.doc();
    for (const x of [201, 230, 260]) execute(t.ctx, 'selection.move', { moves: [{ id: 'x', position: { x, y: 5 } }] }, 'drag-1');
    t.ctx.docs.getState().endGesture();
    expect(t.doc().nodes[1].position).toEqual({ x: 260, y: 5 });
    expect(t.ctx.docs.getState().history.past).toHaveLength(1);
    t.undoRestores(before);
  });

  it('node.setParams, node.scrubParams (one step per scrub), node.rename', () => {
    const t = setup();
    const before = t.doc();
    const params = (leak: number) => ({ ...t.doc().nodes[1].params, leak });
    execute(t.ctx, 'node.setParams', { id: 'x', params: params(0.5) });
    expect(t.doc().nodes[1].params).toMatchObject({ leak: 0.5 });
    t.undoRestores(before);
    for (const leak of [0.9, 0.8, 0.7]) execute(t.ctx, 'node.scrubParams', { id: 'x', params: params(leak) }, 'scrub-leak');
    t.ctx.docs.getState().endGesture();
    expect(t.ctx.docs.getState().history.past).toHaveLength(1);
    t.undoRestores(before);
    execute(t.ctx, 'node.rename', { id: 'x', label: 'memory' });
    expect(t.doc().nodes[1].label).toBe('memory');
    t.undoRestores(before);
  });

  it('edge.setParams, edge.scrubParams, edge.delayByOne', () => {
    const t = setup();
    const before = t.doc();
    const p = t.doc().edges[0].params;
    execute(t.ctx, 'edge.setParams', { id: 'in', params: { ...p, delay: 3 } });
    expect(t.doc().edges[0].params.delay).toBe(3);
    t.undoRestores(before);
    execute(t.ctx, 'edge.scrubParams', { id: 'in', params: { ...p, weight: { type: 'constant', value: 2 } } }, 's');
    execute(t.ctx, 'edge.scrubParams', { id: 'in', params: { ...p, weight: { type: 'constant', value: 3 } } }, 's');
    expect(t.ctx.docs.getState().history.past).toHaveLength(1);
    t.undoRestores(before);
    execute(t.ctx, 'edge.delayByOne', { id: 'in' });
    expect(t.doc().edges[0].params.delay).toBe(1);
    t.undoRestores(before);
  });

  it('edge.rename: sets a trimmed label, clears it when empty; each is one undo step', () => {
    const t = setup();
    const before = t.doc();
    execute(t.ctx, 'edge.rename', { id: 'in', label: '  drive ' });
    expect(t.doc().edges[0].label).toBe('drive');
    expect(t.doc().edges[1]).toBe(before.edges[1]);
    expect(validateDocument(t.doc()).ok).toBe(true);
    const labelled = t.doc();
    execute(t.ctx, 'edge.rename', { id: 'in', label: '' });
    expect('label' in t.doc().edges[0]).toBe(false);
    t.undoRestores(labelled);
    t.undoRestores(before);
    execute(t.ctx, 'edge.rename', { id: 'nope', label: 'x' });
    expect(t.doc()).toBe(before);
  });

  it('document.setFields', () => {
    const t = setup();
    const before = t.doc();
    execute(t.ctx, 'document.setFields', { title: 'Renamed', seed: 42 });
    expect(t.doc()).toMatchObject({ title: 'Renamed', seed: 42 });
    t.undoRestores(before);
  });

  it('layout.auto: places nodes left to right in one step', async () => {
    const t = setup(chain());
    const before = t.doc();
    await execute(t.ctx, 'layout.auto');
    const xs = t.doc().nodes.map((n) => n.position.x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
    expect(t.calls).toContain('fit');
    t.undoRestores(before);
  });

  it('selection.delete removes nodes with their edges, and edges', () => {
    const t = setup(chain());
    const before = t.doc();
    t.select({ nodes: new Set(['a']) });
    execute(t.ctx, 'selection.delete');
    expect(t.doc().nodes.map((n) => n.id)).toEqual(['u', 'b']);
    expect(t.doc().edges).toHaveLength(0);
    t.undoRestores(before);
    t.select({ edges: new Set(['e2']) });
    execute(t.ctx, 'selection.delete');
    expect(t.doc().edges.map((e) => e.id)).toEqual(['e1']);
    t.undoRestores(before);
  });

  it('clipboard.copy then clipboard.paste: fresh ids, offset, internal edges only', () => {
    const t = setup(chain());
    const before = t.doc();
    t.select({ nodes: new Set(['a', 'b']) });
    execute(t.ctx, 'clipboard.copy');
    expect(t.calls.some((c) => c.startsWith('clip:'))).toBe(true);
    expect(t.doc()).toBe(before); // copying is no edit
    execute(t.ctx, 'clipboard.paste');
    const added = t.doc().nodes.slice(3);
    expect(added.map((n) => n.id)).toEqual(['a1', 'b1']);
    expect(added[0].position).toEqual({ x: 240, y: 40 });
    expect(t.doc().edges.slice(2)).toMatchObject([{ source: 'a1', target: 'b1' }]);
    expect(validateDocument(t.doc()).ok).toBe(true);
    expect([...t.ctx.editor.getState().selection.nodes]).toEqual(['a1', 'b1']);
    t.undoRestores(before);
  });

  it('clipboard.paste: text from another tab, and junk is refused with a message', () => {
    const t = setup(chain());
    const text = JSON.stringify({ format: 'recurrence-fragment', version: 2, nodes: [{ id: 'z', kind: 'rate', position: { x: 0, y: 0 }, params: { size: 3 } }], edges: [], groups: [] });
    execute(t.ctx, 'clipboard.paste', { text });
    expect(t.doc().nodes.at(-1)).toMatchObject({ id: 'z', params: { size: 3, leak: 1 } });
    const before = t.doc();
    execute(t.ctx, 'clipboard.paste', { text: 'hello' });
    expect(t.doc()).toBe(before);
    expect(t.ctx.editor.getState().toasts.at(-1)!.message).toContain('Nothing to paste');
  });

  it('clipboard.cut copies and deletes in one step', () => {
    const t = setup(chain());
    const before = t.doc();
    t.select({ nodes: new Set(['b']) });
    execute(t.ctx, 'clipboard.cut');
    expect(t.doc().nodes.map((n) => n.id)).toEqual(['u', 'a']);
    expect(t.ctx.editor.getState().clipboard).toContain('"b"');
    t.undoRestores(before);
  });

  it('selection.duplicate', () => {
    const t = setup(chain());
    const before = t.doc();
    t.select({ nodes: new Set(['a']) });
    execute(t.ctx, 'selection.duplicate');
    expect(t.doc().nodes.at(-1)).toMatchObject({ id: 'a1', position: { x: 240, y: 40 } });
    t.undoRestores(before);
  });

  it('selection.all and selection.clear are not edits', () => {
    const t = setup(chain());
    execute(t.ctx, 'selection.all');
    expect(t.ctx.editor.getState().selection.nodes.size).toBe(3);
    expect(t.ctx.editor.getState().selection.edges.size).toBe(2);
    execute(t.ctx, 'selection.clear');
    expect(t.ctx.editor.getState().selection.nodes.size).toBe(0);
    expect(t.ctx.docs.getState().history.past).toHaveLength(0);
  });

  it('groups: group, collapse, rename, copy as one, ungroup, delete as one', () => {
    const t = setup(chain());
    const before = t.doc();
    t.select({ nodes: new Set(['a', 'b']) });
    execute(t.ctx, 'selection.group');
    expect(groupsOf(t.doc())).toEqual([{ type: 'group', id: 'group1', label: 'Module 1', nodes: ['a', 'b'], collapsed: false }]);
    expect(validateDocument(t.doc()).ok).toBe(true); // groups survive validation
    expect(groupsOf(valid(t.doc()))).toHaveLength(1);
    execute(t.ctx, 'group.toggle', { id: 'group1' });
    expect(groupsOf(t.doc())[0].collapsed).toBe(true);
    execute(t.ctx, 'group.rename', { id: 'group1', label: 'Core' });
    expect(groupsOf(t.doc())[0].label).toBe('Core');
    t.select({ groups: new Set(['group1']) });
    execute(t.ctx, 'selection.duplicate');
    expect(groupsOf(t.doc()).map((g) => g.nodes)).toEqual([['a', 'b'], ['a1', 'b1']]);
    execute(t.ctx, 'history.undo');
    t.select({ groups: new Set(['group1']) });
    execute(t.ctx, 'selection.ungroup');
    expect(groupsOf(t.doc())).toEqual([]);
    execute(t.ctx, 'history.undo');
    t.select({ groups: new Set(['group1']) });
    execute(t.ctx, 'selection.delete');
    expect(t.doc().nodes.map((n) => n.id)).toEqual(['u']);
    expect(groupsOf(t.doc())).toEqual([]);
    for (let k = 0; k < 4; k++) execute(t.ctx, 'history.undo');
    expect(t.doc()).toBe(before);
  });

  it('history.redo re-applies an undone edit', () => {
    const t = setup();
    execute(t.ctx, 'node.add', { kind: 'rate' });
    const after = t.doc();
    execute(t.ctx, 'history.undo');
    execute(t.ctx, 'history.redo');
    expect(t.doc()).toBe(after);
  });

  it('network.keepTrained: trained edges become matrix weights, node values go in by their kind, one undo step', () => {
    const t = setup(chain());
    const before = t.doc();
    execute(t.ctx, 'network.keepTrained', { edges: [{ id: 'e2', rows: 1, cols: 1, values: [0.25] }], nodes: [{ id: 'b', name: 'bias', values: [-0.5] }] });
    const after = t.doc();
    expect(after.edges.find((e) => e.id === 'e2')!.params.weight).toEqual({ type: 'matrix', values: [[0.25]] });
    expect(after.edges.find((e) => e.id === 'e1')).toBe(before.edges.find((e) => e.id === 'e1'));
    expect((after.nodes.find((n) => n.id === 'b')!.params as { bias: unknown }).bias).toEqual([-0.5]);
    expect(validateDocument(after).ok).toBe(true);
    expect(t.ctx.docs.getState().history.past.at(-1)?.label).toBe('Keep trained weights');
    t.undoRestores(before);
  });
});

describe('non-edit commands', () => {
  it('file and view commands call their providers and never enter history', () => {
    const t = setup();
    for (const id of ['file.new', 'file.open', 'file.save', 'file.saveAs', 'file.share', 'view.fit', 'view.zoomIn', 'view.zoomOut'] as const) execute(t.ctx, id);
    expect(t.calls).toEqual(['new', 'open', 'save', 'saveAs', 'share', 'fit', 'in', 'out']);
    execute(t.ctx, 'help.show');
    expect(t.ctx.editor.getState().helpOpen).toBe(true);
    execute(t.ctx, 'view.schedule');
    expect(t.ctx.editor.getState().sidebarTab).toBe('schedule');
    expect(t.ctx.docs.getState().history.past).toHaveLength(0);
  });
});

describe('the table', () => {
  it('has unique ids and unique key bindings, and ids match their keys', () => {
    for (const [key, spec] of Object.entries(commands)) expect(spec.id).toBe(key);
    const keys = commandList.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches key events', () => {
    const ev = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(matchesKey('Mod+Z', ev('z', { ctrlKey: true }))).toBe(true);
    expect(matchesKey('Mod+Z', ev('z', { metaKey: true }))).toBe(true);
    expect(matchesKey('Mod+Z', ev('Z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKey('Mod+Shift+Z', ev('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKey('?', ev('?', { shiftKey: true }))).toBe(true);
    expect(matchesKey('Delete', ev('Delete'))).toBe(true);
    expect(matchesKey('+', ev('+', { shiftKey: true }))).toBe(true);
    expect(matchesKey('Shift+L', ev('L', { shiftKey: true }))).toBe(true);
    expect(matchesKey('Shift+L', ev('l'))).toBe(false);
  });
});
