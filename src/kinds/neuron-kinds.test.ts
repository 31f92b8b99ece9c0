/** Validation of the neuron-model kinds, synapses and plasticity: every error names its JSON path and rule. */
import { describe, expect, it } from 'vitest';
import { allKinds, formatIssue, validateDocument } from '../model/index.ts';
import { edge, node, rawDoc } from '../test-support/docs.ts';

function errorsOf(raw: unknown): string[] {
  const r = validateDocument(raw);
  return r.ok ? [] : r.errors.map(formatIssue);
}

const u = (size = 1) => node('u', 'input', { size, signal: { type: 'constant', value: 1 } });
const into = (kind: string, params: Record<string, unknown>, edgeExtra: Record<string, unknown>) =>
  rawDoc([u(), node('r', kind, params)], [edge('e', 'u', 'r', { type: 'constant', value: 1 }, 0, edgeExtra)]);

const CASES: [string, unknown, string][] = [
  ['lif: bad bound', rawDoc([node('n', 'lif', { tau_m: -1 })]), 'nodes[0].params.tau_m: must be a number > 0, got -1'],
  ['lif: reset above threshold', rawDoc([node('n', 'lif', { v_reset: -40 })]), 'nodes[0].params.v_reset: must be below v_th (-50 mV), got -40'],
  ['lif: per-unit length', rawDoc([node('n', 'lif', { size: 3, i_e: [1, 2] })]), 'nodes[0].params.i_e: must have one value per unit (size 3), got 2'],
  ['lif: negative t_ref', rawDoc([node('n', 'lif', { t_ref: -2 })]), 'nodes[0].params.t_ref: must be a number ≥ 0, got -2'],
  ['izhikevich: unknown type', rawDoc([node('n', 'izhikevich', { type: 'XX' })]), 'nodes[0].params.type: must be one of "RS", "IB", "CH", "FS", "LTS", "RZ", "TC", got "XX"'],
  ['izhikevich: a ≤ 0', rawDoc([node('n', 'izhikevich', { a: 0 })]), 'nodes[0].params.a: must be a number > 0, got 0'],
  ['izhikevich: substeps', rawDoc([node('n', 'izhikevich', { substeps: 0 })]), 'nodes[0].params.substeps: must be an integer in [1, 100], got 0'],
  ['wilson-cowan: τ', rawDoc([node('n', 'wilson-cowan', { tau_E: 0 })]), 'nodes[0].params.tau_E: must be a number > 0, got 0'],
  ['wilson-cowan: integrator', rawDoc([node('n', 'wilson-cowan', { integrator: 'rk5' })]), 'nodes[0].params.integrator: must be one of "euler", "rk4", got "rk5"'],
  ['ctrnn: per-unit τ', rawDoc([node('n', 'ctrnn', { size: 2, tau: [1, -1] })]), 'nodes[0].params.tau[1]: must be a number > 0, got -1'],
  ['poisson: rate', rawDoc([node('n', 'poisson', { rate: -5 })]), 'nodes[0].params.rate: must be a number ≥ 0, got -5'],
  ['hopfield: ±1 init', rawDoc([node('h', 'hopfield', { size: 2, init: [1, 0] })]), 'nodes[0].params.init[1]: must be 1 or -1, got 0'],
  ['hopfield: pattern init without patterns', rawDoc([node('h', 'hopfield', { size: 2, init: { type: 'pattern', index: 0 } })]), 'nodes[0].params.init: a pattern init needs a self-edge with weight {"type": "hebbian", "patterns": [...]} on node "h"'],
  [
    'hopfield: pattern index',
    rawDoc([node('h', 'hopfield', { size: 2, init: { type: 'pattern', index: 3 } })], [edge('w', 'h', 'h', { type: 'hebbian', patterns: [[1, -1]] }, 1)]),
    'nodes[0].params.init.index: must be < 1 (the number of stored patterns), got 3',
  ],
  [
    'hopfield: self-edge delay',
    rawDoc([node('h', 'hopfield', { size: 2 })], [edge('w', 'h', 'h', { type: 'hebbian', patterns: [[1, -1]] }, 2)]),
    'edges[0].params.delay: a Hopfield self-edge is read by the node itself with its latest states; give it delay 1, got 2',
  ],
  ['hebbian weights: entries', rawDoc([node('h', 'hopfield', { size: 2 })], [edge('w', 'h', 'h', { type: 'hebbian', patterns: [[1, 0.5]] }, 1)]), 'edges[0].params.weight.patterns[0][1]: must be 1 or -1, got 0.5'],
  ['hebbian weights: length', rawDoc([node('h', 'hopfield', { size: 3 })], [edge('w', 'h', 'h', { type: 'hebbian', patterns: [[1, -1]] }, 1)]), 'edges[0].params.weight.patterns[0]: must have 3 entries (source size), got 2'],
  ['synapse: target without synapse models', into('rate', {}, { synapse: { type: 'delta' } }), 'edges[0].params.synapse.type: a node of kind "rate" takes no "delta" synapses (only lif, izhikevich)'],
  ['synapse: τ', into('lif', {}, { synapse: { type: 'exponential', tau: 0 } }), 'edges[0].params.synapse.tau: must be a number > 0, got 0'],
  ['synapse: unknown type', into('lif', {}, { synapse: { type: 'alpha' } }), 'edges[0].params.synapse.type: must be one of "current", "delta", "exponential", got "alpha"'],
  ['stdp: bounds', into('lif', {}, { plasticity: { rule: 'stdp', w_min: 1, w_max: 0 } }), 'edges[0].params.plasticity.w_max: must be ≥ w_min'],
  ['stdp: τ', into('lif', {}, { plasticity: { rule: 'stdp', tau_plus: -3 } }), 'edges[0].params.plasticity.tau_plus: must be a number > 0, got -3'],
  ['edge rule: unknown', into('lif', {}, { plasticity: { rule: 'magic' } }), 'edges[0].params.plasticity.rule: must be one of "hebbian", "anti-hebbian", "oja", "bcm", "stdp", "sorn-stdp", "normalise", got "magic"'],
  ['edge rule list: unknown field', into('lif', {}, { plasticity: [{ rule: 'hebbian' }, { rule: 'normalise', eta: 1 }] }), 'edges[0].params.plasticity[1].eta: unknown field'],
  ['oja: η', into('rate', {}, { plasticity: { rule: 'oja', eta: -1 } }), 'edges[0].params.plasticity.eta: must be a number ≥ 0, got -1'],
  ['bcm: τ_θ', into('rate', {}, { plasticity: { rule: 'bcm', tau_theta: 0 } }), 'edges[0].params.plasticity.tau_theta: must be a number > 0, got 0'],
  ['IP: rule and activation', rawDoc([node('r', 'rate', { activation: 'tanh', plasticity: { rule: 'ip-triesch' } })]), 'nodes[0].params.plasticity.rule: ip-triesch is derived for sigmoid units; set activation to "sigmoid" (got "tanh")'],
  ['IP: μ', rawDoc([node('r', 'rate', { activation: 'sigmoid', plasticity: { rule: 'ip-triesch', mu: 2 } })]), 'nodes[0].params.plasticity.mu: must be in (0, 1), got 2'],
  ['IP: unknown rule', rawDoc([node('r', 'rate', { plasticity: { rule: 'ip-foo' } })]), 'nodes[0].params.plasticity.rule: must be one of "ip-triesch", "ip-schrauwen", got "ip-foo"'],
  ['threshold: init bit', rawDoc([node('r', 'threshold', { init: 2 })]), 'nodes[0].params.init: must be 0 or 1, got 2'],
  ['threshold: h_ip', rawDoc([node('r', 'threshold', { plasticity: { rule: 'ip-threshold', h_ip: 1.5 } })]), 'nodes[0].params.plasticity.h_ip: must be in (0, 1), got 1.5'],
];

describe('neuron kinds: validation errors name the JSON path and the rule', () => {
  it.each(CASES)('%s', (_name, raw, message) => {
    expect(errorsOf(raw)).toEqual([message]);
  });

  it('every kind is registered with defaults that validate', () => {
    const kinds = ['ctrnn', 'wilson-cowan', 'lif', 'izhikevich', 'poisson', 'hopfield', 'threshold'];
    for (const kind of kinds) {
      const spec = allKinds().find((k) => k.kind === kind)!;
      expect(spec).toBeDefined();
      expect(errorsOf(rawDoc([node('n', kind, spec.defaults() as Record<string, unknown>)]))).toEqual([]);
      expect(spec.variables(spec.defaults())).toContain('output');
    }
  });

  it('Wilson–Cowan takes the Neuromatch tutorial defaults and has two channels', () => {
    const spec = allKinds().find((k) => k.kind === 'wilson-cowan')!;
    expect(spec.defaults()).toMatchObject({ tau_E: 1, a_E: 1.2, theta_E: 2.8, tau_I: 2, a_I: 1, theta_I: 4, w_EE: 9, w_EI: 4, w_IE: 13, w_II: 11, I_ext_E: 0, I_ext_I: 0 });
    expect(spec.outputSize(spec.defaults())).toBe(2);
  });
});
