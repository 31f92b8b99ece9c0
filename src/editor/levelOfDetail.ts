/**
 * Level of detail: zoomed far out (a large network fitted into view), edge labels are too small
 * to read and shadows cost paint time on every frame of a drag, so they are left out.
 */
import { useStore } from '@xyflow/react';

/** Below this zoom the canvas draws less. */
export const FAR_ZOOM = 0.45;

/** Whether the canvas is zoomed out beyond FAR_ZOOM. */
export function useFarZoom(): boolean {
  return useStore((s) => s.transform[2] < FAR_ZOOM);
}
