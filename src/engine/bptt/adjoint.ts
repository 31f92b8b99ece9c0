/**
 * The adjoint of a compiled schedule (reverse-mode differentiation of one step, Werbos 1990;
 * truncated over segments, Williams & Peng 1990). The forward pass is the Program's own schedule;
 * after each step the tape records what the backward needs; `backward()` then walks the recorded
 * steps from the last to the first and, within each step, the schedule's operations in reverse:
 *
 *   commit  history[t] = y[t]            backward: nothing to do — the adjoint tape dY is indexed
 *                                        by step, so the delay line's adjoint is its row t − d
 *   update  y[t] = rule(in[t], y[t−1])   backward: the kind's NodeAdjoint (src/kinds/<kind>/adjoint.ts):
 *                                        ∂J/∂in[t], ∂J/∂params, and the own-state share to ∂J/∂y[t−1]
 *   deliver in[t] += W·y_src[t − d]      backward: ∂J/∂W += ∂J/∂in[t]·y_src[t − d]ᵀ (existing synapses
 *                                        only) and ∂J/∂y_src[t − d] += Wᵀ·∂J/∂in[t]
 *   clear   in[t] = 0                    backward: ∂J/∂in[t] = 0
 *
 * Gradients reach only what lies upstream of the trained readouts (the trained path); the state
 * before a segment is taken as given (truncation), so rows before the segment's first step collect
 * adjoints that are then dropped. Nodes without incoming edges (inputs, Poisson sources) are
 * constants. Everything is deterministic: fixed loop orders, no randomness.
 */
import { getKind } from '../../model/index.ts';
import type { Program, CompiledEdge } from '../compile/compile.ts';
import { indexSynapses } from '../compile/compile.ts';
import type { NodeRuntime, Operation } from '../compile/types.ts';
import type { AdjointStep, NodeAdjoint } from './types.ts';
import { isReadout, type ReadoutRuntime } from '../compile/readout.ts';
import { stepLoss, type LossKind } from './loss.ts';
import { TrainingError } from '../tasks/training-error.ts';
import type { Simulator } from '../simulator.ts';
import type { KernelWorkspace } from '../kernels/kernels.ts';
import { PLACE_MIN_WEIGHTS } from '../compile/placement.ts';
import { DeliverAdjoint } from './deliver-adjoint.ts';

/** One array of trainable parameters with its gradient. */
export interface ParameterBlock {
  readonly owner: { type: 'edge'; id: string } | { type: 'node'; id: string; name: string };
  /** How reports name it: "W[w_in]", "hidden.bias", "out.W_out". */
  readonly label: string;
  /** The live values the forward pass reads (an edge's dense data or CSR values: existing synapses only). */
  values(): Float64Array;
  /** ∂J/∂values, same layout. */
  readonly grad: Float64Array;
  /** Call after changing `values()` from outside the schedule (float32 copies, synapse indices). */
  refresh(): void;
}

/** A readout whose loss drives the training. */
export interface LossTarget {
  readonly readout: ReadoutRuntime;
  readonly loss: LossKind;
  /** Scored steps: the first value ≠ 0 (null: every step of the window). */
  readonly mask: Float64Array | null;
}

interface PathNode {
  readonly runtime: NodeRuntime;
  readonly adjoint: NodeAdjoint;
  /** ∂J/∂in of the current step, in the layout of runtime.input. */
  readonly din: Float64Array;
  readonly step: AdjointStep;
  readonly target: TargetTape | null;
}

interface TargetTape {
  readonly target: LossTarget;
  /** ∂ℓ/∂z per recorded step (rows of the readout's size). */
  readonly dz: Float64Array;
  readonly scored: Uint8Array;
  count: number;
  /** Σ ℓ over the segment's scored steps. */
  lossSum: number;
}

/** The trained path of a set of readouts: nodes the gradient passes through, and why one cannot be. */
export function trainedPath(program: Program, readouts: readonly ReadoutRuntime[]): { path: Set<string>; sources: Set<string> } {
  const incoming = new Map<string, CompiledEdge[]>();
  for (const e of program.edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
  const seen = new Set<string>(readouts.map((r) => r.id));
  const queue = readouts.map((r) => r.id);
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const e of incoming.get(id) ?? []) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
    }
  }
  const path = new Set<string>();
  const sources = new Set<string>();
  for (const node of program.nodes) {
    if (!seen.has(node.id)) continue;
    const isSource = (incoming.get(node.id)?.length ?? 0) === 0 && !readouts.some((r) => r.id === node.id);
    if (isSource) {
      sources.add(node.id);
      continue;
    }
    if (!node.adjoint) {
      throw new TrainingError(
        `node "${node.id}" (${node.kind}) is not differentiable and lies on the path to readout "${readouts[0].id}": BPTT passes gradients only through rate populations and readouts (${binaryUnits(node.kind) ? 'binary units have no derivative' : 'spiking and continuous-time kinds are not supported'})`,
      );
    }
    const why = node.adjoint.refusal();
    if (why) throw new TrainingError(`node "${node.id}" lies on the path to readout "${readouts[0].id}" and cannot be trained by BPTT: ${why}`);
    const online = isReadout(node) && (node.readout.params.training.method === 'lms' || node.readout.params.training.method === 'rls');
    if (online) throw new TrainingError(`readout "${node.id}" learns online (${node.readout.params.training.method}) and lies on the path to readout "${readouts[0].id}": BPTT cannot train through it`);
    path.add(node.id);
  }
  for (const e of program.edges) {
    if (path.has(e.target) && e.plastic) throw new TrainingError(`edge "${e.id}" has a learning rule and lies on the path to readout "${readouts[0].id}": remove its plasticity to train it by BPTT`);
  }
  return { path, sources };
}

/**
 * Back to step 0 with the parameters as they are: a reset of the initial states draws some of them
 * again (a BPTT readout's initial W_out), so their values are kept across it.
 */
export function restartKeeping(sim: Simulator, blocks: readonly ParameterBlock[]): void {
  const kept = blocks.map((b) => Float64Array.from(b.values()));
  sim.restart();
  blocks.forEach((b, i) => b.values().set(kept[i]));
}

export interface AdjointOptions {
  /** Steps the tape holds (a segment's length). */
  capacity: number;
  /** False: no parameter gradients (the gradient-flow probe only needs ∂J/∂y). */
  parameters?: boolean;
}

export class Adjoint {
  readonly blocks: ParameterBlock[] = [];
  /** Rows kept before a segment's first step: the largest delay into the path (≥ 1, for y[t−1]). */
  readonly history: number;
  readonly capacity: number;
  /** Steps recorded in the current segment. */
  steps = 0;
  private readonly Y = new Map<string, Float64Array>();
  private readonly dY = new Map<string, Float64Array>();
  private readonly savedTapes = new Map<string, Float64Array[]>();
  private readonly pathNodes: PathNode[] = [];
  private readonly targets: TargetTape[] = [];
  /** Backward of each schedule operation (null: nothing to do), in schedule order. */
  private readonly backwardOps: (((s: number, k: number) => void) | null)[];
  private readonly recorded: NodeRuntime[];
  private readonly delivers: DeliverAdjoint[] = [];
  private readonly edgeBlocks: { edge: CompiledEdge; deliver: DeliverAdjoint }[] = [];
  private workspace: KernelWorkspace | null = null;

  constructor(
    readonly program: Program,
    lossTargets: readonly LossTarget[],
    options: AdjointOptions,
  ) {
    const { path, sources } = trainedPath(
      program,
      lossTargets.map((t) => t.readout),
    );
    const withParameters = options.parameters !== false;
    this.capacity = options.capacity;
    this.history = Math.max(1, ...program.edges.filter((e) => path.has(e.target)).map((e) => e.delay));
    const rows = this.history + this.capacity;
    this.recorded = program.nodes.filter((n) => path.has(n.id) || sources.has(n.id));
    for (const n of this.recorded) this.Y.set(n.id, new Float64Array(rows * n.size));
    const lossById = new Map(lossTargets.map((t) => [t.readout.id, t]));
    for (const runtime of program.nodes) {
      if (!path.has(runtime.id)) continue;
      const adjoint = runtime.adjoint!;
      this.dY.set(runtime.id, new Float64Array(rows * runtime.size));
      const tapes = adjoint.saved.map((a) => new Float64Array(this.capacity * a.length));
      this.savedTapes.set(runtime.id, tapes);
      const trainable = withParameters && adjoint.trainable;
      const grads = adjoint.params.map((p) => {
        if (!trainable) return null;
        const block = nodeBlock(runtime.id, p.name, p.values);
        this.blocks.push(block);
        return block.grad;
      });
      const loss = lossById.get(runtime.id);
      const target = loss ? { target: loss, dz: new Float64Array(this.capacity * runtime.size), scored: new Uint8Array(this.capacity), count: 0, lossSum: 0 } : null;
      if (target) this.targets.push(target);
      this.pathNodes.push({
        runtime,
        adjoint,
        din: new Float64Array(runtime.input.length),
        step: { dY: this.dY.get(runtime.id)!, row: 0, saved: tapes, savedAt: tapes.map(() => 0), din: new Float64Array(0), grads, dzLoss: null, dzAt: 0 },
        target,
      });
    }
    // the step object's din is the node's own din
    for (const p of this.pathNodes) (p.step as { din: Float64Array }).din = p.din;
    const byId = new Map(this.pathNodes.map((p) => [p.runtime.id, p]));
    const edgesById = new Map(program.edges.map((e) => [e.id, e]));
    this.backwardOps = program.schedule.map((op) => this.backwardOf(op, byId, edgesById, withParameters));
    this.placeArrays();
  }

  private backwardOf(op: Operation, byId: Map<string, PathNode>, edges: Map<string, CompiledEdge>, withParameters: boolean): ((s: number, k: number) => void) | null {
    const node = byId.get(op.node);
    if (!node) return null;
    switch (op.type) {
      case 'clear':
        return () => node.din.fill(0);
      case 'update':
        return this.updateBackward(node);
      case 'deliver': {
        const edge = edges.get(op.edge!)!;
        return this.deliverBackward(edge, node, withParameters);
      }
      default:
        // learn: a BPTT readout's learn operation only copies its target (plastic nodes and edges
        // are refused on the path); commit: the adjoint tape is indexed by step (see the module comment).
        return null;
    }
  }

  private updateBackward(node: PathNode): (s: number, k: number) => void {
    const size = node.runtime.size;
    const lengths = node.adjoint.saved.map((a) => a.length);
    const step = node.step;
    const target = node.target;
    return (s, k) => {
      step.row = s * size;
      for (let j = 0; j < lengths.length; j++) step.savedAt[j] = k * lengths[j];
      step.dzLoss = target && target.scored[k] ? target.dz : null;
      step.dzAt = k * size;
      node.adjoint.backward(step);
    };
  }

  private deliverBackward(edge: CompiledEdge, node: PathNode, withParameters: boolean): (s: number, k: number) => void {
    const runtime = node.runtime;
    const docEdge = this.program.doc.edges.find((e) => e.id === edge.id)!;
    const into = runtime.inputFor?.(docEdge) ?? runtime.input;
    if (into.buffer !== runtime.input.buffer) throw new TrainingError(`node "${runtime.id}" keeps edge "${edge.id}" apart from its input: BPTT cannot follow it`);
    const trainable = withParameters && !isReadout(runtime) && docEdge.params.trainable !== false;
    const deliver = new DeliverAdjoint({
      edge,
      kernels: this.program.kernels,
      din: node.din,
      dinOffset: (into.byteOffset - runtime.input.byteOffset) / Float64Array.BYTES_PER_ELEMENT,
      yTape: this.Y.get(edge.source)!,
      dyTape: this.dY.get(edge.source) ?? null,
      trainable,
      capacity: this.capacity,
      history: this.history,
    });
    this.delivers.push(deliver);
    if (trainable) this.edgeBlocks.push({ edge, deliver });
    return (s, k) => deliver.backward(s, k);
  }

  /**
   * Dense deliveries' products run over arrays in the kernels' own memory when they have one
   * (a workspace of this adjoint's); then the edge blocks take their gradients from there.
   */
  private placeArrays(): void {
    const make = this.program.kernels.workspace;
    const arrays = this.delivers.map((d) => d.arrays());
    const large = this.delivers.some((d, i) => arrays[i].length > 0 && d.denseWeights >= PLACE_MIN_WEIGHTS);
    if (make && large) {
      this.workspace = make.call(this.program.kernels, {});
      const flat = arrays.flat();
      const scratch = Math.max(this.capacity, ...this.program.edges.map((e) => Math.max(e.rows, e.cols)));
      const placed = this.workspace.place(flat, scratch);
      let at = 0;
      this.delivers.forEach((d, i) => {
        d.adopt(placed.slice(at, at + arrays[i].length));
        at += arrays[i].length;
      });
    }
    for (const { edge, deliver } of this.edgeBlocks) {
      this.blocks.push({
        owner: { type: 'edge', id: edge.id },
        label: `W[${edge.id}]`,
        values: () => (edge.weights.format === 'dense' ? edge.weights.data : edge.weights.values),
        grad: deliver.grad!,
        refresh: () => {
          indexSynapses(edge);
          deliver.sync();
        },
      });
    }
  }

  /** After a reset: the rows before the first step all hold the initial outputs (as the delay lines do). */
  restart(): void {
    for (const n of this.recorded) {
      const y = this.Y.get(n.id)!;
      for (let r = 0; r < this.history; r++) y.set(n.output, r * n.size);
    }
    this.steps = 0;
    this.beginSegment();
    for (const d of this.delivers) d.sync();
  }

  /** Starts a new segment: the last `history` recorded rows become the rows before its first step. */
  beginSegment(): void {
    const k = this.steps;
    if (k > 0) {
      for (const n of this.recorded) {
        const y = this.Y.get(n.id)!;
        y.copyWithin(0, k * n.size, (k + this.history) * n.size);
      }
    }
    this.steps = 0;
    for (const t of this.targets) {
      t.count = 0;
      t.lossSum = 0;
    }
  }

  /**
   * Records the step just taken (call after Simulator.step()); when `scoring`, each loss target's
   * loss at this step (unless masked out) is computed and its ∂ℓ/∂z kept. Returns the sum of the
   * targets' losses at this step and how many targets scored it.
   */
  record(scoring: boolean): { loss: number; scored: number } {
    if (this.steps === this.capacity) this.beginSegment();
    const k = this.steps;
    const s = this.history + k;
    for (const n of this.recorded) this.Y.get(n.id)!.set(n.output, s * n.size);
    for (const p of this.pathNodes) {
      const tapes = p.step.saved;
      p.adjoint.saved.forEach((a, j) => tapes[j].set(a, k * a.length));
    }
    let loss = 0;
    let scored = 0;
    for (const t of this.targets) {
      const r = t.target.readout;
      const on = scoring && (t.target.mask === null || t.target.mask[0] !== 0);
      t.scored[k] = on ? 1 : 0;
      if (!on) continue;
      const l = stepLoss(t.target.loss, r.output, r.readout.preActivation, r.readout.target, t.dz, k * r.size);
      loss += l;
      t.lossSum += l;
      t.count++;
      scored++;
    }
    this.steps = k + 1;
    return { loss, scored };
  }

  /** The segment's objective J = Σ_targets (Σ ℓ)/N over its scored steps (as recorded so far). */
  objective(): number {
    return this.targets.reduce((sum, t) => sum + (t.count > 0 ? t.lossSum / t.count : 0), 0);
  }

  /** Whether any step of the current segment is scored. */
  hasLoss(): boolean {
    return this.targets.some((t) => t.count > 0);
  }

  /**
   * Keeps only the loss of the segment's last scored step and ends the segment there (the
   * gradient-flow probe: the adjoint of one step's loss through the steps before it).
   */
  keepLastLoss(): void {
    let last = -1;
    for (const t of this.targets) for (let k = this.steps - 1; k > last; k--) if (t.scored[k]) last = k;
    for (const t of this.targets) {
      for (let k = 0; k < last; k++) t.scored[k] = 0;
      t.count = last >= 0 && t.scored[last] ? 1 : 0;
    }
    this.steps = last + 1;
  }

  zeroGradients(): void {
    for (const b of this.blocks) b.grad.fill(0);
  }

  /**
   * Backpropagates the segment's objective J = Σ_targets mean over scored steps of ℓ through the
   * recorded steps, adding ∂J/∂θ into each block's `grad` (call zeroGradients() first for a fresh sum).
   */
  backward(): void {
    for (const dy of this.dY.values()) dy.fill(0);
    for (const t of this.targets) {
      if (t.count > 1) {
        const f = 1 / t.count;
        const dz = t.dz;
        for (let i = 0; i < this.steps * t.target.readout.size; i++) dz[i] *= f;
      }
    }
    for (const d of this.delivers) d.begin();
    const ops = this.backwardOps;
    for (let k = this.steps - 1; k >= 0; k--) {
      const s = this.history + k;
      for (let i = ops.length - 1; i >= 0; i--) ops[i]?.(s, k);
    }
    for (const d of this.delivers) d.finish(this.steps);
  }

  /** Frees the kernels' memory of this adjoint. */
  dispose(): void {
    this.workspace?.dispose();
    this.workspace = null;
  }

  /**
   * ‖∂J/∂y[t]‖ over the path's populations (every path node but the readouts), for each recorded
   * step, the last step first: entry k is the norm k steps before the segment's end.
   */
  stateGradientNorms(): number[] {
    const states = this.pathNodes.filter((p) => !isReadout(p.runtime));
    const out: number[] = [];
    for (let k = this.steps - 1; k >= 0; k--) {
      const s = this.history + k;
      let sq = 0;
      for (const p of states) {
        const dy = p.step.dY;
        const n = p.runtime.size;
        for (let i = s * n; i < (s + 1) * n; i++) sq += dy[i] * dy[i];
      }
      out.push(Math.sqrt(sq));
    }
    return out;
  }

  /** Number of trainable parameters (values in every block). */
  parameterCount(): number {
    return this.blocks.reduce((sum, b) => sum + b.grad.length, 0);
  }
}

function nodeBlock(id: string, name: string, values: Float64Array): ParameterBlock {
  return { owner: { type: 'node', id, name }, label: `${id}.${name}`, values: () => values, grad: new Float64Array(values.length), refresh: () => {} };
}

/** Discrete-time units whose output is 0/1 or ±1 (threshold, Hopfield): a step function, no derivative. */
function binaryUnits(kind: string): boolean {
  const spec = getKind(kind);
  return spec !== undefined && !spec.continuousTime && spec.output !== 'analog';
}
