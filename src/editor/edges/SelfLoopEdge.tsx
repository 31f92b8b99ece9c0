/**
 * A self-loop (source === target): leaves the node's output handle on the right, swings up and
 * comes back down onto the node's top edge, so its arrowhead never hides the input handle.
 */
import { BaseEdge, useInternalNode, type EdgeProps } from '@xyflow/react';
import type { GraphFlowEdge } from '../toFlow.ts';
import { EdgeLabel } from './EdgeLabel.tsx';
import { edgeClassName, edgeMarker } from './edgeStyle.ts';

/** How far the loop swings out to the right of and above the node, in flow pixels. */
const LOOP_SIZE = 120;

/**
 * SVG path of a loop from the output handle (sx, sy) onto the top edge of a node whose left
 * edge is at x = left and top edge at y = top; `label` is the loop's highest point.
 */
/** The self-loop's cubic Bézier from the output handle (sx, sy) over the node's top edge, and a point of it at t ∈ [0, 1]. */
export function selfLoopCurve(sx: number, sy: number, left: number, top: number) {
  const ex = left + (sx - left) * 0.6;
  const ey = top;
  const c1 = { x: sx + LOOP_SIZE * 0.8, y: sy };
  const c2 = { x: ex + LOOP_SIZE * 0.1, y: ey - LOOP_SIZE };
  const at = (t: number, a: number, b: number, c: number, d: number) => {
    const u = 1 - t;
    return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
  };
  return {
    path: `M ${sx},${sy} C ${c1.x},${c1.y} ${c2.x},${c2.y} ${ex},${ey}`,
    point: (t: number) => ({ x: at(t, sx, c1.x, c2.x, ex), y: at(t, sy, c1.y, c2.y, ey) }),
  };
}

export function selfLoopPath(sx: number, sy: number, left: number, top: number): { path: string; label: { x: number; y: number } } {
  const curve = selfLoopCurve(sx, sy, left, top);
  let label = { x: sx, y: sy };
  for (let k = 0; k <= 32; k++) {
    const p = curve.point(k / 32);
    if (p.y < label.y) label = p;
  }
  return { path: curve.path, label };
}

export function SelfLoopEdge(props: EdgeProps<GraphFlowEdge>) {
  const node = useInternalNode(props.source);
  const left = node?.internals.positionAbsolute.x ?? props.targetX;
  const top = node?.internals.positionAbsolute.y ?? props.sourceY - 30;
  const { path, label } = selfLoopPath(props.sourceX, props.sourceY, left, top);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={edgeMarker(props.data, props.selected)} className={edgeClassName(props.data, props.selected, 'graph-edge--self-loop')} />
      <EdgeLabel id={props.id} x={label.x} y={label.y} data={props.data} />
    </>
  );
}
