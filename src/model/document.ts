/**
 * The graph document, format "recurrence-graph" version 2: plain JSON, the one source of truth
 * of a network. Node `params` are validated per kind (see kind-lookup.ts), so this envelope
 * holds them as unknown until validation has run.
 */
import { z } from 'zod';
import { identifier, int, num } from './schema-helpers.ts';
import { LIMITS } from './limits.ts';
import { weightOptions, weightSchema } from './weights.ts';
import { synapseSchema } from './synapse.ts';
import { edgePlasticitySchema } from './plasticity.ts';

export const FORMAT = 'recurrence-graph';
export const CURRENT_VERSION = 2;

export const positionSchema = z.strictObject({ x: num(), y: num() });

export const nodeEnvelope = z.strictObject({
  id: identifier,
  kind: z.string(),
  label: z.string().max(200).optional(),
  position: positionSchema.default({ x: 0, y: 0 }),
  params: z.record(z.string(), z.unknown()).default({}),
});

export const edgeParams = z.strictObject({
  weight: weightSchema.default({ type: 'constant', value: 1 }),
  /** Whole steps between the source's output and its arrival at the target. */
  delay: int({ min: 0, max: LIMITS.maxDelay, unit: 'steps' }).default(0),
  ...weightOptions,
  /** What a delivered w·s does to a spiking target (lif, izhikevich); default "current". */
  synapse: synapseSchema.optional(),
  /** Synaptic plasticity: one rule or a list applied in order after every step's updates. */
  plasticity: edgePlasticitySchema.optional(),
  /** false: BPTT leaves this edge's weights as they are (gradients still flow through it). */
  trainable: z.boolean().optional(),
});
export type EdgeParams = z.output<typeof edgeParams>;

export const edgeSchema = z.strictObject({
  id: identifier,
  source: identifier,
  target: identifier,
  label: z.string().max(200).optional(),
  params: edgeParams.default({ weight: { type: 'constant', value: 1 }, delay: 0 }),
});

/**
 * An editor group: a named, collapsible module of nodes. Layout only — the compiler ignores it.
 * A node belongs to at most one group.
 */
export const groupSchema = z.strictObject({
  id: identifier,
  label: z.string().max(200).default('Module'),
  nodes: z.array(identifier).min(1),
  collapsed: z.boolean().default(false),
});
export type GraphGroup = z.output<typeof groupSchema>;

/** A panel the document asks the app to open (its layout is saved with the document). */
export const panelSchema = z.looseObject({ type: z.string(), nodes: z.array(z.string()).optional() });

/** The top level of a document; nodes and edges are checked one by one (see validate.ts). */
export const documentEnvelope = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  title: z.string().max(500).default('Untitled network'),
  description: z.string().max(20_000).optional(),
  /** Seed of the one RNG that feeds weights, noise and inputs (unsigned 32-bit integer). */
  seed: int({ min: 0, max: 4294967295 }).default(1),
  /** Duration of one step (ms for the continuous-time kinds; 1 for discrete-time networks). */
  dt: num({ gt: 0, unit: 'ms' }).default(1),
  /**
   * Arithmetic of the weights' products: "float64" (default) or "float32" — weights stored and
   * multiplied in single precision (half the memory traffic, twice the SIMD width); states stay
   * double. Traces then differ from float64 within a documented tolerance (engine/kernels).
   */
  precision: z
    .enum(['float64', 'float32'])
    .meta({ description: 'Arithmetic of the weights: float64 (default) or float32 (single-precision products, faster for large networks)' })
    .optional(),
  nodes: z.array(z.unknown()).max(LIMITS.maxNodes),
  edges: z.array(z.unknown()).max(LIMITS.maxEdges).default([]),
  panels: z.array(panelSchema).optional(),
  groups: z.array(groupSchema).optional(),
});

/**
 * Params of each kind, by kind string. Empty here: each kind's schema module adds its entry
 * (`declare module '../../model/document.ts' { interface ParamsByKind { lif: LifParams } }`),
 * so the model names no kind.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in src/kinds/*/schema.ts
export interface ParamsByKind {}

type Envelope = z.output<typeof nodeEnvelope>;
/** A validated node: its params have the type of its kind. */
export type GraphNode<K extends keyof ParamsByKind = keyof ParamsByKind> = K extends keyof ParamsByKind
  ? Omit<Envelope, 'kind' | 'params'> & { kind: K; params: ParamsByKind[K] }
  : never;
/** A node of a kind not listed in ParamsByKind (registered elsewhere). */
export type AnyNode = Omit<Envelope, 'params'> & { params: Record<string, unknown> };
export type GraphEdge = z.output<typeof edgeSchema>;
export type GraphDocument = Omit<z.output<typeof documentEnvelope>, 'nodes' | 'edges'> & {
  nodes: GraphNode[];
  edges: GraphEdge[];
};
