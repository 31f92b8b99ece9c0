import { z } from 'zod';
import { int, num, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';
import { checkPerUnitLength } from '../shared/checks.ts';
import { rateIpSchema, type RateIpSpec } from '../../model/plasticity.ts';
import { ratePhasePlane } from './phase-plane.ts';

export const activations = ['linear', 'tanh', 'sigmoid', 'relu', 'step'] as const;
export type Activation = (typeof activations)[number];

/** Initial state: a number for every unit, one number per unit, or a seeded distribution. */
export const initSchema = z.union([
  num(),
  z.array(num()).min(1),
  z.strictObject({ type: z.literal('uniform'), low: num().default(-1), high: num().default(1) }),
  z.strictObject({ type: z.literal('normal'), mean: num().default(0), std: num({ min: 0 }).default(1) }),
]);
export type InitSpec = z.output<typeof initSchema>;

export const rateParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'units' }).default(1),
  activation: z.enum(activations).default('tanh'),
  leak: num({ gt: 0, max: 1, description: 'leak rate a (1 = no memory of x[t-1])' }).default(1),
  bias: perUnit().default(0),
  init: initSchema.default(0),
  /** Intrinsic plasticity: y = f(a·net + b) with per-unit gain a and bias b adapted online. */
  plasticity: rateIpSchema.optional(),
  /** false: BPTT leaves the bias as it is (gradients still flow through the units). */
  trainable: z.boolean().optional(),
});
export type RateParams = z.output<typeof rateParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    rate: RateParams;
  }
}

/**
 * Discrete-time leaky rate population (leaky-integrator ESN, Jaeger 2001; Jaeger et al. 2007):
 * x[t] = (1 − a)·x[t−1] + a·f(Σ_edges W·y_src + b).
 */
export const rateSpec = defineKindSpec<RateParams>({
  kind: 'rate',
  label: 'Rate population',
  group: 'rate',
  role: 'population',
  output: 'analog',
  continuousTime: false,
  phasePlane: ratePhasePlane,
  description: 'Leaky rate units: x[t] = (1−a)·x[t−1] + a·f(Σ W·y + b).',
  docs: {
    update: '`x[t] = (1−a)·x[t−1] + a·f(Σ W·y_src + b)` (leaky ESN, Jaeger 2001)',
    params: '`size` (default 1), `activation` (`linear`, `tanh`, `sigmoid`, `relu`, `step`; default `tanh`), `leak` a ∈ (0, 1] (default 1), `bias` (number or one per unit), `init` (number, one per unit, `{"type": "uniform", "low", "high"}` or `{"type": "normal", "mean", "std"}`), `plasticity` (intrinsic, below), `trainable` (`false`: BPTT leaves the bias as it is)',
    variables: 'output, net (+ gain, bias with plasticity)',
  },
  params: rateParams,
  defaults: () => ({ size: 1, activation: 'tanh', leak: 1, bias: 0, init: 0 }),
  outputSize: (p) => p.size,
  variables: (p) => (p.plasticity ? ['output', 'net', 'gain', 'bias'] : ['output', 'net']),
  summary: (p) => `${p.activation}${p.leak !== 1 ? ` · leak ${p.leak}` : ''}`,
  check: (p) => [...checkPerUnitLength(p.bias, p.size, ['bias']), ...checkPerUnitLength(p.init, p.size, ['init']), ...checkIpActivation(p.plasticity, p.activation)],
  keepTrained: (p, name, values) => (name === 'bias' && values.length === p.size ? { ...p, bias: [...values] } : undefined),
});

/** Each IP rule is derived for one activation: Triesch's for the logistic, Schrauwen's for tanh. */
function checkIpActivation(ip: RateIpSpec | undefined, activation: Activation) {
  const needs = ip?.rule === 'ip-triesch' ? 'sigmoid' : ip?.rule === 'ip-schrauwen' ? 'tanh' : null;
  return needs && needs !== activation
    ? [{ path: ['plasticity', 'rule'], message: `${ip!.rule} is derived for ${needs} units; set activation to "${needs}" (got "${activation}")` }]
    : [];
}
