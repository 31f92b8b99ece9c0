/**
 * Whether the view still shows the network as it was fitted: until the user pans or zooms, the
 * view re-fits whenever the canvas changes size (the window, the course drawer, a side folded,
 * the panels' height), so a resized window never leaves the network cut off or tiny. A canvas
 * that opens on an empty network is the user's from the start: nodes dropped on it stay where
 * they were dropped, at zoom 1.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useStoreApi, type FitViewOptions, type ReactFlowInstance } from '@xyflow/react';
import type { SceneNode } from './scene.ts';
import type { GraphFlowEdge } from './toFlow.ts';

export function useFitFollow(rf: ReactFlowInstance<SceneNode, GraphFlowEdge>, options: FitViewOptions<SceneNode>, startsFitted: boolean) {
  const following = useRef(startsFitted);
  const store = useStoreApi<SceneNode, GraphFlowEdge>();
  const fit = useCallback(() => {
    following.current = true;
    void rf.fitView(options);
  }, [rf, options]);
  /** The view was fitted by someone else (the zoom controls' fit button). */
  const resume = useCallback(() => void (following.current = true), []);
  const leave = useCallback(() => void (following.current = false), []);
  /** React Flow's onMoveStart: an event means the user moved the view (a programmatic move has none). */
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) following.current = false;
  }, []);

  // React Flow's own record of the canvas size is what a fit uses: follow it.
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if ((s.width === prev.width && s.height === prev.height) || !following.current || s.width === 0 || s.height === 0) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void rf.fitView(options));
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [rf, store, options]);

  return { fit, resume, leave, onMoveStart };
}
