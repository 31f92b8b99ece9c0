/**
 * An edge between two nodes: solid when it delivers in the same step, dashed when delayed.
 * Zoomed far out it is a straight line without the wide invisible path that makes it easy to
 * hit (one SVG element per edge fewer to lay out, paint and hit-test; see levelOfDetail.ts).
 */
import { BaseEdge, getBezierPath, getStraightPath, type EdgeProps } from '@xyflow/react';
import type { GraphFlowEdge } from '../toFlow.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { useFarZoom } from '../levelOfDetail.ts';
import { edgeClassName, edgeMarker } from './edgeStyle.ts';

export function SignalEdge(props: EdgeProps<GraphFlowEdge>) {
  const far = useFarZoom();
  const [path, labelX, labelY] = far ? getStraightPath(props) : getBezierPath(props);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        markerEnd={edgeMarker(props.data, props.selected)}
        className={edgeClassName(props.data, props.selected)}
        interactionWidth={far ? 0 : undefined}
      />
      <EdgeLabel id={props.id} x={labelX} y={labelY} data={props.data} />
    </>
  );
}
