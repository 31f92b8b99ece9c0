import { z } from 'zod';
import { int, num } from '../../model/schema-helpers.ts';
import { defineKindSpec, type GraphProblem, type IncomingEdge } from '../../model/kind-spec.ts';
import { checkPerUnitLength } from '../shared/checks.ts';

const spin = num().refine((v) => v === 1 || v === -1, { message: 'must be 1 or -1' });

/** Initial state: all +1 or −1, one ±1 per unit, random, or a stored pattern with bits flipped. */
export const hopfieldInitSchema = z.union([
  spin,
  z.array(spin).min(1),
  z.strictObject({ type: z.literal('random'), p: num({ min: 0, max: 1, description: 'probability of +1' }).default(0.5) }),
  z.strictObject({
    type: z.literal('pattern'),
    index: int({ min: 0, description: 'pattern of the Hebbian self-edge' }),
    flip: num({ min: 0, max: 1, description: 'fraction of bits flipped (exactly round(flip·N), seeded)' }).default(0),
  }),
]);
export type HopfieldInit = z.output<typeof hopfieldInitSchema>;

export const hopfieldParams = z.strictObject({
  size: int({ min: 1, max: 10_000, description: 'units' }).default(16),
  /** "async": one unit at a time in a seeded random order each step; "sync": all at once. */
  update: z.enum(['async', 'sync']).default('async'),
  init: hopfieldInitSchema.default({ type: 'random', p: 0.5 }),
});
export type HopfieldParams = z.output<typeof hopfieldParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    hopfield: HopfieldParams;
  }
}

/**
 * Hopfield network (Hopfield 1982): ±1 units, x_i ← sgn(Σ_j W_ij x_j + h_i) (x_i kept when the
 * field is 0), h the input of other edges; energy E = −½ xᵀWx − Σ_i h_i x_i. The node reads its self-edges
 * itself, with the latest states (async) or the previous step's (sync). The patterns of
 * `init: {"type": "pattern"}` are those of its Hebbian self-edge (`weight.type = "hebbian"`).
 */
export const hopfieldSpec = defineKindSpec<HopfieldParams>({
  kind: 'hopfield',
  label: 'Hopfield network',
  group: 'other',
  role: 'population',
  output: 'binary',
  continuousTime: false,
  description: 'Binary ±1 associative memory (Hopfield 1982) with async or sync updates and energy −½xᵀWx − Σ in·x.',
  docs: {
    update: 'x_i = sgn(Σ_j W_ij x_j + in_i), kept when 0; E = −½xᵀWx − Σ_i in_i x_i, with the step\'s input (Hopfield 1982): under constant input it never increases with async updates',
    params: 'size 16, update async (seeded random order each step) \\| sync, init: ±1, ±1 per unit, `{"type":"random","p":0.5}` or `{"type":"pattern","index":0,"flip":0.2}` (patterns from the node\'s Hebbian self-edge, which must have delay 1)',
    variables: 'output, energy, order (async: the last step\'s update order)',
  },
  params: hopfieldParams,
  defaults: () => ({ size: 16, update: 'async', init: { type: 'random', p: 0.5 } }),
  outputSize: (p) => p.size,
  variables: (p) => (p.update === 'async' ? ['output', 'energy', 'order'] : ['output', 'energy']),
  summary: (p) => `${p.update} · ${p.size} units`,
  check: (p) => checkPerUnitLength(p.init, p.size, ['init']),
  checkIncoming: checkSelfEdges,
});

/** The stored patterns of a Hopfield node: those of its Hebbian self-edge, if any. */
export function hebbianPatterns(incoming: readonly IncomingEdge[], id: string): number[][] | null {
  for (const e of incoming) if (e.source === id && e.params.weight.type === 'hebbian') return e.params.weight.patterns;
  return null;
}

function checkSelfEdges(p: HopfieldParams, incoming: IncomingEdge[], id: string): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const e of incoming) {
    if (e.source === id && e.params.delay !== 1) {
      problems.push({ edge: e.index, path: ['params', 'delay'], message: `a Hopfield self-edge is read by the node itself with its latest states; give it delay 1, got ${e.params.delay}` });
    }
  }
  if (typeof p.init === 'object' && !Array.isArray(p.init) && p.init.type === 'pattern') {
    const patterns = hebbianPatterns(incoming, id);
    if (!patterns) problems.push({ path: ['init'], message: `a pattern init needs a self-edge with weight {"type": "hebbian", "patterns": [...]} on node "${id}"` });
    else if (p.init.index >= patterns.length) problems.push({ path: ['init', 'index'], message: `must be < ${patterns.length} (the number of stored patterns), got ${p.init.index}` });
  }
  return problems;
}
