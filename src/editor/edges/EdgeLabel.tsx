/** The label of an edge: its weight and, for a delayed edge, the delay as z⁻ᵈ. */
import { EdgeLabelRenderer } from '@xyflow/react';
import { delayLabel, type GraphEdgeData } from '../toFlow.ts';

export function EdgeLabel({ x, y, data }: { x: number; y: number; data: GraphEdgeData | undefined }) {
  if (!data) return null;
  const delay = delayLabel(data.delay);
  return (
    <EdgeLabelRenderer>
      <div
        className="graph-edge__label nodrag nopan"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        title={`weight ${data.weight}${data.delay ? `, delay ${data.delay} step${data.delay === 1 ? '' : 's'}` : ', no delay'}`}
      >
        <span className="graph-edge__weight">{data.weight}</span>
        {delay && <span className="graph-edge__delay">{delay}</span>}
      </div>
    </EdgeLabelRenderer>
  );
}
