/**
 * Live parameter changes: applying an edited document to a network that is running.
 *
 * `classifyChange(prev, next)` decides what an edit means for the running Program:
 *  - "none": nothing the engine uses changed (positions, labels, title, panels, …: the model's
 *    changesSimulation, which the page also asks before it sends an edit);
 *  - "params": the structure is kept (same nodes, kinds, sizes and edges) and only node
 *    parameters or an edge's overall weight factor (`scale`, `spectralRadius`, a constant
 *    weight's value) changed — `applyParams` patches them into the Program through
 *    `NodeRuntime.setParams` and rescales edge matrices in place, effective at the next step;
 *  - "structural": nodes or edges were added, removed or resized, a weight rule was replaced, a
 *    learning rule changed, … — the document is recompiled and `transferState` copies the state
 *    of every node and edge that is still the same into the new Program.
 *
 * Nothing here knows the DOM or a store: the worker session calls it.
 */
import { changesSimulation, getKind, type GraphDocument, type GraphEdge } from '../model/index.ts';
import { indexSynapses, type CompiledEdge, type Program } from './compile/compile.ts';
import { weightSpecOf, type WeightSpec } from './compile/sample-weights.ts';

export interface EdgeRescale {
  id: string;
  /** New weights = old weights × factor. */
  factor: number;
}

export type LiveChange =
  | { type: 'none' }
  | { type: 'params'; nodes: string[]; edges: EdgeRescale[] }
  | { type: 'structural'; reason: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Output and input channel counts of a node, from its kind's registration. */
function channels(node: GraphDocument['nodes'][number]): string {
  const spec = getKind(node.kind);
  const params = node.params as unknown;
  return spec ? `${spec.outputSize(params)}/${spec.inputSize?.(params) ?? spec.outputSize(params)}` : JSON.stringify(node.params);
}

/** What `next` changes about the running `prev` (see the module comment). */
export function classifyChange(prev: GraphDocument, next: GraphDocument): LiveChange {
  if (!changesSimulation(prev, next)) return { type: 'none' };
  if (prev.dt !== next.dt) return { type: 'structural', reason: 'the step duration dt changed' };
  if ((prev.precision ?? 'float64') !== (next.precision ?? 'float64')) return { type: 'structural', reason: 'the arithmetic precision changed' };
  const prevNodes = new Map(prev.nodes.map((n) => [n.id, n]));
  if (prev.nodes.length !== next.nodes.length || next.nodes.some((n) => !prevNodes.has(n.id))) {
    return { type: 'structural', reason: 'nodes were added or removed' };
  }
  const nodes: string[] = [];
  for (const n of next.nodes) {
    const old = prevNodes.get(n.id)!;
    if (old.kind !== n.kind) return { type: 'structural', reason: `node "${n.id}" changed kind` };
    if (channels(old) !== channels(n)) return { type: 'structural', reason: `node "${n.id}" changed size` };
    if (!same(old.params, n.params)) nodes.push(n.id);
  }
  const prevEdges = new Map(prev.edges.map((e) => [e.id, e]));
  if (prev.edges.length !== next.edges.length || next.edges.some((e) => !prevEdges.has(e.id))) {
    return { type: 'structural', reason: 'edges were added or removed' };
  }
  const edges: EdgeRescale[] = [];
  for (const e of next.edges) {
    const old = prevEdges.get(e.id)!;
    if (same(old, e)) continue;
    const factor = rescaleFactor(old, e);
    if (factor === null) return { type: 'structural', reason: `edge "${e.id}" changed more than its weight scale` };
    if (factor !== 1) edges.push({ id: e.id, factor });
  }
  return nodes.length === 0 && edges.length === 0 ? { type: 'none' } : { type: 'params', nodes, edges };
}

/**
 * The factor that turns the old edge's weights into the new one's, when the only change is an
 * overall factor: `scale` s, target spectral radius ρ* (W·ρ* ÷ ρ(W) is linear in ρ*) or the value
 * of a constant weight. Null for any other change (the matrix would be resampled).
 */
export function rescaleFactor(prev: GraphEdge, next: GraphEdge): number | null {
  const strip = (e: GraphEdge) => {
    const spec = weightSpecOf(e.params);
    const init = spec.init.type === 'constant' ? { ...spec.init, value: 0 } : spec.init;
    const { weight: _w, scale: _s, spectralRadius: _r, connectivity: _c, ...rest } = e.params;
    return { source: e.source, target: e.target, rest, init, c: spec.connectivity };
  };
  if (!same(strip(prev), strip(next))) return null;
  const a = weightSpecOf(prev.params);
  const b = weightSpecOf(next.params);
  if ((a.spectralRadius === undefined) !== (b.spectralRadius === undefined)) return null;
  let factor = (b.scale ?? 1) / (a.scale ?? 1);
  if (a.spectralRadius !== undefined) factor *= b.spectralRadius! / a.spectralRadius;
  if (a.init.type === 'constant' && b.init.type === 'constant') factor *= b.init.value / a.init.value;
  return Number.isFinite(factor) && factor !== 0 ? factor : null;
}

/**
 * Applies a "params" change to a running Program: node parameters through `setParams`, edge
 * rescales in place (every index view shares the weight storage, so delivery and learning see
 * them at once). Returns false, having changed nothing, when a node cannot take its new
 * parameters live (no `setParams`, or it declines): the caller then recompiles.
 */
export function applyParams(program: Program, next: GraphDocument, change: Extract<LiveChange, { type: 'params' }>): boolean {
  const byId = new Map(next.nodes.map((n) => [n.id, n]));
  const runtimes = change.nodes.map((id) => program.nodeById.get(id));
  if (runtimes.some((r) => r?.setParams === undefined)) return false;
  // setParams leaves a runtime unchanged when it declines; try every node before committing edges.
  for (const r of runtimes) if (!r!.setParams!(byId.get(r!.id)!.params as Record<string, unknown>)) return false;
  const nextEdges = new Map(next.edges.map((e) => [e.id, e]));
  for (const { id, factor } of change.edges) {
    const edge = program.edges.find((e) => e.id === id);
    if (!edge) return false;
    scaleWeights(edge, factor);
    setSpec(edge, weightSpecOf(nextEdges.get(id)!.params));
  }
  return true;
}

function scaleWeights(edge: CompiledEdge, factor: number): void {
  const values = edge.weights.format === 'dense' ? edge.weights.data : edge.weights.values;
  for (let k = 0; k < values.length; k++) values[k] *= factor;
  indexSynapses(edge);
}

/** The next reset samples the edge with its new rule. */
function setSpec(edge: CompiledEdge, spec: WeightSpec): void {
  (edge as { spec: WeightSpec }).spec = spec;
}

/**
 * After a structural recompile: copies into `to` (already initialised) the state of every node
 * that kept its id, kind and size (each state variable of equal length; its delay line when the
 * depth is the same) and the weights of every edge whose rule, source and target are unchanged
 * (so learnt weights survive). Returns the ids of the nodes whose state was kept.
 */
export function transferState(from: Program, to: Program): string[] {
  const kept: string[] = [];
  for (const node of to.nodes) {
    const old = from.nodeById.get(node.id);
    if (!old || old.kind !== node.kind || old.size !== node.size) continue;
    for (const [name, values] of Object.entries(node.vars)) {
      const source = old.vars[name];
      if (source && source.length === values.length) values.set(source);
    }
    const lineFrom = from.delayLines.get(node.id);
    const lineTo = to.delayLines.get(node.id);
    if (lineTo) {
      if (lineFrom && lineFrom.depth === lineTo.depth) lineTo.buffer.set(lineFrom.buffer);
      else lineTo.reset(node.output);
    }
    kept.push(node.id);
  }
  const fromDoc = new Map(from.doc.edges.map((e) => [e.id, e]));
  const toDoc = new Map(to.doc.edges.map((e) => [e.id, e]));
  for (const edge of to.edges) {
    const old = from.edges.find((e) => e.id === edge.id);
    if (!old || old.rows !== edge.rows || old.cols !== edge.cols || old.weights.format !== edge.weights.format) continue;
    const a = fromDoc.get(edge.id)!;
    const b = toDoc.get(edge.id)!;
    // the same rule: the weight and its options (connectivity, spectral radius, scale)
    if (a.source !== b.source || a.target !== b.target || !same(weightSpecOf(a.params), weightSpecOf(b.params))) continue;
    const src = old.weights.format === 'dense' ? old.weights.data : old.weights.values;
    const dst = edge.weights.format === 'dense' ? edge.weights.data : edge.weights.values;
    if (src.length !== dst.length) continue;
    dst.set(src);
    if (edge.weights.format === 'csr' && old.weights.format === 'csr') {
      edge.weights.rowPtr.set(old.weights.rowPtr);
      edge.weights.colIdx.set(old.weights.colIdx);
    }
    indexSynapses(edge);
  }
  return kept;
}
