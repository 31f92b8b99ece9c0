/** An edge between two nodes: solid when it delivers in the same step, dashed when delayed. */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { GraphFlowEdge } from '../toFlow.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { edgeClassName, edgeMarker } from './edgeStyle.ts';

export function SignalEdge(props: EdgeProps<GraphFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={edgeMarker(props.data)} className={edgeClassName(props.data, props.selected)} />
      <EdgeLabel id={props.id} x={labelX} y={labelY} data={props.data} />
    </>
  );
}
