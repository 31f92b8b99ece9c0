/**
 * Derived facts of an edge, computed by the engine from the document: the matrix shape, the
 * synapses actually drawn from the seed, and the spectral radius of the sampled matrix (square
 * matrices), so a student sees what "connectivity 0.1, ρ 0.9" produced.
 */
import { nonzeros, Rng, sampleWeights, weightSpecOf } from '../../engine/index.ts';
import { spectralRadius } from '../../engine/linalg/index.ts';
import type { GraphDocument, GraphEdge } from '../../model/index.ts';
import { inputSizeOf, outputSizeOf } from '../../store/edits.ts';

/** Largest matrix sampled for the facts (entries); larger ones report expectations only. */
export const SAMPLE_LIMIT = 1_000_000;
/** Largest square matrix whose spectral radius is computed here. */
export const RADIUS_LIMIT = 1500;

export interface EdgeFacts {
  rows: number;
  cols: number;
  /** Expected synapses: rows × cols × connectivity (identity: the diagonal). */
  expected: number;
  /** Synapses in the matrix sampled from the document's seed (null: too large, or sampling failed). */
  nonzeros: number | null;
  /** Spectral radius of the sampled matrix (square only). */
  radius: number | null;
  /** Why a fact is missing. */
  note: string | null;
}

export function edgeFacts(doc: GraphDocument, edge: GraphEdge): EdgeFacts | null {
  const src = doc.nodes.find((n) => n.id === edge.source);
  const tgt = doc.nodes.find((n) => n.id === edge.target);
  if (!src || !tgt) return null;
  const rows = inputSizeOf(tgt);
  const cols = outputSizeOf(src);
  const spec = weightSpecOf(edge.params);
  const expected = (spec.init.type === 'identity' ? Math.min(rows, cols) : rows * cols) * spec.connectivity;
  if (rows * cols > SAMPLE_LIMIT) return { rows, cols, expected, nonzeros: null, radius: null, note: `not sampled here (over ${SAMPLE_LIMIT.toLocaleString('en')} entries)` };
  try {
    const w = sampleWeights(spec, rows, cols, new Rng(doc.seed, `edge:${edge.id}`));
    const square = rows === cols;
    const radius = square && rows <= RADIUS_LIMIT ? spectralRadius(w) : null;
    const note = !square ? 'spectral radius: square matrices only' : radius === null ? `spectral radius not computed here (over ${RADIUS_LIMIT} units)` : null;
    return { rows, cols, expected, nonzeros: nonzeros(w), radius, note };
  } catch (err) {
    return { rows, cols, expected, nonzeros: null, radius: null, note: err instanceof Error ? err.message : String(err) };
  }
}
