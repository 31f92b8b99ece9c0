/**
 * Documented size limits of a graph document. They keep a typo ("size": 1e9) from freezing
 * the browser: the validator rejects anything larger with a message naming the field.
 */
export const LIMITS = {
  /** Units in one node (population). */
  maxPopulationSize: 100_000,
  /** Nodes in one document. */
  maxNodes: 5_000,
  /** Edges in one document. */
  maxEdges: 20_000,
  /** Largest delay of an edge, in steps. */
  maxDelay: 10_000,
  /** Expected synapses of one edge (rows × columns × connectivity). */
  maxSynapsesPerEdge: 20_000_000,
  /** Length of a sequence signal or a matrix literal (entries). */
  maxLiteralEntries: 10_000_000,
  /** Entries (rows × columns) an `EDGE.w` probe records per step: the CLI, exports and panels. */
  maxWeightProbeEntries: 10_000,
} as const;
