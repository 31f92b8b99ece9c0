/**
 * The model-side registration of a node kind: its parameter schema, defaults for a new node,
 * and the facts other layers need without running it (output size, state variables).
 * A kind is joined across layers by its `kind` string: a schema here, a builder in
 * engine/compile/builders/, a component in editor/nodes/.
 */
import type { z } from 'zod';
import type { PathSegment } from './issues.ts';
import type { SynapseType } from './synapse.ts';

/** An edge arriving at a node, with its index in the document's `edges`. */
export interface IncomingEdge {
  index: number;
  id: string;
  source: string;
  target: string;
  params: { delay: number; weight: { type: string } & Record<string, unknown> } & Record<string, unknown>;
}

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

export interface KindSpec<P = unknown> {
  kind: string;
  /** Name in the palette and on the node. */
  label: string;
  group: PaletteGroup;
  /**
   * True for kinds that integrate an ODE over dt in ms (ctrnn, wilson-cowan, lif, izhikevich)
   * or fire at rates in Hz (poisson): their time axis is time in ms; networks without such a
   * kind are discrete maps whose time axis is the step.
   */
  continuousTime?: boolean;
  /** One sentence for the palette tooltip and the README. */
  description: string;
  /** Strict schema of `params`; its output (defaults filled in) is what builders receive. */
  params: z.ZodType<P>;
  /** Params of a freshly created node. */
  defaults(): P;
  /** Number of output channels (units) the node delivers along its outgoing edges. */
  outputSize(params: P): number;
  /** Number of input channels an incoming edge's matrix has as rows (default: outputSize). */
  inputSize?(params: P): number;
  /** Names of the state variables a probe can record as `ID.VAR` ("output" is always there). */
  variables(params: P): string[];
  /** Whether the node can receive edges. */
  acceptsInput: boolean;
  /** A few key parameters for display on the node, e.g. "tanh · leak 0.3". */
  summary(params: P): string;
  /** Checks that need several fields at once; paths are relative to `params`. */
  check?(params: P): ParamProblem[];
  /** Synapse models (edge `synapse.type`) the node accepts besides the default "current". */
  synapses?: readonly SynapseType[];
  /**
   * True when incoming edges are not summed through a weight matrix but laid side by side as
   * the node's feature vector (a readout learns its own weights): each such edge carries its
   * source's output unchanged (identity weights, filled in when `weight` is omitted).
   */
  concatenatesInputs?: boolean;
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

/** Identity helper that keeps the params type while registering. */
export function defineKind<P>(spec: KindSpec<P>): KindSpec<P> {
  return spec;
}
