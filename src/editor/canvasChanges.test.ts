/** A drag on the canvas, headless: what it shows per frame, what it commits at the end. */
import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { GraphDocument } from '../model/index.ts';
import { leakyUnitDoc, valid } from '../test-support/docs.ts';
import { groupNodes } from '../store/groups.ts';
import { emptySelection } from '../store/editorStore.ts';
import { createDocumentStore } from '../store/documentStore.ts';
import { documentIssues } from './issues.ts';
import { createSceneBuilder, groupFlowId, type SceneNode } from './scene.ts';
import { documentMoves, dragPositions, MOVING_EDGE_CLASS, withDragPositions, withMovingEdges } from './canvasChanges.ts';

const move = (id: string, x: number, y: number, dragging = true): NodeChange<SceneNode> => ({ type: 'position', id, position: { x, y }, dragging });

function sceneOf(doc = valid(leakyUnitDoc())) {
  const build = createSceneBuilder();
  return { doc, build, scene: build({ doc, measured: {}, selection: emptySelection, highlight: null, issues: documentIssues(doc) }) };
}

describe('a drag on the canvas', () => {
  it('lays the dragged positions over the shown nodes: only the dragged node is a new object', () => {
    const { doc, scene } = sceneOf();
    const positions = dragPositions(doc, [move('x', 300, 40)], scene.nodes);
    const shown = withDragPositions(scene.nodes, positions);
    expect(shown[0]).toBe(scene.nodes[0]);
    expect(shown[1]).not.toBe(scene.nodes[1]);
    expect(shown[1].position).toEqual({ x: 300, y: 40 });
    expect(withDragPositions(scene.nodes, new Map())).toBe(scene.nodes);
    expect(documentMoves(positions)).toEqual([{ id: 'x', position: { x: 300, y: 40 } }]);
  });

  it('a dragged group frame carries its members; only the members are document moves', () => {
    const doc = groupNodes(valid(leakyUnitDoc()), ['u', 'x'], 'M', 'g');
    const { scene } = sceneOf(doc);
    const frame = scene.nodes.find((n) => n.id === groupFlowId('g'))!;
    const positions = dragPositions(doc, [move(frame.id, frame.position.x + 10, frame.position.y + 5)], scene.nodes);
    expect(positions.get(frame.id)).toEqual({ x: frame.position.x + 10, y: frame.position.y + 5 });
    expect(documentMoves(positions)).toEqual([
      { id: 'u', position: { x: 10, y: 5 } },
      { id: 'x', position: { x: 210, y: 5 } },
    ]);
  });

  it('marks the edges of the moving nodes (once per gesture) and leaves the others as they are', () => {
    const { scene } = sceneOf();
    expect(withMovingEdges(scene.edges, new Set())).toBe(scene.edges);
    const marked = withMovingEdges(scene.edges, new Set(['u']));
    expect(marked[0].className).toContain(MOVING_EDGE_CLASS);
    expect(marked[1]).toBe(scene.edges[1]);
  });

  it('is committed as one Move: one undo step restores the document from before the drag', () => {
    const { doc, scene } = sceneOf();
    const store = createDocumentStore(doc);
    let positions = new Map<string, { x: number; y: number }>();
    for (let k = 1; k <= 5; k++) positions = new Map([...positions, ...dragPositions(doc, [move('x', 200 + k, k)], scene.nodes)]);
    expect(store.getState().doc).toBe(doc); // nothing reaches the document during the drag
    const moves = documentMoves(positions);
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: moves.find((m) => m.id === n.id)?.position ?? n.position })) };
    store.getState().commit(moved, { label: 'Move', undo: 'gesture', gestureKey: 'drag:1' });
    store.getState().endGesture();
    expect(store.getState().doc.nodes[1].position).toEqual({ x: 205, y: 5 });
    store.getState().undo();
    expect(store.getState().doc).toBe(doc);
  });
});

describe('the scene', () => {
  it('keeps its arrays when nothing changed; a measured size or a selection renews only that node', () => {
    const { doc, build, scene } = sceneOf();
    const issues = documentIssues(doc);
    expect(build({ doc, measured: {}, selection: emptySelection, highlight: null, issues })).toBe(scene);
    const sized = build({ doc, measured: { x: { width: 150, height: 70 } }, selection: emptySelection, highlight: null, issues });
    expect(sized.nodes[0]).toBe(scene.nodes[0]);
    expect(sized.nodes[1].measured).toEqual({ width: 150, height: 70 }); // the minimap reads it from here
    expect(sized.edges).toBe(scene.edges);
    const selected = build({ doc, measured: {}, selection: { ...emptySelection, nodes: new Set(['x']) }, highlight: null, issues });
    expect(selected.nodes[0]).toBe(scene.nodes[0]);
    expect(selected.nodes[1].selected).toBe(true);
    expect(selected.edges).toBe(scene.edges);
  });

  it('flags the edges of a loop with no delay (red line and arrowhead)', () => {
    const raw = leakyUnitDoc();
    (raw.edges[1].params as { delay: number }).delay = 0;
    const { scene } = sceneOf(raw as unknown as GraphDocument); // an edit may leave the document invalid
    expect(scene.edges.map((e) => e.data?.alert ?? false)).toEqual([false, true]);
    expect(scene.edges[1].className).toContain('is-in-loop');
  });
});
