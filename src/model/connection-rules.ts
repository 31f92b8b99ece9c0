/**
 * Which synapses of an edge exist: the edge's `connectivity` (in its `params`, beside `weight`) is
 * either a probability p ∈ (0, 1] — each synapse exists independently with probability p — or a
 * connection rule object that fixes the counts (NEST's `fixed_indegree`, `fixed_outdegree`,
 * `fixed_total_number`; Brunel 2000's C_E, C_I):
 *  - `{"rule": "fixed-indegree", "k"}`: every target unit receives exactly k synapses;
 *  - `{"rule": "fixed-outdegree", "k"}`: every source unit makes exactly k synapses;
 *  - `{"rule": "fixed-total", "n"}`: exactly n synapses in all;
 * each from distinct units chosen uniformly; on a self-edge (source = target node) the pairs
 * (i, i) are left out unless `"autapses": true`. The engine draws them (engine/compile/connection-rules.ts).
 * These checks are the document's: whether an n×m edge can meet the rule, and how many synapses it makes.
 */
import { z } from 'zod';
import { int, num } from './schema-helpers.ts';

const autapses = z.boolean().optional().meta({ description: 'on a self-edge, also the synapses from a unit onto itself (default false)' });
const count = (description: string) => int({ min: 1, description });

export const connectionRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('fixed-indegree'), k: count('synapses onto every target unit'), autapses }),
  z.strictObject({ rule: z.literal('fixed-outdegree'), k: count('synapses from every source unit'), autapses }),
  z.strictObject({ rule: z.literal('fixed-total'), n: count('synapses in all'), autapses }),
]);
export type ConnectionRule = z.output<typeof connectionRuleSchema>;

/** An edge's `connectivity`: a probability per synapse, or a connection rule. */
export const connectivitySchema = z
  .union([num({ gt: 0, max: 1, description: 'probability that each synapse exists', choice: 'independent' }), connectionRuleSchema])
  .meta({
    description: 'which synapses exist: independently with probability p, or by a rule fixing the in-degree k, the out-degree k or the total n',
  });
export type Connectivity = z.output<typeof connectivitySchema>;

export const isConnectionRule = (c: Connectivity | undefined): c is ConnectionRule => typeof c === 'object' && c !== null;

/** Whether the rule leaves out the pairs (i, i). */
export function excludesDiagonal(rule: ConnectionRule, selfEdge: boolean): boolean {
  return selfEdge && rule.autapses !== true;
}

/** Why a rule cannot be met by an edge of `rows` targets × `cols` sources, or null. */
export function connectionRuleProblem(rule: ConnectionRule, rows: number, cols: number, selfEdge: boolean): string | null {
  const diag = excludesDiagonal(rule, selfEdge) ? 1 : 0;
  if (rule.rule === 'fixed-indegree' && rule.k > cols - diag) {
    return `k = ${rule.k} exceeds the ${cols - diag} possible sources per target${diag ? ' (no autapses)' : ''}`;
  }
  if (rule.rule === 'fixed-outdegree' && rule.k > rows - diag) {
    return `k = ${rule.k} exceeds the ${rows - diag} possible targets per source${diag ? ' (no autapses)' : ''}`;
  }
  if (rule.rule === 'fixed-total') {
    const total = rows * cols - diag * Math.min(rows, cols);
    if (rule.n > total) return `n = ${rule.n} exceeds the ${total} possible synapses${diag ? ' (no autapses)' : ''}`;
  }
  return null;
}

/** Number of synapses the rule makes on a rows × cols edge. */
export function connectionRuleSynapses(rule: ConnectionRule, rows: number, cols: number): number {
  if (rule.rule === 'fixed-indegree') return rows * rule.k;
  if (rule.rule === 'fixed-outdegree') return cols * rule.k;
  return rule.n;
}

/**
 * Synapses an edge has on average before zero values are dropped: rows × cols × p for a
 * probability (the diagonal only for an identity weight), the exact count for a rule.
 */
export function expectedSynapses(connectivity: Connectivity | undefined, rows: number, cols: number, identity = false): number {
  if (isConnectionRule(connectivity)) return connectionRuleSynapses(connectivity, rows, cols);
  return (identity ? Math.min(rows, cols) : rows * cols) * (connectivity ?? 1);
}

/** Short text of a connectivity for labels: "p 0.1", "in-degree 100", "out-degree 5", "200 synapses". */
export function connectivityText(c: Connectivity): string {
  if (!isConnectionRule(c)) return `p ${c}`;
  const self = c.autapses ? ' (autapses)' : '';
  if (c.rule === 'fixed-indegree') return `in-degree ${c.k}${self}`;
  if (c.rule === 'fixed-outdegree') return `out-degree ${c.k}${self}`;
  return `${c.n} synapses${self}`;
}
