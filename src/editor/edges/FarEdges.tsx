/**
 * The edges of a large network zoomed far out (see farEdgePaths.ts), under the nodes. The edges
 * of the nodes a drag moves are a layer of their own, redrawn each frame; the rest stay as they
 * are until the drag ends.
 */
import { memo, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import type { GraphFlowEdge } from '../toFlow.ts';
import type { SceneNode, Size } from '../scene.ts';
import { boxLookup, farEdgePaths, STROKE_KINDS } from './farEdgePaths.ts';

function Paths({ paths, className }: { paths: Record<string, string>; className: string }) {
  return (
    <svg className={className} aria-hidden="true">
      {STROKE_KINDS.map((k) => paths[k] && <path key={k} d={paths[k]} className={`far-edges__path far-edges__path--${k}`} />)}
    </svg>
  );
}

export interface FarEdgesProps {
  edges: readonly GraphFlowEdge[];
  /** Nodes where the document has them (the same objects for the whole of a drag). */
  still: readonly SceneNode[];
  /** Nodes as shown, with a drag in progress. */
  shown: readonly SceneNode[];
  measured: Readonly<Record<string, Size>>;
  /** Nodes a drag moves. */
  moving: ReadonlySet<string>;
}

function FarEdgesView({ edges, still, shown, measured, moving }: FarEdgesProps) {
  const [resting, carried] = useMemo(() => {
    const touches = (e: GraphFlowEdge) => moving.has(e.source) || moving.has(e.target);
    return [edges.filter((e) => !touches(e)), edges.filter(touches)];
  }, [edges, moving]);
  const restingPaths = useMemo(() => farEdgePaths(resting, boxLookup(still, measured)), [resting, still, measured]);
  const carriedPaths = useMemo(() => farEdgePaths(carried, boxLookup(shown, measured)), [carried, shown, measured]);
  return (
    <ViewportPortal>
      <div className="far-edges" data-testid="far-edges">
        <Paths paths={restingPaths} className="far-edges__layer" />
        {carried.length > 0 && <Paths paths={carriedPaths} className="far-edges__layer far-edges__layer--moving" />}
      </div>
    </ViewportPortal>
  );
}

export const FarEdges = memo(FarEdgesView);
