/**
 * What the compiler produces: runtimes of nodes and edges, and the schedule of one step.
 * Nothing here knows the DOM, React or a store; the same Program runs in Node and in a worker.
 */
import type { AnyNode, GraphDocument, GraphEdge } from '../../model/index.ts';
import type { Kernels, StateAllocator } from '../kernels/kernels.ts';
import type { Rng } from '../rng.ts';
import type { CsrMatrix, DenseMatrix } from '../linalg/types.ts';
import type { OdeRuntime } from '../integrate.ts';
import type { NodeAdjoint } from '../bptt/types.ts';

/** The state and update rule of one node, built by its kind's builder. */
export interface NodeRuntime {
  readonly id: string;
  readonly kind: string;
  /** Output channels (units) delivered along outgoing edges. */
  readonly size: number;
  /** y: the output after the latest step. */
  readonly output: Float64Array;
  /** Σ_edges W·y_src accumulated during the current step (input channels). */
  readonly input: Float64Array;
  /** State variables a probe can read as `ID.VAR`; always includes `output`. */
  readonly vars: Record<string, Float64Array>;
  /** The update equation, in words a student can read in the schedule. */
  readonly equation: string;
  /** What the update reads besides `in`, for the schedule (default: its own state at t−1). */
  readonly reads?: string[];
  /** Puts the node in its initial state (seeded). */
  reset(rng: Rng): void;
  /** Computes this step's output from `input` and the node's own state; t is the 0-based step. */
  update(t: number): void;
  /** The buffer an incoming edge adds into (default `input`). */
  inputFor?(edge: GraphEdge): Float64Array;
  /**
   * ODE nodes (kinds with `odeSystem`): the state, dy/dt and output function an integrate
   * operation steps jointly with the other members of a system coupled by delay-0 edges.
   */
  readonly ode?: OdeRuntime;
  /** dy/dt of an ODE node in words, with `input` the text of its total input (for an integrate operation's equation). */
  odeEquation?(input: string): string;
  /** True when the output is spike events (the kind's `output` is 'spikes'): outgoing edges deliver event-driven. */
  readonly spiking: boolean;
  /** Edges the node reads itself in its update (no deliver operation), e.g. Hopfield's recurrent weights. */
  ownsEdge?(edge: GraphEdge): boolean;
  /** Called once after every node is built, for nodes that read other nodes' state (a readout's target). */
  link?(nodes: ReadonlyMap<string, NodeRuntime>): void;
  /** Called once after compiling with the runtimes of the edges it owns (their `weights` change at reset). */
  bindEdges?(edges: EdgeRuntime[]): void;
  /** Learning of the node itself (intrinsic plasticity); runs after every node has updated. */
  readonly plasticity?: PlasticityRuntime[];
  /**
   * Live parameter change without reset (engine/live-update.ts): applies `params` (same kind,
   * same size) from the next step on and returns true, or returns false when the change needs
   * a recompile (the runtime is then left unchanged).
   */
  setParams?(params: Record<string, unknown>): boolean;
  /** Differentiable kinds: the backward of the update, for training by BPTT (engine/bptt). */
  readonly adjoint?: NodeAdjoint;
}

/**
 * One plasticity rule at run time (a node's intrinsic plasticity or an edge's synaptic rule).
 * The compiler turns each into a 'learn' operation after the step's updates.
 */
export interface PlasticityRuntime {
  /** Node it belongs to (the target node for an edge rule). */
  readonly node: string;
  readonly edge?: string;
  readonly rule: string;
  /** While true the rule changes nothing; a session may toggle it without recompiling. */
  frozen: boolean;
  readonly reads: string[];
  readonly writes: string[];
  readonly equation: string;
  /** Applies one step of learning (t is the 0-based step just computed). */
  apply(t: number): void;
  /** Back to the initial state (traces, sliding thresholds), after weights are sampled. */
  reset?(): void;
}

export interface BuildContext {
  readonly doc: GraphDocument;
  /** Duration of a step (document `dt`). */
  readonly dt: number;
  readonly kernels: Kernels;
  /**
   * Where a builder may allocate its hot state so that kernels (WASM) work on it in place; absent
   * for most programs (then use ordinary typed arrays). See NodeBuilder.kernelState.
   */
  readonly alloc?: StateAllocator;
}

/** A validated node of a kind whose params have type P (defaults filled in). */
export type KindNode<P> = Omit<AnyNode, 'params'> & { params: P };

/**
 * What a builder returns: the node's runtime without the facts its kind declares (`kind`, and
 * `spiking` from the kind's `output`), which the compiler adds. `setParams` receives params
 * validated by the kind's schema.
 */
export type BuiltNode<P = Record<string, unknown>> = Omit<NodeRuntime, 'kind' | 'spiking' | 'setParams'> & {
  setParams?(params: P): boolean;
};

/** The kernels' optional population steps (WASM SIMD) that update a kind's state in place. */
export type KernelStep = Extract<keyof Kernels, 'rateUpdate' | 'lifStep' | 'izhikevichStep'>;

/**
 * The compile side of a node kind (src/kinds/<kind>/builder.ts), paired with the kind's schema
 * in src/kinds/<kind>/index.ts: turns a validated node, its params typed by that schema, into
 * its runtime.
 */
export interface NodeBuilder<P = unknown> {
  build(node: KindNode<P>, ctx: BuildContext): BuiltNode<P>;
  /**
   * Populations of `from` units or more keep their state in the kernels' memory (shared memory:
   * the WASM kernels update it in place with `step` and read it for products without copying);
   * the builder then allocates its hot state through BuildContext.alloc.
   */
  readonly kernelState?: { readonly from: number; readonly step: KernelStep };
}

export type WeightMatrix = ({ format: 'dense' } & DenseMatrix) | ({ format: 'csr' } & CsrMatrix);

export interface EdgeRuntime {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly delay: number;
  /** Target input channels (rows of W). */
  readonly rows: number;
  /** Source output channels (columns of W). */
  readonly cols: number;
  /** The current weights (sampled at reset). */
  weights: WeightMatrix;
}

/** One entry of the schedule: what it reads and writes, and the rule it applies. */
export interface Operation {
  readonly type: 'clear' | 'deliver' | 'update' | 'integrate' | 'learn' | 'commit';
  /** Node the operation belongs to (its target for a delivery; the system's first node for an integrate). */
  readonly node: string;
  /** An integrate operation's system: the nodes stepped together, document order. */
  readonly nodes?: string[];
  /** An integrate operation's couplings: the delay-0 edges among its nodes, evaluated in every stage. */
  readonly couplings?: string[];
  /** An integrate operation's method. */
  readonly method?: string;
  readonly edge?: string;
  /** Delay of the delivered signal, in steps (deliveries only). */
  readonly delay?: number;
  /** The plasticity rule applied (learn operations only). */
  readonly rule?: string;
  readonly reads: string[];
  readonly writes: string[];
  /** The equation it implements, e.g. "x.in += W[self] · x.y[t−1]". */
  readonly equation: string;
  /** Executes the operation for 0-based step t. */
  readonly run: (t: number) => void;
}

/** A serialisable view of an operation (no function), for the CLI and the schedule view. */
export type ScheduleEntry = Omit<Operation, 'run'> & { index: number };
