/**
 * Auto-layout with elkjs's layered algorithm (Sugiyama style), left to right. Recurrent
 * networks have cycles; ELK breaks them (greedy cycle breaking) before layering, so feedback
 * edges point backwards while the feed-forward path reads left to right.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphDocument } from '../../model/index.ts';
import { DEFAULT_NODE_SIZE } from './nodeSize.ts';

const options = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.spacing.nodeNode': '50',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.spacing.edgeNode': '30',
};

/** New top-left positions of every node. `sizeOf` gives measured node sizes when known. */
export async function autoLayout(
  doc: GraphDocument,
  sizeOf: (id: string) => { width: number; height: number } | undefined = () => undefined,
): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const elk = new ELK();
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: options,
    children: doc.nodes.map((n) => ({ id: n.id, ...(sizeOf(n.id) ?? DEFAULT_NODE_SIZE) })),
    edges: doc.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return (graph.children ?? []).map((c) => ({ id: c.id, position: { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) } }));
}
