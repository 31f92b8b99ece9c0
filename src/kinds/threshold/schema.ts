import { z } from 'zod';
import { int, num, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';
import { checkPerUnitFields } from '../shared/checks.ts';
import { ipThreshold } from '../../model/plasticity.ts';

const bit = num().refine((v) => v === 0 || v === 1, { message: 'must be 0 or 1' });

export const thresholdParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'units' }).default(1),
  /** Per-unit thresholds T: a number, one per unit, or drawn uniformly (SORN: U(0, T_max)). */
  threshold: z
    .union([perUnit(), z.strictObject({ type: z.literal('uniform'), low: num().default(0), high: num().default(1) }).refine((t) => t.high >= t.low, { message: 'high must be ≥ low', path: ['high'] })])
    .default(0),
  /** Initial state: 0 or 1, one bit per unit, or each unit 1 with probability p. */
  init: z.union([bit, z.array(bit).min(1), z.strictObject({ type: z.literal('bernoulli'), p: num({ min: 0, max: 1 }).default(0.5) })]).default(0),
  /** Threshold intrinsic plasticity (Lazar et al. 2009): T ← T + η(x − h_ip). */
  plasticity: ipThreshold.optional(),
});
export type ThresholdParams = z.output<typeof thresholdParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    threshold: ThresholdParams;
  }
}

/**
 * Binary threshold units (McCulloch & Pitts 1943; the excitatory and inhibitory units of SORN,
 * Lazar et al. 2009): x_i[t] = 1 if Σ_edges W·y_src ≥ T_i else 0, T per unit.
 */
export const thresholdSpec = defineKindSpec<ThresholdParams>({
  kind: 'threshold',
  label: 'Threshold units',
  group: 'rate',
  role: 'population',
  output: 'spikes',
  continuousTime: false,
  description: 'McCulloch–Pitts binary units: x = [Σ W·y ≥ T], a threshold per unit (SORN), optional threshold IP.',
  docs: {
    update: 'x_i = [Σ W·y ≥ T_i] (McCulloch & Pitts 1943; SORN units)',
    params: 'size, threshold (number, per unit, or `{"type":"uniform","low","high"}`), init (0\\|1, per unit, or `{"type":"bernoulli","p"}`), plasticity `ip-threshold`',
    variables: 'output, net, threshold',
  },
  params: thresholdParams,
  defaults: () => ({ size: 1, threshold: 0, init: 0 }),
  outputSize: (p) => p.size,
  variables: () => ['output', 'net', 'threshold'],
  summary: (p) => (typeof p.threshold === 'object' && !Array.isArray(p.threshold) ? `T ~ U(${p.threshold.low}, ${p.threshold.high})` : 'T per unit') + (p.plasticity ? ' · IP' : ''),
  check: (p) => checkPerUnitFields(p as unknown as Record<string, unknown>, p.size, ['threshold', 'init']),
});
