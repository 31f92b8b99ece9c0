/**
 * The canvas's zoom controls and its minimap. The minimap is small and can be hidden with a
 * button beside the zoom buttons; until the user chooses, it shows only when the canvas is large
 * enough for it not to cover the network (a narrow window, the classroom's large type).
 */
import { ControlButton, Controls, MiniMap, useStore, type FitViewOptions } from '@xyflow/react';
import { useEditorStore, useStores } from '../store/index.ts';
import type { SceneNode } from './scene.ts';

/** Below this canvas size (px) the minimap starts hidden. */
const MINIMAP_MIN_CANVAS = { width: 760, height: 480 };
const MINIMAP_STYLE = { width: 150, height: 100 };

/** Minimap colours by palette group (a stable function: a new one re-renders every minimap node). */
const minimapNodeClass = (n: SceneNode) => `minimap-node minimap-node--${String(n.data.group ?? 'module')}`;

/** `onFit` / `onZoom`: the fit or a zoom button was pressed (the view follows the fit, or is the user's). */
export function CanvasControls({ fitViewOptions, onFit, onZoom }: { fitViewOptions: FitViewOptions; onFit(): void; onZoom(): void }) {
  const roomy = useStore((s) => s.width >= MINIMAP_MIN_CANVAS.width && s.height >= MINIMAP_MIN_CANVAS.height);
  const { editor } = useStores();
  const chosen = useEditorStore((s) => s.minimap);
  const shown = chosen ?? roomy;
  const label = shown ? 'Hide minimap' : 'Show minimap';
  return (
    <>
      <Controls showInteractive={false} fitViewOptions={fitViewOptions} onFitView={onFit} onZoomIn={onZoom} onZoomOut={onZoom}>
        <ControlButton onClick={() => editor.getState().setMinimap(!shown)} aria-label={label} title={label} aria-pressed={shown} data-testid="minimap-toggle">
          <span aria-hidden="true">▣</span>
        </ControlButton>
      </Controls>
      {shown && <MiniMap pannable zoomable ariaLabel="Minimap" style={MINIMAP_STYLE} nodeClassName={minimapNodeClass} />}
    </>
  );
}
