/**
 * What the document model, the palette, the inspector and the panels know of a node kind: its
 * parameter schema, defaults, checks, its documentation line and its capabilities — each fact
 * declared once, in the kind's folder (src/kinds/<kind>/schema.ts). The model names no kind: it
 * finds them through kind-lookup.ts. The kind's builder (the compile side) is paired with this
 * spec in src/kinds/<kind>/index.ts and never imported by the model.
 */
import type { z } from 'zod';
import type { GraphEdge } from './document.ts';
import type { PathSegment } from './issues.ts';
import type { PhasePlaneModel } from './phase-plane.ts';
import type { SynapseType } from './synapse.ts';
import type { Signal } from './signals.ts';

/** An edge arriving at a node, with its index in the document's `edges`. */
export type IncomingEdge = GraphEdge & { index: number };

/** A problem found among a node's incoming edges; `edge` (an index into `edges`) makes `path` relative to that edge. */
export interface GraphProblem extends ParamProblem {
  edge?: number;
}

/** A rule a kind checks beyond its schema (e.g. array lengths against `size`). */
export interface ParamProblem {
  /** Path relative to the node's `params`. */
  path: PathSegment[];
  message: string;
}

export type PaletteGroup = 'inputs' | 'rate' | 'spiking' | 'readouts' | 'other';

/**
 * How a node takes part in a network:
 *  - `source`: receives no edges; its output comes from its params (external signals);
 *  - `population`: sums its incoming edges through weight matrices into its input;
 *  - `readout`: lays its incoming edges side by side as a feature vector and learns its own
 *    weights (each such edge carries its source's output unchanged: identity weights, filled in
 *    when `weight` is omitted).
 */
export type KindRole = 'source' | 'population' | 'readout';

/**
 * What the output holds each step:
 *  - `spikes`: 1 in a step with a spike (or an active binary unit), else 0 — a spiking kind:
 *    outgoing edges deliver event-driven, spike rasters and rate/ISI histograms apply;
 *  - `binary`: ±1 states (drawn as states above a threshold);
 *  - `analog`: real values.
 */
export type OutputSignal = 'spikes' | 'binary' | 'analog';

/** The kind's row in the README's kinds table: | `kind` | update | params | variables |. */
export interface KindDocs {
  /** The update rule, with its source. */
  update: string;
  /** Params with units and defaults. */
  params: string;
  /** State variables a probe can record. */
  variables: string;
}

export interface KindSpec<P = unknown> {
  kind: string;
  /** Name in the palette and on the node. */
  label: string;
  group: PaletteGroup;
  /** One sentence for the palette tooltip. */
  description: string;
  /** The README row (checked by a test against the README's kinds table). */
  docs: KindDocs;
  /** Strict schema of `params`; its output (defaults filled in) is what builders receive. */
  params: z.ZodType<P>;
  /** Params of a freshly created node. */
  defaults(): P;
  /** Number of output channels (units) the node delivers along its outgoing edges. */
  outputSize(params: P): number;
  /** Number of input channels an incoming edge's matrix has as rows (default: outputSize). */
  inputSize?(params: P): number;
  /** Names of the output channels when they are not numbered (Wilson–Cowan: E, I). */
  unitNames?(params: P): string[];
  /** Names of the state variables a probe can record as `ID.VAR` ("output" is always there). */
  variables(params: P): string[];
  /** A few key parameters for display on the node, e.g. "tanh · leak 0.3". */
  summary(params: P): string;
  /** Prefix of the ids of new nodes (default: the kind string). */
  idPrefix?: string;

  // Capabilities: the compiler, the panels, the palette and the inspector ask these.
  role: KindRole;
  output: OutputSignal;
  /**
   * True for kinds that integrate an ODE over dt in ms (ctrnn, wilson-cowan, lif, izhikevich)
   * or fire at rates in Hz (poisson): their time axis is time in ms; networks without such a
   * kind are discrete maps whose time axis is the step.
   */
  continuousTime: boolean;
  /**
   * True for kinds whose state follows an ODE the engine can integrate jointly with other such
   * nodes (ctrnn, wilson-cowan; their builders give the runtime an `ode`): delay-0 edges among
   * them, self-loops and loops included, are couplings of one system (model/graph.ts).
   */
  odeSystem?: boolean;
  /** Synapse models (edge `synapse.type`) the node accepts besides the default "current". */
  synapses?: readonly SynapseType[];
  /** The phase portrait's analysable system of two of its units (nullclines, fixed points). */
  phasePlane?: PhasePlaneModel<P>;
  /**
   * For a source: 'constant' when its output never changes, 'piecewise' when it is constant
   * between changes (a phase portrait then takes it at its current value), false otherwise.
   */
  steadyOutput?(params: P): 'constant' | 'piecewise' | false;
  /**
   * For a source that plays an external signal (the input kind's `signal`): that signal. Tasks
   * (memory capacity) choose the input that drives them among the nodes that have one.
   */
  signal?(params: P): Signal;

  /** Checks that need several fields at once; paths are relative to `params`. */
  check?(params: P): ParamProblem[];
  /** Other nodes' signals the params name (e.g. a readout's `target`), checked to exist. */
  references?(params: P): { path: PathSegment[]; node: string; variable: string }[];
  /**
   * Writes a trained parameter (BPTT: a rate population's `bias`, a readout's `W_out`) into the
   * params, so the document reproduces the trained network ("Keep trained weights"); undefined
   * when the kind has no such parameter.
   */
  keepTrained?(params: P, name: string, values: readonly number[]): P | undefined;
  /** Checks that need the node's incoming edges (e.g. Hopfield's pattern init needs a Hebbian self-edge). */
  checkIncoming?(params: P, incoming: IncomingEdge[], id: string): GraphProblem[];
}

/** Identity helper that keeps the params type while declaring a kind's spec. */
export function defineKindSpec<P>(spec: KindSpec<P>): KindSpec<P> {
  return spec;
}
