/**
 * Clicking an edge of a large network zoomed far out. There the edges are a few SVG paths
 * (FarEdges), not React Flow elements, so a click on the pane is matched to the edge drawn under
 * the pointer (within HIT_PX screen pixels) and selects it — with Shift, Ctrl or Cmd it is added
 * to (or removed from) the selection, as React Flow does for its own elements; a click on
 * nothing clears the selection.
 */
import { useCallback, type MouseEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStores } from '../../store/index.ts';
import type { SceneNode, Size } from '../scene.ts';
import type { GraphFlowEdge } from '../toFlow.ts';
import { boxLookup, edgeAt } from './farEdgePaths.ts';

/** How close to a drawn edge a click selects it, in screen pixels. */
export const HIT_PX = 6;

export function useFarEdgeClick(edges: readonly GraphFlowEdge[], nodes: readonly SceneNode[], measured: Readonly<Record<string, Size>>): (event: MouseEvent) => void {
  const rf = useReactFlow();
  const stores = useStores();
  return useCallback(
    (event: MouseEvent) => {
      const p = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = edgeAt(edges, boxLookup(nodes, measured), p, HIT_PX / rf.getZoom());
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      // after React Flow's own reaction to a pane click (it clears the selection of the elements
      // it draws next; these edges it does not draw, so a click on nothing clears them here)
      queueMicrotask(() => {
        const editor = stores.editor.getState();
        if (!id) return additive ? undefined : editor.clearSelection();
        if (!additive) return editor.select({ edges: new Set([id]) });
        const chosen = new Set(editor.selection.edges);
        if (chosen.has(id)) chosen.delete(id);
        else chosen.add(id);
        editor.select({ ...editor.selection, edges: chosen });
      });
    },
    [rf, stores, edges, nodes, measured],
  );
}
