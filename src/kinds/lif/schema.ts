import { z } from 'zod';
import { int, num, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec, type ParamProblem } from '../../model/kind-spec.ts';
import { checkPerUnitFields } from '../shared/checks.ts';
import { initSchema } from '../rate/schema.ts';

const mV = (description: string) => num({ unit: 'mV', description });

export const lifParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'neurons' }).default(1),
  tau_m: num({ gt: 0, unit: 'ms', description: 'membrane time constant' }).default(10),
  v_rest: mV('resting potential').default(-65),
  v_reset: mV('potential after a spike').default(-65),
  v_th: mV('spike threshold').default(-50),
  r_m: num({ gt: 0, unit: 'MΩ', description: 'membrane resistance' }).default(10),
  t_ref: num({ min: 0, unit: 'ms', description: 'refractory period' }).default(2),
  i_e: perUnit({ unit: 'nA', description: 'constant injected current' }).default(0),
  /** Initial V (mV): a number, one per neuron or a distribution; default v_rest. */
  init_v: initSchema.optional(),
});
export type LifParams = z.output<typeof lifParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    lif: LifParams;
  }
}

/**
 * Leaky integrate-and-fire neurons (Lapicque 1907; Dayan & Abbott 2001, §5.4; Gerstner et al.
 * 2014, §1.3): τ_m dV/dt = −(V − v_rest) + r_m·(i_e + I_syn), spike when V ≥ v_th, then V = v_reset
 * for t_ref. mV, ms, MΩ, nA (MΩ·nA = mV).
 */
export const lifSpec = defineKindSpec<LifParams>({
  kind: 'lif',
  label: 'LIF neurons',
  group: 'spiking',
  role: 'population',
  output: 'spikes',
  continuousTime: true,
  description: 'Leaky integrate-and-fire: τ_m dV/dt = −(V − v_rest) + r_m(i_e + I_syn); spikes at v_th.',
  docs: {
    update: 'τ_m dV/dt = −(V − v_rest) + r_m(i_e + I_syn); at V ≥ v_th: spike, V = v_reset for t_ref (Lapicque 1907; Gerstner et al. 2014)',
    params: 'size 1, tau_m 10 ms, v_rest −65 mV, v_reset −65 mV, v_th −50 mV, r_m 10 MΩ, t_ref 2 ms, i_e 0 nA (per unit), init_v (default v_rest)',
    variables: 'output, v, i_syn',
  },
  params: lifParams,
  defaults: () => lifParams.parse({}),
  outputSize: (p) => p.size,
  variables: () => ['output', 'v', 'i_syn'],
  synapses: ['current', 'delta', 'exponential'],
  summary: (p) => `τ_m ${p.tau_m} ms · v_th ${p.v_th} mV`,
  check: (p) => [...checkPerUnitFields(p, p.size, ['i_e', 'init_v']), ...checkThresholds(p)],
});

function checkThresholds(p: LifParams): ParamProblem[] {
  return p.v_reset < p.v_th ? [] : [{ path: ['v_reset'], message: `must be below v_th (${p.v_th} mV), got ${p.v_reset}` }];
}
