/**
 * Graph facts the validator, compiler and editor share: the order in which delay-0 edges force
 * nodes to update, the systems of ODE nodes that delay-0 edges couple, and loops made only of
 * delay-0 edges that have no update order.
 *
 * Delay-0 edges among nodes whose kind integrates an ODE jointly with its neighbours
 * (`odeSystem`: ctrnn, wilson-cowan) are couplings of one ODE system, self-loops and loops
 * included: each strongly connected set of them is integrated as one system. A delay-0 loop that
 * passes through any other node (a discrete-time map, a spiking neuron, an input) has no update
 * order and is rejected, naming that node.
 */
import { getKind } from './kind-lookup.ts';

export interface GraphShape {
  nodes: readonly { id: string; kind?: string }[];
  edges: readonly { id: string; source: string; target: string; params: { delay: number } }[];
}

/** A loop of delay-0 edges: nodes in loop order and the edges that join them. */
export interface ZeroDelayLoop {
  nodes: string[];
  edges: string[];
  /** The node that stops the loop from being one ODE system (it is not an ODE node). */
  through?: string;
}

/** A strongly connected set of nodes under delay-0 edges, in update order. */
export interface ZeroDelaySystem {
  /** Node ids, document order. */
  nodes: string[];
  /** True when delay-0 edges join its nodes in a loop (more than one node, or a delay-0 self-loop). */
  coupled: boolean;
}

/** Whether delay-0 loops through this node are couplings of an ODE system (its kind's `odeSystem`). */
export function couplesWithoutDelay(node: { kind?: string }): boolean {
  return node.kind !== undefined && getKind(node.kind)?.odeSystem === true;
}

interface Adjacency {
  index: Map<string, number>;
  out: { to: number; edge: string }[][];
}

function zeroDelayAdjacency(g: GraphShape): Adjacency {
  const index = new Map(g.nodes.map((n, i) => [n.id, i]));
  const out: { to: number; edge: string }[][] = g.nodes.map(() => []);
  for (const e of g.edges) {
    if (e.params.delay !== 0) continue;
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) out[s].push({ to: t, edge: e.id });
  }
  return { index, out };
}

/**
 * The strongly connected sets of the delay-0 graph (Tarjan 1972), in an order where every delay-0
 * edge between two sets goes from an earlier to a later one (Kahn's algorithm on the
 * condensation; ties by the document position of each set's first node, so the schedule never
 * depends on anything else).
 */
export function zeroDelaySystems(g: GraphShape): ZeroDelaySystem[] {
  const { out } = zeroDelayAdjacency(g);
  const n = g.nodes.length;
  const comp = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const num = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  const onStack = new Array<boolean>(n).fill(false);
  const members: number[][] = [];
  let counter = 0;
  // Iterative Tarjan: frames of (node, next edge index).
  for (let root = 0; root < n; root++) {
    if (num[root] >= 0) continue;
    const frames: [number, number][] = [[root, 0]];
    num[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, k] = frame;
      if (k < out[v].length) {
        frame[1]++;
        const w = out[v][k].to;
        if (num[w] < 0) {
          num[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], num[w]);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === num[v]) {
        const set: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp[w] = members.length;
          set.push(w);
        } while (w !== v);
        members.push(set.sort((a, b) => a - b));
      }
    }
  }
  const count = members.length;
  const indegree = new Array<number>(count).fill(0);
  const next: Set<number>[] = members.map(() => new Set());
  const selfLoop = new Array<boolean>(count).fill(false);
  out.forEach((edges, s) => {
    for (const { to } of edges) {
      if (comp[s] === comp[to]) {
        if (s === to) selfLoop[comp[s]] = true;
      } else if (!next[comp[s]].has(comp[to])) {
        next[comp[s]].add(comp[to]);
        indegree[comp[to]]++;
      }
    }
  });
  const ready: number[] = [];
  indegree.forEach((d, c) => d === 0 && ready.push(c));
  const ordered: ZeroDelaySystem[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => members[a][0] - members[b][0]);
    const c = ready.shift()!;
    ordered.push({ nodes: members[c].map((i) => g.nodes[i].id), coupled: members[c].length > 1 || selfLoop[c] });
    for (const t of next[c]) if (--indegree[t] === 0) ready.push(t);
  }
  return ordered;
}

/**
 * Nodes in an order where every delay-0 edge between different systems goes from an earlier to a
 * later node, the members of a coupled ODE system next to each other; null when a delay-0 loop
 * passes through a node that is not an ODE node (no update order exists).
 */
export function zeroDelayOrder(g: GraphShape): string[] | null {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const systems = zeroDelaySystems(g);
  if (systems.some((s) => s.coupled && s.nodes.some((id) => !couplesWithoutDelay(byId.get(id)!)))) return null;
  return systems.flatMap((s) => s.nodes);
}

/**
 * A loop of delay-0 edges with no update order: the shortest one through the first node (document
 * order) of a coupled set that is not an ODE node; null when there is none.
 */
export function findZeroDelayLoop(g: GraphShape): ZeroDelayLoop | null {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const { index, out } = zeroDelayAdjacency(g);
  for (const system of zeroDelaySystems(g)) {
    if (!system.coupled) continue;
    const through = system.nodes.find((id) => !couplesWithoutDelay(byId.get(id)!));
    if (through === undefined) continue;
    const inSystem = new Set(system.nodes.map((id) => index.get(id)!));
    const loop = shortestCycle(index.get(through)!, out, inSystem);
    return {
      nodes: loop.nodes.map((i) => g.nodes[i].id),
      edges: loop.edges,
      ...(system.nodes.some((id) => couplesWithoutDelay(byId.get(id)!)) ? { through } : {}),
    };
  }
  return null;
}

/** The shortest cycle from `start` back to itself within `allowed` (breadth-first search). */
function shortestCycle(start: number, out: Adjacency['out'], allowed: Set<number>): { nodes: number[]; edges: string[] } {
  const parent = new Map<number, { from: number; edge: string }>();
  const queue = [start];
  let closing: { from: number; edge: string } | null = null;
  for (let q = 0; q < queue.length && !closing; q++) {
    const v = queue[q];
    for (const { to, edge } of out[v]) {
      if (!allowed.has(to)) continue;
      if (to === start) {
        closing = { from: v, edge };
        break;
      }
      if (!parent.has(to)) {
        parent.set(to, { from: v, edge });
        queue.push(to);
      }
    }
  }
  // `start` lies in a coupled set, so a cycle exists.
  const path: number[] = [];
  const pathEdges: string[] = [];
  for (let v = closing!.from; v !== start; v = parent.get(v)!.from) {
    path.unshift(v);
    pathEdges.unshift(parent.get(v)!.edge);
  }
  return { nodes: [start, ...path, start], edges: [...pathEdges, closing!.edge] };
}

/** Whether adding a delay-0 edge source → target would close a loop of delay-0 edges with no update order. */
export function closesZeroDelayLoop(g: GraphShape, source: string, target: string): boolean {
  return findZeroDelayLoop({ nodes: g.nodes, edges: [...g.edges, { id: '\u0000new', source, target, params: { delay: 0 } }] }) !== null;
}
