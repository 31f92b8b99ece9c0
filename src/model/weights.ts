/**
 * Weight initialisation of an edge. An edge from an m-unit source to an n-unit target holds an
 * n×m matrix W (row i = target unit i); `weight` says how its values are drawn. The options that
 * apply to every variant live in the edge's `params`, beside `weight` and `delay` (format 2):
 *  - connectivity: which synapses exist — each independently with probability p ∈ (0, 1], or a
 *    connection rule fixing their number (fixed in-degree, out-degree or total; connection-rules.ts);
 *  - spectralRadius ρ* > 0: a square (recurrent) W is rescaled so max|λ(W)| = ρ*;
 *  - scale s: the final matrix is multiplied by s (after the spectral-radius rescale).
 */
import { z } from 'zod';
import { num } from './schema-helpers.ts';
import { connectivitySchema } from './connection-rules.ts';

/** The weight options, keys of the edge's `params`. */
export const weightOptions = {
  connectivity: connectivitySchema.optional(),
  spectralRadius: num({ gt: 0, description: 'largest |eigenvalue| after rescaling (square W only)' }).optional(),
  scale: num({ description: 'multiplies the final matrix' }).optional(),
};

export const WEIGHT_OPTION_KEYS = ['connectivity', 'spectralRadius', 'scale'] as const;
export type WeightOptionKey = (typeof WEIGHT_OPTION_KEYS)[number];

export const constantWeight = z.strictObject({ type: z.literal('constant'), value: num() });
export const uniformWeight = z
  .strictObject({ type: z.literal('uniform'), low: num().default(-1), high: num().default(1) })
  .refine((w) => w.high >= w.low, { message: 'high must be ≥ low', path: ['high'] });
export const normalWeight = z.strictObject({
  type: z.literal('normal'),
  mean: num().default(0),
  std: num({ min: 0 }).default(1),
});
/** Explicit matrix: `values` has n rows (target units) of m columns (source units). */
export const matrixWeight = z.strictObject({
  type: z.literal('matrix'),
  values: z.array(z.array(num()).min(1)).min(1),
});
/** One-to-one: W = value · I (needs n = m). */
export const identityWeight = z.strictObject({ type: z.literal('identity'), value: num().default(1) });

/**
 * Hopfield's Hebbian storage prescription (Hopfield 1982): W = (1/N) Σ_p p pᵀ with zero diagonal,
 * for ±1 patterns of length N (needs a square matrix, N = source size = target size).
 */
export const hebbianWeight = z.strictObject({
  type: z.literal('hebbian'),
  patterns: z.array(z.array(num().refine((v) => v === 1 || v === -1, { message: 'must be 1 or -1' })).min(1)).min(1),
});

export const weightVariants = [constantWeight, uniformWeight, normalWeight, matrixWeight, identityWeight, hebbianWeight] as const;
export const weightSchema = z.discriminatedUnion('type', [...weightVariants]);
export type WeightInit = z.output<typeof weightSchema>;
