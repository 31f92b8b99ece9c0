/**
 * The app's stores made by the factory and wired together, driven headless (no React, no page):
 * what follows a load, an edit, a reseed, a panel-layout change and a task run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineSession } from '../engine/worker/session.ts';
import { localEngineClient } from '../engine/worker/client.ts';
import { localAnalysisClient } from '../engine/worker/analysis-client.ts';
import { AnalysisSession } from '../engine/worker/analysis-session.ts';
import { leakyUnitDoc, loadPreset, valid } from '../test-support/docs.ts';
import { createAppStores, openDocument, type AppStores } from './appStores.ts';
import type { GraphDocument } from '../model/index.ts';

const inPage = () => localEngineClient(new EngineSession());
let apps: AppStores[] = [];
function app(doc = valid(leakyUnitDoc())): AppStores {
  const stores = createAppStores({ doc, engine: inPage, analysis: () => localAnalysisClient(new AnalysisSession()) });
  apps.push(stores);
  return stores;
}
afterEach(() => {
  for (const a of apps) a.dispose();
  apps = [];
});
const trace = (s: AppStores, probe = 'x') => Array.from(s.sim.live.windows.get(probe)!.slice().data);

describe('createAppStores', () => {
  it('makes independent apps: a step in one leaves the other at step 0', async () => {
    const a = app();
    const b = app();
    await a.sim.getState().step(3);
    expect(trace(a)).toEqual([1, 1.5, 1.75]);
    expect(b.sim.live.t).toBe(0);
    expect(b.docs).not.toBe(a.docs);
    a.editor.getState().select({ nodes: new Set(['x']) });
    expect(b.editor.getState().selection.nodes.size).toBe(0);
  });

  it("opens with the document's panel layout, or a first one for its network", () => {
    const esn = loadPreset('esn-narma10');
    expect(app(esn).panels.getState().panels.map((p) => p.type)).toEqual(esn.panels!.map((p) => p.type));
    const first = app().panels.getState().panels;
    expect(first.map((p) => p.type)).toEqual(['traces']);
    expect(first[0].nodes).toEqual(['x']);
  });

  it('loading another document replaces the layout, forgets the run and the task results', async () => {
    const s = app();
    await s.sim.getState().step(5);
    s.tasks.setState({ train: { reply: { ok: false, error: 'stale' } as never, doc: s.docs.getState().doc } });
    const esn = loadPreset('esn-sine');
    expect(openDocument(s, { value: esn }, 'test')).toEqual({ ok: true });
    expect(s.tasks.getState().train).toBeNull();
    expect(s.sim.live.t).toBe(0);
    expect(s.sim.getState()).toMatchObject({ status: 'idle', frame: null, seed: esn.seed });
    expect(s.panels.getState().panels.map((p) => p.type)).toEqual(['traces', 'heatmap', 'spectrum']);
    const r = await s.sim.getState().step(2);
    expect(r).toMatchObject({ ok: true, frame: { t: 2 } });
    expect(s.sim.getState().nodes.map((n) => n.id).sort()).toEqual(esn.nodes.map((n) => n.id).sort());
  });

  it('a bad document changes nothing and is reported in the load-error dialog', async () => {
    const s = app();
    const before = s.docs.getState().doc;
    const outcome = openDocument(s, { text: '{"format":"recurrence-graph","version":1,"title":"x","seed":1,"dt":1,"nodes":[{"id":"a","kind":"rate","params":{"size":-1}}],"edges":[]}' }, 'bad.json');
    expect(outcome.ok).toBe(false);
    expect(s.docs.getState().doc).toBe(before);
    expect(s.ui.getState().loadError).toMatchObject({ source: 'bad.json' });
    expect(s.ui.getState().loadError!.errors[0].path).toMatch(/^nodes\[0\]\.params\.size/);
  });

  it('an edit reaches the running network at the next step, and undo takes it back', async () => {
    const s = app();
    await s.sim.getState().step(2);
    const doc = s.docs.getState().doc;
    const next = structuredClone(doc);
    (next.edges[1].params.weight as { value: number }).value = 0.25;
    s.docs.getState().commit(next, { label: 'Edit', undo: 'step' });
    await s.sim.getState().step(1);
    expect(trace(s)).toEqual([1, 1.5, 1 + 0.25 * 1.5]);
    expect(s.sim.getState().notice).toMatch(/applied to self/);
    s.docs.getState().undo();
    await s.sim.getState().step(1);
    expect(trace(s).at(-1)).toBe(1 + 0.5 * (1 + 0.25 * 1.5));
  });

  it('a panel-layout change is saved in the document outside undo history, and a move does not reach the engine', async () => {
    const s = app();
    await s.sim.getState().step(1);
    const id = s.panels.getState().add({ type: 'heatmap', nodes: ['x'] });
    expect(s.docs.getState().doc.panels!.map((p) => p.id)).toContain(id);
    expect(s.docs.getState().history.past).toHaveLength(0);
    s.docs.getState().moveNode('x', { x: 500, y: 500 });
    expect(s.docs.getState().history.past).toHaveLength(1);
    await s.sim.getState().step(1);
    expect(s.sim.getState().notice).toBeNull();
  });

  it('Reseed writes its seed into the document (not an undo step); the run from that seed is reproduced', async () => {
    const raw = leakyUnitDoc();
    raw.nodes[1].params = { size: 3, activation: 'tanh', leak: 1, bias: 0, init: { type: 'uniform', low: -1, high: 1 } };
    const s = app(valid(raw));
    await s.sim.getState().reseed();
    const seed = s.sim.getState().seed!;
    expect(s.docs.getState().doc.seed).toBe(seed);
    expect(s.docs.getState().history.past).toHaveLength(0);
    await s.sim.getState().step(4);
    const reseeded = trace(s);
    await s.sim.getState().runFromSeed(4);
    expect(trace(s)).toEqual(reseeded);
  });

  it('the classroom lock refuses edits with one message, but lets the panel layout change', () => {
    const s = app();
    s.lock.setLocked(true);
    const before = s.docs.getState().doc;
    s.docs.getState().moveNode('x', { x: 9, y: 9 });
    s.docs.getState().moveNode('x', { x: 8, y: 8 });
    expect(s.docs.getState().doc).toBe(before);
    expect(s.editor.getState().toasts.map((t) => t.message)).toEqual([expect.stringMatching(/^Move: the network is locked/)]);
    s.panels.getState().add({ type: 'heatmap', nodes: ['x'] });
    expect(s.docs.getState().doc.panels).toHaveLength(2);
  });

  it('an edit is validated once, by the document store: the engine gets the valid edits that matter, an invalid one is a notice naming the field', async () => {
    const received: GraphDocument[] = [];
    class RecordingSession extends EngineSession {
      override async update(doc: GraphDocument) {
        received.push(doc);
        return super.update(doc);
      }
    }
    const s = createAppStores({ doc: valid(leakyUnitDoc()), engine: () => localEngineClient(new RecordingSession()), analysis: () => localAnalysisClient(new AnalysisSession()) });
    apps.push(s);
    await s.sim.getState().step(2);
    const doc = s.docs.getState().doc;
    const bad = structuredClone(doc);
    (bad.nodes[1].params as { leak: number }).leak = 7;
    s.docs.getState().commit(bad, { label: 'Edit', undo: 'step' });
    expect((await s.sim.getState().step(1)).ok).toBe(false); // the run waits for a valid network
    expect(s.sim.getState().notice).toMatch(/^Not applied: node x params\.leak: must be in \(0, 1\], got 7\./);
    expect(trace(s)).toEqual([1, 1.5]);
    const good = structuredClone(doc);
    (good.edges[1].params.weight as { value: number }).value = 0.25;
    s.docs.getState().commit(good, { label: 'Edit', undo: 'step' });
    s.docs.getState().moveNode('x', { x: 300, y: 40 });
    await s.sim.getState().step(1);
    expect(s.sim.getState().notice).toMatch(/applied to self/);
    expect(trace(s)).toEqual([1, 1.5, 1 + 0.25 * 1.5]);
    expect(received).toHaveLength(1); // the weight edit; not the invalid edit, not the move
    const checked = s.docs.getState().checked(good);
    expect(checked.ok && received[0] === checked.doc).toBe(true); // the store's validated document, not validated again
  });

  it('validates an edited document once, and not again for a move', () => {
    const s = app();
    const doc = s.docs.getState().doc;
    expect(s.docs.getState().issuesOf(doc)).toEqual([]);
    const bad = structuredClone(doc);
    (bad.nodes[1].params as { leak: number }).leak = 7;
    const issues = s.docs.getState().issuesOf(bad);
    expect(issues.map((i) => i.path)).toEqual(['nodes[1].params.leak']);
    const moved = { ...bad, nodes: bad.nodes.map((n) => (n.id === 'x' ? { ...n, position: { x: 1, y: 2 } } : n)) };
    expect(s.docs.getState().issuesOf(moved)).toBe(issues);
  });

  it('loading another document clears the selection and the editor’s messages about the old one', () => {
    const s = app();
    s.editor.getState().select({ edges: new Set(['self']) });
    s.editor.getState().toast('Nothing to paste: the clipboard holds no Recurrence nodes.', 'warning');
    s.editor.getState().setHighlight({ nodes: ['x'], edges: [] });
    expect(openDocument(s, { value: loadPreset('ff-vs-recurrent') }, 'test')).toEqual({ ok: true });
    const editor = s.editor.getState();
    expect([editor.selection.nodes.size, editor.selection.edges.size, editor.selection.groups.size]).toEqual([0, 0, 0]);
    expect(editor.toasts).toEqual([]);
    expect(editor.highlight).toBeNull();
  });

  it('an edit the engine refuses holds the run and names the edge by its label; Undo clears the message', async () => {
    const s = app();
    await s.sim.getState().step(2);
    const doc = s.docs.getState().doc;
    // The self-loop with no delay: a loop the compiler rejects.
    const bad = { ...doc, edges: doc.edges.map((e) => (e.id === 'self' ? { ...e, label: 'recurrence', params: { ...e.params, delay: 0 } } : e)) };
    s.docs.getState().commit(bad, { label: 'Edit', undo: 'step' });
    const refused = await s.sim.getState().step(1);
    expect(refused.ok).toBe(false);
    expect(s.sim.live.t).toBe(2); // the old network did not run on
    const notice = s.sim.getState().notice!;
    expect(notice).toMatch(/^Not applied: /);
    expect(notice).not.toMatch(/edges\[/);
    expect(notice).toContain('edge “recurrence” (self)');
    s.docs.getState().undo();
    await s.sim.getState().step(1);
    expect(s.sim.getState().notice).toBeNull();
    expect(trace(s)).toEqual([1, 1.5, 1.75]);
  });
});
