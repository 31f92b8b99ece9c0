import { z } from 'zod';
import { int, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';
import { checkPerUnitFields } from '../shared/checks.ts';
import { activations, initSchema } from '../rate/schema.ts';
import { ctrnnPhasePlane } from './phase-plane.ts';

/** ODE integrators: forward Euler (the default) or classic 4th-order Runge–Kutta for smooth models. */
export const integrators = ['euler', 'rk4'] as const;
export type Integrator = (typeof integrators)[number];
export const integratorSchema = z.enum(integrators).default('euler');

export const ctrnnParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'units' }).default(1),
  tau: perUnit({ gt: 0, unit: 'ms', description: 'time constant τ' }).default(1),
  bias: perUnit({ description: 'bias θ (added to y inside the output function)' }).default(0),
  gain: perUnit({ description: 'gain g of the output function' }).default(1),
  /** Output function f of the output f(g(y + θ)): the logistic σ (Beer's CTRNN, default), or another rate activation (relu: Matsuoka's units). */
  activation: z.enum(activations).meta({ description: 'output function f: sigmoid (Beer), relu (Matsuoka), linear, tanh or step' }).default('sigmoid'),
  init: initSchema.default(0),
  integrator: integratorSchema,
});
export type CtrnnParams = z.output<typeof ctrnnParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    ctrnn: CtrnnParams;
  }
}

/**
 * Continuous-time recurrent neural network (Beer 1995, "On the dynamics of small continuous-time
 * recurrent neural networks"): τ_i dy_i/dt = −y_i + Σ_j w_ij σ(g_j(y_j + θ_j)) + I_i, σ logistic;
 * output σ(g(y + θ)); edges deliver w·(source output). τ in ms, y dimensionless. `activation`
 * replaces σ by another output function f (relu gives Matsuoka's 1985 units, y_out = max(0, y)).
 * An ODE node: delay-0 edges to other ODE nodes (a self-loop included) couple one system.
 */
export const ctrnnSpec = defineKindSpec<CtrnnParams>({
  kind: 'ctrnn',
  label: 'CTRNN',
  group: 'rate',
  role: 'population',
  output: 'analog',
  continuousTime: true,
  odeSystem: true,
  phasePlane: ctrnnPhasePlane,
  description: 'Beer’s continuous-time units: τ dy/dt = −y + Σ w·σ(g(y_j+θ_j)) + I; output σ(g(y+θ)).',
  docs: {
    update: 'τ dy/dt = −y + Σ w·(source output) + I; output f(g(y+θ)), f = σ (Beer 1995)',
    params: 'size (1), tau (ms, 1; per unit), bias θ (0; per unit), gain g (1; per unit), activation f (sigmoid\\|relu\\|linear\\|tanh\\|step, default sigmoid; relu gives Matsuoka\'s units), init (0), integrator (euler\\|rk4)',
    variables: 'output, y',
  },
  params: ctrnnParams,
  defaults: () => ({ size: 1, tau: 1, bias: 0, gain: 1, activation: 'sigmoid', init: 0, integrator: 'euler' }),
  outputSize: (p) => p.size,
  variables: () => ['output', 'y'],
  summary: (p) => `τ ${Array.isArray(p.tau) ? '…' : p.tau} ms${p.activation !== 'sigmoid' ? ` · ${p.activation}` : ''}${p.integrator === 'rk4' ? ' · rk4' : ''}`,
  check: (p) => checkPerUnitFields(p, p.size, ['tau', 'bias', 'gain', 'init']),
});
