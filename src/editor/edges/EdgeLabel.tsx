/** The label of an edge: its own label if it has one, its weight and, for a delayed edge, the delay as z⁻ᵈ. */
import { EdgeLabelRenderer } from '@xyflow/react';
import { useStores } from '../../store/index.ts';
import { delayLabel, type GraphEdgeData } from '../toFlow.ts';
import { useFarZoom } from '../levelOfDetail.ts';

/** The tooltip of an edge label. */
export function edgeTitle(data: GraphEdgeData): string {
  const delay = data.delay ? `delay ${data.delay} step${data.delay === 1 ? '' : 's'}` : 'no delay';
  return `${data.label ? `${data.label}: ` : ''}weight ${data.weight}, ${delay}`;
}

/** Clicking the label selects its edge (easier to hit than a thin line). */
export function EdgeLabel({ id, x, y, data }: { id: string; x: number; y: number; data: GraphEdgeData | undefined }) {
  const far = useFarZoom();
  const { editor } = useStores();
  if (!data || far) return null;
  const delay = delayLabel(data.delay);
  return (
    <EdgeLabelRenderer>
      <div
        className="graph-edge__label nodrag nopan"
        data-edge-label={id}
        onClick={() => editor.getState().select({ edges: new Set([id]) })}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        title={edgeTitle(data)}
      >
        {data.label && <span className="graph-edge__name">{data.label}</span>}
        <span className="graph-edge__weight">{data.weight}</span>
        {delay && <span className="graph-edge__delay">{delay}</span>}
      </div>
    </EdgeLabelRenderer>
  );
}
