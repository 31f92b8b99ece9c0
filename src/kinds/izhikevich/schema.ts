import { z } from 'zod';
import { int, perUnit } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec, type ParamProblem } from '../../model/kind-spec.ts';
import { checkPerUnitFields } from '../shared/checks.ts';
import { initSchema } from '../rate/schema.ts';

/** Izhikevich (2003), Fig. 2: regular spiking, intrinsically bursting, chattering, fast spiking, low-threshold spiking, resonator, thalamo-cortical. */
export const IZHIKEVICH_TYPES = {
  RS: { a: 0.02, b: 0.2, c: -65, d: 8 },
  IB: { a: 0.02, b: 0.2, c: -55, d: 4 },
  CH: { a: 0.02, b: 0.2, c: -50, d: 2 },
  FS: { a: 0.1, b: 0.2, c: -65, d: 2 },
  LTS: { a: 0.02, b: 0.25, c: -65, d: 2 },
  RZ: { a: 0.1, b: 0.26, c: -65, d: 2 },
  TC: { a: 0.02, b: 0.25, c: -65, d: 0.05 },
} as const;
export type IzhikevichType = keyof typeof IZHIKEVICH_TYPES;
const typeNames = Object.keys(IZHIKEVICH_TYPES) as [IzhikevichType, ...IzhikevichType[]];

export const izhikevichParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'neurons' }).default(1),
  /** The paper's parameter set; a, b, c, d given explicitly override it. Default RS. */
  type: z.enum(typeNames).optional(),
  a: perUnit({ gt: 0, unit: '1/ms', description: 'recovery rate of u' }).optional(),
  b: perUnit({ description: 'sensitivity of u to v' }).optional(),
  c: perUnit({ unit: 'mV', description: 'reset potential' }).optional(),
  d: perUnit({ description: 'reset increment of u' }).optional(),
  i_e: perUnit({ description: 'constant input current I (the paper’s units)' }).default(0),
  init_v: initSchema.default(-65),
  /** Initial u; default b·v(0). */
  init_u: initSchema.optional(),
  /**
   * "euler": forward Euler of v and u in `substeps` substeps per dt; "izhikevich-2003": the
   * paper's own scheme (its MATLAB code, Fig. 3: spikes and resets at the start of each step, v in
   * two half steps with u held, then u in one step).
   */
  integrator: z
    .enum(['euler', 'izhikevich-2003'])
    .meta({ description: 'euler: forward Euler in substeps; izhikevich-2003: the paper’s MATLAB scheme (dt = 1 ms in the paper)' })
    .default('euler'),
  /** Euler substeps per dt (integrator "euler" only); default ceil(dt / 0.5 ms). */
  substeps: int({ min: 1, max: 100, description: 'Euler substeps per dt; default ceil(dt / 0.5 ms)' }).optional(),
});
export type IzhikevichParams = z.output<typeof izhikevichParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    izhikevich: IzhikevichParams;
  }
}

/** a, b, c, d of a node: explicit values, else its `type`'s, else RS. */
export function izhikevichConstants(p: IzhikevichParams): { a: number | number[]; b: number | number[]; c: number | number[]; d: number | number[] } {
  const base = IZHIKEVICH_TYPES[p.type ?? 'RS'];
  return { a: p.a ?? base.a, b: p.b ?? base.b, c: p.c ?? base.c, d: p.d ?? base.d };
}

/** Longest Euler substep (ms) the default `substeps` allows: substeps = ceil(dt / 0.5 ms). */
export const IZHIKEVICH_MAX_SUBSTEP = 0.5;

/** Euler substeps of a node at step dt (ms): its `substeps`, else ceil(dt / 0.5 ms). */
export function izhikevichSubsteps(p: IzhikevichParams, dt: number): number {
  return p.substeps ?? Math.max(1, Math.ceil(dt / IZHIKEVICH_MAX_SUBSTEP));
}

/**
 * Izhikevich's simple model (Izhikevich 2003, "Simple model of spiking neurons", IEEE TNN 14):
 *   v' = 0.04v² + 5v + 140 − u + I,  u' = a(bv − u);  if v ≥ 30 mV: v ← c, u ← u + d.
 * v in mV, t in ms.
 */
export const izhikevichSpec = defineKindSpec<IzhikevichParams>({
  kind: 'izhikevich',
  label: 'Izhikevich neurons',
  group: 'spiking',
  role: 'population',
  output: 'spikes',
  continuousTime: true,
  description: 'Izhikevich 2003: v′ = 0.04v² + 5v + 140 − u + I, u′ = a(bv − u); RS, IB, CH, FS, LTS, RZ, TC.',
  docs: {
    update: 'v′ = 0.04v² + 5v + 140 − u + I, u′ = a(bv − u); at v ≥ 30 mV: v = c, u += d (Izhikevich 2003)',
    params: 'size, `type` RS\\|IB\\|CH\\|FS\\|LTS\\|RZ\\|TC (paper values, default RS) or a, b, c, d (per unit; these override the type), i_e 0, init_v −65, init_u (default b·v), integrator (euler\\|izhikevich-2003), substeps (euler only; default ceil(dt / 0.5 ms))',
    variables: 'output, v, u',
  },
  params: izhikevichParams,
  defaults: () => ({ size: 1, type: 'RS', i_e: 10, init_v: -65, integrator: 'euler' }),
  outputSize: (p) => p.size,
  variables: () => ['output', 'v', 'u'],
  synapses: ['current', 'delta', 'exponential'],
  summary: (p) =>
    (p.type ?? (p.a === undefined ? 'RS' : 'custom')) + (p.i_e !== 0 ? ` · I ${Array.isArray(p.i_e) ? '…' : p.i_e}` : '') + (p.integrator === 'izhikevich-2003' ? ' · 2003 scheme' : ''),
  check: (p) => [...checkPerUnitFields(p, p.size, ['a', 'b', 'c', 'd', 'i_e', 'init_v', 'init_u']), ...checkSubsteps(p)],
});

function checkSubsteps(p: IzhikevichParams): ParamProblem[] {
  if (p.integrator !== 'izhikevich-2003' || p.substeps === undefined) return [];
  return [{ path: ['substeps'], message: 'applies to the "euler" integrator only (izhikevich-2003 takes two half steps of v and one of u per step)' }];
}
