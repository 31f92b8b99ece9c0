/** The size assumed for a node React Flow has not measured yet (flow pixels). */
export const DEFAULT_NODE_SIZE = { width: 170, height: 72 };
