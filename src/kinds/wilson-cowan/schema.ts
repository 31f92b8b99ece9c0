import { z } from 'zod';
import { num } from '../../model/schema-helpers.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';
import { integratorSchema } from '../ctrnn/schema.ts';
import { wilsonCowanPhasePlane } from './phase-plane.ts';

const ms = (description: string) => num({ gt: 0, unit: 'ms', description });
const gain = (description: string) => num({ gt: 0, description });
const weight = (description: string) => num({ min: 0, description });

/** Defaults: Neuromatch Academy, W2D4 "Dynamic networks", Tutorial 2 (default_pars). */
export const wilsonCowanParams = z.strictObject({
  tau_E: ms('time constant of E').default(1),
  a_E: gain('gain of F_E').default(1.2),
  theta_E: num({ description: 'threshold of F_E' }).default(2.8),
  tau_I: ms('time constant of I').default(2),
  a_I: gain('gain of F_I').default(1),
  theta_I: num({ description: 'threshold of F_I' }).default(4),
  w_EE: weight('E → E').default(9),
  w_EI: weight('I → E (inhibitory, subtracted)').default(4),
  w_IE: weight('E → I').default(13),
  w_II: weight('I → I (inhibitory, subtracted)').default(11),
  I_ext_E: num({ description: 'external input to E' }).default(0),
  I_ext_I: num({ description: 'external input to I' }).default(0),
  init_E: num({ description: 'r_E at t = 0' }).default(0.2),
  init_I: num({ description: 'r_I at t = 0' }).default(0.2),
  integrator: integratorSchema,
});
export type WilsonCowanParams = z.output<typeof wilsonCowanParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    'wilson-cowan': WilsonCowanParams;
  }
}

/**
 * Wilson–Cowan E/I populations (Wilson & Cowan 1972; in the form of the Neuromatch tutorial):
 *   τ_E dr_E/dt = −r_E + F(w_EE r_E − w_EI r_I + I_ext_E + in_E; a_E, θ_E)
 *   τ_I dr_I/dt = −r_I + F(w_IE r_E − w_II r_I + I_ext_I + in_I; a_I, θ_I)
 *   F(x; a, θ) = 1/(1 + e^(−a(x − θ))) − 1/(1 + e^(aθ))
 * Output channels [r_E, r_I]; incoming edges have two rows: [to E, to I]. Times in ms.
 */
export const wilsonCowanSpec = defineKindSpec<WilsonCowanParams>({
  kind: 'wilson-cowan',
  label: 'Wilson–Cowan E/I',
  group: 'rate',
  role: 'population',
  output: 'analog',
  continuousTime: true,
  odeSystem: true,
  unitNames: () => ['E', 'I'],
  phasePlane: wilsonCowanPhasePlane,
  description: 'An excitatory and an inhibitory population (Wilson & Cowan 1972); outputs [E, I].',
  docs: {
    update: 'τ_E dE/dt = −E + F(w_EE E − w_EI I + I_ext_E + in_E); τ_I dI/dt = −I + F(w_IE E − w_II I + I_ext_I + in_I); F(x) = 1/(1+e^(−a(x−θ))) − 1/(1+e^(aθ)) (Wilson & Cowan 1972; Neuromatch W2D4)',
    params: 'tau_E 1 ms, a_E 1.2, theta_E 2.8, tau_I 2 ms, a_I 1, theta_I 4, w_EE 9, w_EI 4, w_IE 13, w_II 11, I_ext_E 0, I_ext_I 0, init_E 0.2, init_I 0.2, integrator. Two output channels [E, I]; incoming edges have two rows [to E, to I]',
    variables: 'output, E, I',
  },
  params: wilsonCowanParams,
  defaults: () => wilsonCowanParams.parse({}),
  outputSize: () => 2,
  variables: () => ['output', 'E', 'I'],
  summary: (p) => `w_EE ${p.w_EE} · I_ext ${p.I_ext_E}${p.integrator === 'rk4' ? ' · rk4' : ''}`,
});
