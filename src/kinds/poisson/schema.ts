import { z } from 'zod';
import { int, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';
import { checkPerUnitFields } from '../shared/checks.ts';

export const poissonParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'spike trains' }).default(1),
  rate: perUnit({ min: 0, unit: 'Hz', description: 'mean firing rate' }).default(10),
});
export type PoissonParams = z.output<typeof poissonParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    poisson: PoissonParams;
  }
}

/**
 * Poisson spike source (Dayan & Abbott 2001, §1.4): in each step of dt ms a unit spikes with
 * probability min(1, rate·dt/1000) (Bernoulli approximation of a Poisson process), seeded.
 */
export const poissonSpec = defineKindSpec<PoissonParams>({
  kind: 'poisson',
  label: 'Poisson spikes',
  group: 'inputs',
  role: 'source',
  output: 'spikes',
  continuousTime: true,
  description: 'Independent Poisson spike trains at a given rate (Hz), seeded.',
  docs: {
    update: 'spike with probability rate·dt/1000 per step, seeded',
    params: 'size, rate (Hz, 10; per unit)',
    variables: 'output',
  },
  params: poissonParams,
  defaults: () => ({ size: 10, rate: 10 }),
  outputSize: (p) => p.size,
  variables: () => ['output'],
  summary: (p) => `${Array.isArray(p.rate) ? '…' : p.rate} Hz`,
  check: (p) => checkPerUnitFields(p, p.size, ['rate']),
});
