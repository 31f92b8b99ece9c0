/**
 * Whether the view still shows the network as it was fitted: until the user pans or zooms, the
 * view re-fits whenever the canvas changes size (the window, the course drawer, a side folded,
 * the panels' height), so a resized window never leaves the network cut off or tiny. A canvas
 * that opens on an empty network is the user's from the start: nodes dropped on it stay where
 * they were dropped, at zoom 1.
 *
 * A fit takes in what is drawn, not only the nodes: a self-loop and its label reach above and
 * beside their node, and would otherwise be cut off at the canvas's edge on a narrow window.
 */
import { useCallback, useEffect, useRef } from 'react';
import { getViewportForBounds, useStoreApi, type FitViewOptions, type ReactFlowInstance, type Rect } from '@xyflow/react';
import type { SceneNode } from './scene.ts';
import type { GraphFlowEdge } from './toFlow.ts';

/** Above this many nodes a fit takes the nodes' box alone (measuring every drawn edge would cost more than it shows). */
const MEASURED_FIT_LIMIT = 300;
/** Margin (screen px) around the drawn box; wider on the left, where the zoom controls lie over the canvas. */
const DRAWN_PADDING = { top: '24px', left: '56px', right: '20px', bottom: '20px' } as const;
/** Frames to wait for the first nodes to be measured and their edges drawn before the first full fit. */
const FIRST_FIT_FRAMES = 90;

/** The box of everything drawn on the canvas (nodes, edge paths, edge labels) in flow coordinates, or null when nothing is drawn. */
function drawnBounds(rf: ReactFlowInstance<SceneNode, GraphFlowEdge>, root: HTMLElement): Rect | null {
  const boxes = [...root.querySelectorAll('.react-flow__node, .react-flow__edge-path, .react-flow__edgelabel-renderer > *')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 || r.height > 0);
  if (boxes.length === 0) return null;
  const topLeft = rf.screenToFlowPosition({ x: Math.min(...boxes.map((r) => r.left)), y: Math.min(...boxes.map((r) => r.top)) }, { snapToGrid: false });
  const bottomRight = rf.screenToFlowPosition({ x: Math.max(...boxes.map((r) => r.right)), y: Math.max(...boxes.map((r) => r.bottom)) }, { snapToGrid: false });
  return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}

export function useFitFollow(rf: ReactFlowInstance<SceneNode, GraphFlowEdge>, options: FitViewOptions<SceneNode>, startsFitted: boolean) {
  const following = useRef(startsFitted);
  const store = useStoreApi<SceneNode, GraphFlowEdge>();
  /** Fits what is drawn into the canvas (React Flow's own fit of the nodes when there is much to measure). */
  const fitDrawn = useCallback(() => {
    const s = store.getState();
    const bounds = s.domNode && s.nodes.length <= MEASURED_FIT_LIMIT ? drawnBounds(rf, s.domNode) : null;
    if (!bounds || s.width === 0 || s.height === 0) return void rf.fitView(options);
    void rf.setViewport(getViewportForBounds(bounds, s.width, s.height, options.minZoom ?? s.minZoom, options.maxZoom ?? s.maxZoom, DRAWN_PADDING));
  }, [rf, store, options]);
  const fit = useCallback(() => {
    following.current = true;
    fitDrawn();
  }, [fitDrawn]);
  /** The view was fitted by someone else (the zoom controls' fit button, which fits the nodes): fit what is drawn. */
  const resume = fit;
  const leave = useCallback(() => void (following.current = false), []);
  /** React Flow's onMoveStart: an event means the user moved the view (a programmatic move has none). */
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) following.current = false;
  }, []);

  // The first full fit, once the nodes are measured and their edges and labels drawn (React
  // Flow's initial fit sees the nodes only).
  useEffect(() => {
    if (!startsFitted) return;
    let frame = 0;
    let left = FIRST_FIT_FRAMES;
    let settle = 2;
    const tick = () => {
      const s = store.getState();
      const measured = s.width > 0 && s.nodeLookup.size > 0 && [...s.nodeLookup.values()].every((n) => n.measured.width);
      if (!following.current) return;
      if (measured && settle-- <= 0) return fitDrawn();
      if (left-- > 0) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [store, fitDrawn, startsFitted]);

  // React Flow's own record of the canvas size is what a fit uses: follow it.
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if ((s.width === prev.width && s.height === prev.height) || !following.current || s.width === 0 || s.height === 0) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fitDrawn);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, fitDrawn]);

  return { fit, resume, leave, onMoveStart };
}
