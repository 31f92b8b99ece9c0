/**
 * A self-loop (source === target): a loop leaving the node's output handle on the right,
 * arching over the node and entering its input handle on the left.
 */
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import type { GraphFlowEdge } from '../toFlow.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { edgeClassName } from './edgeStyle.ts';

/** Height of the loop above the handles, in flow pixels. */
const LOOP_HEIGHT = 90;
/** How far the loop bulges out sideways past the handles. */
const LOOP_REACH = 70;

/** SVG path of the loop and its top point (for the label). */
export function selfLoopPath(sx: number, sy: number, tx: number, ty: number): { path: string; top: { x: number; y: number } } {
  const top = Math.min(sy, ty) - LOOP_HEIGHT;
  const path = `M ${sx},${sy} C ${sx + LOOP_REACH},${sy} ${sx + LOOP_REACH},${top} ${(sx + tx) / 2},${top} C ${tx - LOOP_REACH},${top} ${tx - LOOP_REACH},${ty} ${tx},${ty}`;
  return { path, top: { x: (sx + tx) / 2, y: top } };
}

export function SelfLoopEdge(props: EdgeProps<GraphFlowEdge>) {
  const { path, top } = selfLoopPath(props.sourceX, props.sourceY, props.targetX, props.targetY);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={edgeClassName(props.data, props.selected, 'graph-edge--self-loop')} />
      <EdgeLabel x={top.x} y={top.y} data={props.data} />
    </>
  );
}
