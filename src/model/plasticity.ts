/**
 * Plasticity rules of the document. Every rule has a learning rate (`eta`, except `normalise`)
 * and a freeze toggle (`frozen`: the rule is compiled but changes nothing until unfrozen).
 *
 * Node level (params.plasticity), intrinsic plasticity of a population:
 *  - ip-triesch   (Triesch 2005): Fermi (logistic) units y = 1/(1+e^−(a·x+b)), exponential target
 *                 distribution with mean mu;
 *  - ip-schrauwen (Schrauwen et al. 2008): tanh units y = tanh(a·x + b), Gaussian target N(mu, sigma²);
 *  - ip-threshold (Lazar et al. 2009, SORN): binary units, T ← T + eta·(x − h_ip).
 *
 * Edge level (edge params.plasticity: one rule or a list applied in order), with x the presynaptic
 * output as it arrives (after the edge's delay) and y the postsynaptic output of the same step:
 *  - hebbian       Δw_ij = η·y_i·x_j
 *  - anti-hebbian  Δw_ij = −η·y_i·x_j
 *  - oja           Δw_ij = η·y_i·(x_j − y_i·w_ij)              (Oja 1982)
 *  - bcm           Δw_ij = η·x_j·y_i·(y_i − θ_i), τ_θ dθ_i/dt = y_i² − θ_i   (Bienenstock, Cooper & Munro 1982)
 *  - stdp          pair-based STDP with exponential windows (Song, Miller & Abbott 2000)
 *  - sorn-stdp     Δw_ij = η·(x_i(t)·x_j(t−1) − x_i(t−1)·x_j(t)), x_j the presynaptic unit's output
 *                  at emission, x_i the postsynaptic one (Lazar, Pipa & Triesch 2009, SORN)
 *  - normalise     w_ij ← w_ij · target / Σ_j w_ij after the other rules (Lazar et al. 2009)
 */
import { z } from 'zod';
import { num } from './schema-helpers.ts';

const frozen = z.boolean().default(false);
const eta = (dflt: number) => num({ min: 0, description: 'learning rate η' }).default(dflt);

/** Optional hard bounds of a weight; refined so that w_min ≤ w_max. */
const boundsFields = {
  w_min: num({ description: 'lower bound of a weight' }).optional(),
  w_max: num({ description: 'upper bound of a weight' }).optional(),
};
function boundsOrdered(r: { w_min?: number; w_max?: number }): boolean {
  return r.w_min === undefined || r.w_max === undefined || r.w_min <= r.w_max;
}
const boundsRule = { message: 'must be ≥ w_min', path: ['w_max'] };

export const ipTriesch = z.strictObject({
  rule: z.literal('ip-triesch'),
  eta: eta(0.001),
  mu: num({ gt: 0, lt: 1, description: 'mean of the exponential target distribution of y' }).default(0.2),
  frozen,
});
export const ipSchrauwen = z.strictObject({
  rule: z.literal('ip-schrauwen'),
  eta: eta(0.001),
  mu: num({ gt: -1, lt: 1, description: 'mean of the Gaussian target distribution of y' }).default(0),
  sigma: num({ gt: 0, description: 'standard deviation of the Gaussian target' }).default(0.2),
  frozen,
});
export const ipThreshold = z.strictObject({
  rule: z.literal('ip-threshold'),
  eta: eta(0.001),
  h_ip: num({ gt: 0, lt: 1, description: 'target firing probability per step' }).default(0.1),
  frozen,
});
/** Intrinsic plasticity of a `rate` population. */
export const rateIpSchema = z.discriminatedUnion('rule', [ipTriesch, ipSchrauwen]);
export type RateIpSpec = z.output<typeof rateIpSchema>;
export type ThresholdIpSpec = z.output<typeof ipThreshold>;

export const hebbianRule = z
  .strictObject({ rule: z.literal('hebbian'), eta: eta(0.01), ...boundsFields, frozen })
  .refine(boundsOrdered, boundsRule);
export const antiHebbianRule = z
  .strictObject({ rule: z.literal('anti-hebbian'), eta: eta(0.01), ...boundsFields, frozen })
  .refine(boundsOrdered, boundsRule);
export const ojaRule = z.strictObject({ rule: z.literal('oja'), eta: eta(0.01), frozen });
export const bcmRule = z
  .strictObject({
    rule: z.literal('bcm'),
    eta: eta(0.01),
    tau_theta: num({ gt: 0, unit: 'ms', description: 'time constant of the sliding threshold θ (running average of y²)' }).default(100),
    theta_init: num({ min: 0, description: 'initial θ' }).default(0),
    ...boundsFields,
    frozen,
  })
  .refine(boundsOrdered, boundsRule);
export const stdpRule = z
  .strictObject({
    rule: z.literal('stdp'),
    eta: eta(1),
    a_plus: num({ min: 0, description: 'potentiation amplitude (pre before post)' }).default(0.01),
    a_minus: num({ min: 0, description: 'depression amplitude (post before pre)' }).default(0.012),
    tau_plus: num({ gt: 0, unit: 'ms', description: 'potentiation window' }).default(20),
    tau_minus: num({ gt: 0, unit: 'ms', description: 'depression window' }).default(20),
    w_min: num({ description: 'lower bound of a weight' }).default(0),
    w_max: num({ description: 'upper bound of a weight' }).default(1),
    frozen,
  })
  .refine(boundsOrdered, boundsRule);
export const sornStdpRule = z
  .strictObject({ rule: z.literal('sorn-stdp'), eta: eta(0.001), ...boundsFields, frozen })
  .refine(boundsOrdered, boundsRule);
export const normaliseRule = z.strictObject({
  rule: z.literal('normalise'),
  target: num({ description: "sum of each target unit's incoming weights on this edge" }).default(1),
  frozen,
});

export const synapticRuleSchema = z.discriminatedUnion('rule', [hebbianRule, antiHebbianRule, ojaRule, bcmRule, stdpRule, sornStdpRule, normaliseRule]);
export type SynapticRule = z.output<typeof synapticRuleSchema>;
/** An edge's plasticity: one rule, or several applied in order (e.g. STDP then normalise). */
export const edgePlasticitySchema = z.union([synapticRuleSchema, z.array(synapticRuleSchema).min(1).max(8)]);
export type EdgePlasticity = z.output<typeof edgePlasticitySchema>;

/** The rules of an edge as a list. */
export function edgeRules(p: EdgePlasticity | undefined): SynapticRule[] {
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}
