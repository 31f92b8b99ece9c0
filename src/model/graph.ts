/**
 * Graph facts the validator, compiler and editor share: the order in which delay-0 edges
 * force nodes to update, and loops made only of delay-0 edges (which have no such order).
 */

export interface GraphShape {
  nodes: readonly { id: string }[];
  edges: readonly { id: string; source: string; target: string; params: { delay: number } }[];
}

/** A loop of delay-0 edges: nodes in loop order and the edges that join them. */
export interface ZeroDelayLoop {
  nodes: string[];
  edges: string[];
}

/**
 * Nodes in an order where every delay-0 edge goes from an earlier to a later node (Kahn's
 * algorithm; ties keep document order, so the schedule never depends on anything else).
 * Returns null when a delay-0 loop makes such an order impossible.
 */
export function zeroDelayOrder(g: GraphShape): string[] | null {
  const index = new Map(g.nodes.map((n, i) => [n.id, i]));
  const indegree = new Array<number>(g.nodes.length).fill(0);
  const out: number[][] = g.nodes.map(() => []);
  for (const e of g.edges) {
    if (e.params.delay !== 0) continue;
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    out[s].push(t);
    indegree[t]++;
  }
  // A binary heap would be O(E log V); a sorted ready list is simpler and graphs are small.
  const ready: number[] = [];
  indegree.forEach((d, i) => d === 0 && ready.push(i));
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const n = ready.shift()!;
    order.push(g.nodes[n].id);
    for (const t of out[n]) if (--indegree[t] === 0) ready.push(t);
  }
  return order.length === g.nodes.length ? order : null;
}

/** The first loop of delay-0 edges found by depth-first search, or null when there is none. */
export function findZeroDelayLoop(g: GraphShape): ZeroDelayLoop | null {
  const adj = new Map<string, { to: string; edge: string }[]>();
  for (const n of g.nodes) adj.set(n.id, []);
  for (const e of g.edges) {
    if (e.params.delay === 0 && adj.has(e.source) && adj.has(e.target)) adj.get(e.source)!.push({ to: e.target, edge: e.id });
  }
  const state = new Map<string, 0 | 1 | 2>(); // 0 new, 1 on stack, 2 done
  const stackNodes: string[] = [];
  const stackEdges: string[] = [];
  const visit = (id: string): ZeroDelayLoop | null => {
    state.set(id, 1);
    stackNodes.push(id);
    for (const { to, edge } of adj.get(id)!) {
      const s = state.get(to) ?? 0;
      if (s === 1) {
        const start = stackNodes.indexOf(to);
        return { nodes: [...stackNodes.slice(start), to], edges: [...stackEdges.slice(start), edge] };
      }
      if (s === 0) {
        stackEdges.push(edge);
        const found = visit(to);
        if (found) return found;
        stackEdges.pop();
      }
    }
    stackNodes.pop();
    state.set(id, 2);
    return null;
  };
  for (const n of g.nodes) {
    if ((state.get(n.id) ?? 0) === 0) {
      const found = visit(n.id);
      if (found) return found;
    }
  }
  return null;
}

/** Whether adding a delay-0 edge source → target would close a loop of delay-0 edges. */
export function closesZeroDelayLoop(g: GraphShape, source: string, target: string): boolean {
  return findZeroDelayLoop({ nodes: g.nodes, edges: [...g.edges, { id: '\u0000new', source, target, params: { delay: 0 } }] }) !== null;
}
