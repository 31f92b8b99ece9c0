/**
 * The compiler: a validated graph document → a Program (node and edge runtimes, delay lines and
 * the schedule of one step). The schedule is an explicit list of operations in a fixed order:
 *
 *   for each node in delay-0 topological order (ties: document order):
 *     clear   node.in = 0
 *     deliver node.in += W · y_src[t − d]        (one per incoming edge, document order)
 *     update  node.y[t] = rule(node.in, state)
 *   or, for a system of ODE nodes (ctrnn, wilson-cowan) coupled by delay-0 edges, loops included
 *   (a strongly connected set of the delay-0 graph, model/graph.ts), its members' clears and
 *   deliveries from outside the system, then
 *     integrate  Euler / RK4 of the joint state, every coupling W·g(y) in every stage
 *   learn     plasticity: node IP, then edge rules (after every update, before the commits)
 *   commit    delay lines ← y[t]                 (nodes with delayed outgoing edges)
 *
 * A delivery from a spiking source (a kind whose `output` is 'spikes') is event-driven: only the
 * columns of units that spiked are added, through a transposed index of W (synapse-index.ts).
 * A node may own an edge (Hopfield's self-edge): it reads the weights itself, no delivery.
 *
 * A delay-0 edge reads the source's output of the same step, which topological order makes
 * ready; a delayed edge reads a delay line, so a drawn cycle is never a cycle in the schedule
 * (the "buffered update" of Simbrain; nengo's operator toposort). Loops of delay-0 edges through
 * any other node are rejected by validation.
 */
import { type AnyNode, getKind, type GraphDocument, isSpikingKind, zeroDelayOrder, zeroDelaySystems } from '../../model/index.ts';
import { integratorText, OdeSystem } from '../integrate.ts';
import type { Kernels } from '../kernels/kernels.ts';
import type { KernelWorkspace } from '../kernels/kernels.ts';
import { bestKernels } from '../kernels/wasm-kernels.ts';
import { keepColumnsPlaced, PLACE_MIN_WEIGHTS, placeEdges, refreshFloat32, reserveInPlace, usesFloat32 } from './placement.ts';
import { builderOf } from './builder-lookup.ts';
import { CompileError, LoadCancelled } from './errors.ts';
import { DelayLine } from './delay-line.ts';
import { sampleWeights, weightSpecOf, type WeightSpec } from './sample-weights.ts';
import type { SamplingThread } from './sampling-thread.ts';
import type { EdgeRuntime, NodeRuntime, Operation, PlasticityRuntime, ScheduleEntry, WeightMatrix } from './types.ts';
import { Rng } from '../rng.ts';
import { edgeRules } from '../../model/index.ts';
import { synapseColumns, synapseRows, type SynapseColumns, type SynapseRows } from './synapse-index.ts';
import { needsColumns, synapticRule } from '../plasticity/synaptic.ts';

export interface CompiledEdge extends EdgeRuntime {
  readonly spec: WeightSpec;
  /** Learning rules change this edge's weights (they stay a compile-time fact). */
  readonly plastic: boolean;
  /** Row index of the existing synapses (plastic edges), rebuilt when the weights are sampled. */
  synapseRows?: SynapseRows;
  /** Column (transposed) index: event-driven delivery from spiking sources, STDP. */
  synapseColumns?: SynapseColumns;
  /** Weights set by training (BPTT): used instead of sampling at every reset until cleared. */
  trained?: WeightMatrix;
  /** Whether the column index is needed. */
  readonly needsColumns: boolean;
  /** Products in single precision (float32 mode, fixed weights, rate source): `weights32` is used. */
  readonly float32: boolean;
  /** The weights rounded to float (dense data or CSR values), when `float32`. */
  weights32?: Float32Array;
}

export interface Program {
  readonly doc: GraphDocument;
  readonly kernels: Kernels;
  /** Node runtimes in schedule order. */
  readonly nodes: NodeRuntime[];
  readonly nodeById: ReadonlyMap<string, NodeRuntime>;
  readonly edges: CompiledEdge[];
  readonly delayLines: ReadonlyMap<string, DelayLine>;
  readonly schedule: Operation[];
  /** Every plasticity rule, in schedule order (toggle `frozen` to stop or resume learning). */
  readonly plasticity: PlasticityRuntime[];
  /** Arithmetic of the weights' products (document `precision`, default float64). */
  readonly precision: Precision;
  /** Threads sharing large products now (2 once a helper worker runs; see CompileOptions.threads). */
  readonly threads: number;
  /**
   * Samples weights and initial states from `seed` (streams "edge:ID" and "node:ID"); `progress`
   * is told the share of weight entries sampled so far (0…1), every 1,024 rows (or chunk of
   * synapses) and after each edge. It may throw LoadCancelled to stop the sampling there.
   */
  initialise(seed: number, progress?: (fraction: number) => void): void;
  /** Initial states only (streams "node:ID"), the weights left as they are (training epochs). */
  resetState(seed: number): void;
  /** Resolves once a requested helper worker runs (or could not start); see `threads`. */
  whenReady(): Promise<void>;
  /** Releases the kernels' memory and helper worker (the program must not step afterwards). */
  dispose(): void;
}

export type Precision = 'float64' | 'float32';

export interface CompileOptions {
  /** Default: WASM SIMD where supported, else the plain-JS reference (bit-identical results). */
  kernels?: Kernels;
  /** Overrides the document's `precision`. */
  precision?: Precision;
  /**
   * Threads for large products (default 1). With 2, the kernels start a helper worker sharing the
   * weights through a SharedArrayBuffer (needs cross-origin isolation in browsers; otherwise 1).
   */
  threads?: number;
  /**
   * A helper thread that draws the second half of large sparse edges' weights (sampling-thread.ts;
   * the same bits as one thread), when they are sampled into a shared workspace.
   */
  samplingThread?: SamplingThread | null;
}

/**
 * Whether some node is large enough for its kind to keep its state in the kernels' workspace
 * (NodeBuilder.kernelState: from that size the WASM kernels update the state in place and read
 * it for products without copying).
 */
function wantsStateInWorkspace(doc: GraphDocument): boolean {
  return doc.nodes.some((n) => {
    const from = builderOf(n.kind)?.kernelState?.from;
    return from !== undefined && getKind(n.kind)!.outputSize(n.params) >= from;
  });
}

export function compile(doc: GraphDocument, options: CompileOptions = {}): Program {
  const kernels = options.kernels ?? bestKernels();
  const precision: Precision = options.precision ?? doc.precision ?? 'float64';
  const order = zeroDelayOrder(doc);
  if (!order) throw new CompileError('edges', 'a loop of delay-0 edges has no update order (validate the document first)');
  const docIndex = new Map(doc.nodes.map((n, i) => [n.id, i]));
  // Large populations keep their state in the kernels' workspace (shared memory, so it never
  // moves), where the WASM kernels update it and read it in place.
  let workspace: KernelWorkspace | undefined;
  if (kernels.workspace && wantsStateInWorkspace(doc)) {
    workspace = kernels.workspace({ threads: options.threads ?? 1, state: true });
  }
  const ctx = { doc, dt: doc.dt, kernels, alloc: workspace?.alloc };

  const nodeById = new Map<string, NodeRuntime>();
  const nodes = order.map((id) => {
    const i = docIndex.get(id)!;
    const node = doc.nodes[i] as AnyNode;
    const builder = builderOf(node.kind);
    if (!builder) throw new CompileError(`nodes[${i}].kind`, `no builder registered for kind "${node.kind}"`);
    // what the kind declares once, the compiler adds to what its builder built
    const runtime: NodeRuntime = Object.assign(builder.build(node, ctx), { kind: node.kind, spiking: isSpikingKind(node.kind) });
    nodeById.set(id, runtime);
    return runtime;
  });

  const edges: CompiledEdge[] = doc.edges.map((e) => {
    const src = nodeById.get(e.source)!;
    const tgt = nodeById.get(e.target)!;
    const owned = tgt.ownsEdge?.(e) ?? false;
    const rows = owned ? tgt.size : (tgt.inputFor?.(e) ?? tgt.input).length;
    const spec = weightSpecOf(e.params);
    const rules = edgeRules(e.params.plasticity);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      delay: e.params.delay,
      rows,
      cols: src.size,
      spec,
      weights: emptyWeights(rows, src.size),
      plastic: rules.length > 0,
      needsColumns: (src.spiking && !owned) || rules.some(needsColumns),
      float32: !owned && usesFloat32({ plastic: rules.length > 0 }, precision, src.spiking),
    };
  });
  for (const node of nodes) node.link?.(nodeById);
  for (const node of nodes) node.bindEdges?.(edges.filter((e) => e.target === node.id && node.ownsEdge!(docEdge(doc, e.id))));

  const delayLines = new Map<string, DelayLine>();
  for (const e of edges) {
    if (e.delay === 0) continue;
    const existing = delayLines.get(e.source);
    if (!existing || existing.depth < e.delay) delayLines.set(e.source, new DelayLine(nodeById.get(e.source)!.size, e.delay, ctx.alloc));
  }

  const plasticity = [...nodes.flatMap((n) => n.plasticity ?? []), ...edgePlasticity(doc, nodeById, edges, delayLines)];
  const schedule = buildSchedule(doc, nodes, nodeById, edges, delayLines, kernels, plasticity);
  const resetState = (seed: number) => {
    for (const n of nodes) n.reset(new Rng(seed, `node:${n.id}`));
    for (const p of plasticity) p.reset?.();
    for (const [id, line] of delayLines) line.reset(nodeById.get(id)!.output);
  };

  return {
    doc,
    kernels,
    precision,
    get threads() {
      return workspace?.threads ?? 1;
    },
    nodes,
    nodeById,
    edges,
    delayLines,
    schedule,
    plasticity,
    initialise(seed, progress) {
      const entries = edges.reduce((sum, e) => sum + e.rows * e.cols, 0);
      let sampled = 0;
      if (!workspace && kernels.workspace && edges.some((e) => e.rows * e.cols >= PLACE_MIN_WEIGHTS)) workspace = kernels.workspace({ threads: options.threads ?? 1 });
      // large sparse edges are sampled straight into the workspace, where placing them copies nothing
      const storage = workspace && reserveInPlace(workspace, edges);
      edges.forEach((e, i) => {
        // fresh arrays: the previous ones may be views of the workspace about to be rewritten
        e.synapseColumns = undefined;
        e.weights32 = undefined;
        try {
          const rowsDone = progress && ((rows: number) => progress(entries > 0 ? (sampled + rows * e.cols) / entries : 1));
          const rng = new Rng(seed, `edge:${e.id}`);
          e.weights = e.trained ? copyWeights(e.trained) : sampleWeights(e.spec, e.rows, e.cols, rng, e.source === e.target, rowsDone, { storage: storage?.get(e), thread: options.samplingThread });
        } catch (err) {
          if (err instanceof LoadCancelled) throw err;
          throw new CompileError(`edges[${i}].params.weight`, err instanceof Error ? err.message : String(err));
        }
        indexSynapses(e);
        sampled += e.rows * e.cols;
        progress?.(entries > 0 ? sampled / entries : 1);
      });
      if (workspace) placeEdges(workspace, edges);
      resetState(seed);
    },
    resetState,
    whenReady() {
      return workspace?.whenReady() ?? Promise.resolve();
    },
    dispose() {
      workspace?.dispose();
      workspace = undefined;
    },
  };
}

/**
 * Rebuilds an edge's synapse indices from its current `weights`: call it after changing the
 * weights from outside the schedule (sampling, a live rescale, a state transfer), since a
 * non-plastic spiking edge delivers from a column-ordered copy of them.
 */
export function indexSynapses(e: CompiledEdge): void {
  const placedColumns = e.synapseColumns;
  if (e.float32) refreshFloat32(e);
  const keepZeros = e.plastic && e.spec.connectivity === 1;
  e.synapseRows = e.plastic ? synapseRows(e.weights, keepZeros) : undefined;
  e.synapseColumns = e.needsColumns ? synapseColumns(e.weights, keepZeros, !e.plastic) : undefined;
  keepColumnsPlaced(e, placedColumns);
}

/** A copy of a weight matrix in fresh arrays. */
export function copyWeights(w: WeightMatrix): WeightMatrix {
  return w.format === 'dense'
    ? { format: 'dense', rows: w.rows, cols: w.cols, data: Float64Array.from(w.data) }
    : { format: 'csr', rows: w.rows, cols: w.cols, rowPtr: Int32Array.from(w.rowPtr), colIdx: Int32Array.from(w.colIdx), values: Float64Array.from(w.values) };
}

function docEdge(doc: GraphDocument, id: string): GraphDocument['edges'][number] {
  return doc.edges.find((e) => e.id === id)!;
}

/** The runtimes of every edge's learning rules (document order). */
function edgePlasticity(
  doc: GraphDocument,
  nodeById: Map<string, NodeRuntime>,
  edges: CompiledEdge[],
  delayLines: Map<string, DelayLine>,
): PlasticityRuntime[] {
  return edges.flatMap((e, i) => {
    const src = nodeById.get(e.source)!;
    const line = delayLines.get(e.source);
    const now = { buffer: src.output, offset: 0 };
    const target = nodeById.get(e.target)!;
    if (e.plastic && target.size !== e.rows) throw new CompileError(`edges[${i}].params.plasticity`, `needs ${e.rows} target outputs, node "${e.target}" has ${target.size}`);
    const plasticEdge = {
      id: e.id,
      source: e.source,
      target: e.target,
      delay: e.delay,
      dt: doc.dt,
      post: target.output,
      emitted: src.output,
      pre: e.delay > 0 && line ? (t: number) => ({ buffer: line.buffer, offset: line.offset(t, e.delay) }) : () => now,
      rows: () => e.synapseRows!,
      columns: () => e.synapseColumns!,
    };
    return edgeRules(doc.edges[i].params.plasticity).map((rule) => synapticRule(rule, plasticEdge));
  });
}

function emptyWeights(rows: number, cols: number): CompiledEdge['weights'] {
  return { format: 'csr', rows, cols, rowPtr: new Int32Array(rows + 1), colIdx: new Int32Array(0), values: new Float64Array(0) };
}

function buildSchedule(
  doc: GraphDocument,
  nodes: NodeRuntime[],
  nodeById: Map<string, NodeRuntime>,
  edges: CompiledEdge[],
  delayLines: Map<string, DelayLine>,
  k: Kernels,
  plasticity: PlasticityRuntime[],
): Operation[] {
  const ops: Operation[] = [];
  const docEdges = new Map(doc.edges.map((e) => [e.id, e]));
  // Systems of ODE nodes coupled by delay-0 edges: their members are next to each other in `nodes`.
  const systemOf = new Map<string, string[]>();
  for (const system of zeroDelaySystems(doc)) if (system.coupled) for (const id of system.nodes) systemOf.set(id, system.nodes);
  const coupling = (e: CompiledEdge) => e.delay === 0 && systemOf.has(e.target) && systemOf.get(e.target) === systemOf.get(e.source);
  for (const node of nodes) {
    const owned = edges.filter((e) => e.target === node.id && node.ownsEdge?.(docEdges.get(e.id)!));
    const incoming = edges.filter((e) => e.target === node.id && !owned.includes(e) && !coupling(e));
    const buffers = new Set<Float64Array>([node.input]);
    for (const e of incoming) buffers.add(nodeTarget(node, docEdges.get(e.id)!));
    if (incoming.length > 0 || node.input.length > 0) {
      ops.push({
        type: 'clear',
        node: node.id,
        reads: [],
        writes: [`${node.id}.in`],
        equation: `${node.id}.in = 0`,
        run: () => {
          for (const b of buffers) b.fill(0);
        },
      });
    }
    for (const e of incoming) {
      const src = nodeById.get(e.source)!;
      const out = nodeTarget(node, docEdges.get(e.id)!);
      const when = e.delay === 0 ? 't' : `t−${e.delay}`;
      const line = delayLines.get(e.source);
      const events = src.spiking;
      const multiply = events
        ? (x: Float64Array, off: number) => {
            const c = e.synapseColumns!;
            if (c.shared !== null) k.eventSharedMatVecAdd(c.colPtr, c.rowIdx, c.shared, e.cols, x, off, out);
            else k.eventMatVecAdd(c.colPtr, c.rowIdx, c.valIdx, c.values, e.cols, x, off, out);
          }
        : (x: Float64Array, off: number) => multiplyAdd(k, e, x, off, out);
      const into = out === node.input ? `${node.id}.in` : `${node.id}.in[${synapseLabel(docEdges.get(e.id)!)}]`;
      ops.push({
        type: 'deliver',
        node: node.id,
        edge: e.id,
        delay: e.delay,
        reads: [`${e.source}.y[${when}]`, `W[${e.id}]`],
        writes: [into],
        equation: `${into} += W[${e.id}] · ${e.source}.y[${when}]${events ? '  (event-driven: only the columns of units that spiked)' : ''}`,
        run: line && e.delay > 0 ? (t) => multiply(line.buffer, line.offset(t, e.delay)) : () => multiply(src.output, 0),
      });
    }
    const system = systemOf.get(node.id);
    if (system) {
      if (system[system.length - 1] === node.id) ops.push(integrateOperation(system, nodeById, edges.filter(coupling), k, doc.dt));
      continue;
    }
    ops.push({
      type: 'update',
      node: node.id,
      reads: [...(incoming.length > 0 ? [`${node.id}.in`] : []), ...owned.map((e) => `W[${e.id}]`), ...(node.reads ?? [`${node.id}.state[t−1]`])],
      writes: [`${node.id}.y[t]`],
      equation: node.equation,
      run: (t) => node.update(t),
    });
  }
  for (const p of plasticity) {
    ops.push({
      type: 'learn',
      node: p.node,
      ...(p.edge !== undefined ? { edge: p.edge } : {}),
      rule: p.rule,
      reads: p.reads,
      writes: p.writes,
      equation: p.equation,
      run: (t) => {
        if (!p.frozen) p.apply(t);
      },
    });
  }
  for (const [id, line] of delayLines) {
    const node = nodeById.get(id)!;
    ops.push({
      type: 'commit',
      node: id,
      reads: [`${id}.y[t]`],
      writes: [`${id}.history`],
      equation: `${id}.history[t] = ${id}.y[t] (kept for ${line.depth} step${line.depth > 1 ? 's' : ''})`,
      run: (t) => line.commit(t, node.output),
    });
  }
  return ops;
}

/** out += W·x[off …] for a rate (non-event) source, in the edge's storage and precision. */
function multiplyAdd(k: Kernels, e: CompiledEdge, x: Float64Array, off: number, out: Float64Array): void {
  const w = e.weights;
  const w32 = e.weights32;
  if (w32) {
    if (w.format === 'dense') k.denseMatVecAddF32(w32, w.rows, w.cols, x, off, out);
    else k.csrMatVecAddF32(w.rowPtr, w.colIdx, w32, w.rows, x, off, out);
  } else if (w.format === 'dense') k.denseMatVecAdd(w.data, w.rows, w.cols, x, off, out);
  else k.csrMatVecAdd(w.rowPtr, w.colIdx, w.values, w.rows, x, off, out);
}

/**
 * One integrate operation for a system of ODE nodes coupled by delay-0 edges (engine/integrate.ts):
 * the members' states advance together by dt, every coupling W·g(y) evaluated from the stage's
 * states in every stage (Euler: one, RK4: four); the inputs delivered from outside the system are
 * held over the step.
 */
function integrateOperation(members: string[], nodeById: Map<string, NodeRuntime>, couplings: CompiledEdge[], k: Kernels, dt: number): Operation {
  const runtimes = members.map((id) => nodeById.get(id)!);
  const index = new Map(members.map((id, i) => [id, i]));
  const method = runtimes[0].ode!.method;
  const system = new OdeSystem(
    runtimes.map((r) => ({ ode: r.ode!, output: r.output, input: r.input })),
    couplings.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)!, add: (x: Float64Array, into: Float64Array) => multiplyAdd(k, e, x, 0, into) })),
    method,
  );
  const inputOf = (r: NodeRuntime) => [`${r.id}.in`, ...couplings.filter((e) => e.target === r.id).map((e) => `W[${e.id}]·${e.source}.y`)].join(' + ');
  return {
    type: 'integrate',
    node: members[0],
    nodes: [...members],
    couplings: couplings.map((e) => e.id),
    method,
    reads: [...members.map((id) => `${id}.in`), ...couplings.map((e) => `W[${e.id}]`), ...members.map((id) => `${id}.state[t−1]`)],
    writes: members.map((id) => `${id}.y[t]`),
    equation: `one ODE system {${members.join(', ')}}, ${integratorText(method)} over dt = ${dt} ms, every coupling evaluated in every stage: ${runtimes
      .map((r) => `${r.id}: ${r.odeEquation?.(inputOf(r)) ?? r.equation}`)
      .join('; ')}`,
    run: () => system.step(dt),
  };
}

function synapseLabel(edge: GraphDocument['edges'][number]): string {
  const s = edge.params.synapse;
  return s?.type === 'exponential' ? `exp τ=${s.tau} ms` : (s?.type ?? 'current');
}

function nodeTarget(node: NodeRuntime, edge: GraphDocument['edges'][number]): Float64Array {
  return node.inputFor?.(edge) ?? node.input;
}

/** The schedule without its functions, numbered from 1, for display and JSON. */
export function describeSchedule(schedule: readonly Operation[]): ScheduleEntry[] {
  return schedule.map(({ run: _run, ...rest }, i) => ({ index: i + 1, ...rest }));
}
