/**
 * Level of detail: zoomed far out (a large network fitted into view), edge labels are too small
 * to read and shadows, dashes and arrowheads cost paint time on every frame of a drag, so they
 * are left out and edges are straight lines. The canvas reads the zoom once and hands the answer
 * to its elements through a context (one store subscription instead of one per edge).
 */
import { createContext, useContext } from 'react';
import { useStore } from '@xyflow/react';

/** Below this zoom the canvas draws less. */
export const FAR_ZOOM = 0.45;

/** Whether the canvas is zoomed out beyond FAR_ZOOM (subscribes to the viewport: call it once per canvas). */
export function useFarZoomSubscription(): boolean {
  return useStore((s) => s.transform[2] < FAR_ZOOM);
}

export const FarZoomContext = createContext(false);

/** Whether the canvas is zoomed out beyond FAR_ZOOM, for elements of the canvas. */
export function useFarZoom(): boolean {
  return useContext(FarZoomContext);
}
