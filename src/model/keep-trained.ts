/**
 * "Keep trained weights": a training's values written into the document, so that the document
 * alone reproduces the trained network. Each trained edge becomes an explicit matrix (rows =
 * target units; absent synapses 0, which the compiler keeps absent), its sampling options
 * (`connectivity`, `spectralRadius`, `scale`) dropped since they would change it again; node
 * parameters are written by their kind (a rate population's per-unit `bias`, a readout's
 * `weights`). Pure: returns a new document.
 */
import type { GraphDocument } from './document.ts';
import { getKind } from './kind-lookup.ts';

export interface KeptParameters {
  /** Trained edges as dense row-major matrices. */
  edges: { id: string; rows: number; cols: number; values: ArrayLike<number> }[];
  /** Trained node parameters by name ("bias", "W_out"). */
  nodes: { id: string; name: string; values: ArrayLike<number> }[];
}

export function keepTrainedParameters(doc: GraphDocument, kept: KeptParameters): GraphDocument {
  const edges = new Map(kept.edges.map((e) => [e.id, e]));
  const byNode = new Map<string, KeptParameters['nodes']>();
  for (const n of kept.nodes) byNode.set(n.id, [...(byNode.get(n.id) ?? []), n]);
  return {
    ...doc,
    edges: doc.edges.map((e) => {
      const trained = edges.get(e.id);
      if (!trained) return e;
      const values = Array.from({ length: trained.rows }, (_, i) => Array.from({ length: trained.cols }, (_, j) => trained.values[i * trained.cols + j]));
      const { connectivity: _c, spectralRadius: _r, scale: _s, ...params } = e.params;
      return { ...e, params: { ...params, weight: { type: 'matrix', values } } };
    }),
    nodes: doc.nodes.map((n) => {
      const trained = byNode.get(n.id);
      const kind = getKind(n.kind);
      if (!trained || !kind?.keepTrained) return n;
      let params: unknown = n.params;
      for (const t of trained) params = kind.keepTrained(params, t.name, Array.from(t.values)) ?? params;
      return { ...n, params } as typeof n;
    }),
  };
}
