/**
 * Signals of `input` nodes. Time t is the zero-based index of the step being computed, so an
 * input's recorded value after step t+1 is signal(t): `values[t] = signal(t)`.
 */
import { z } from 'zod';
import { int, num } from './schema-helpers.ts';
import { LIMITS } from './limits.ts';

const steps = (description: string, extra = {}) => num({ unit: 'steps', description, ...extra });

export const constantSignal = z.strictObject({
  type: z.literal('constant'),
  value: z.union([num(), z.array(num()).min(1)]),
});
/** u(t) = offset + amplitude · sin(2π t / period + phase). */
export const sineSignal = z.strictObject({
  type: z.literal('sine'),
  amplitude: num().default(1),
  period: steps('period', { gt: 0 }),
  phase: num({ unit: 'rad' }).default(0),
  offset: num().default(0),
});
/** u(t) = before for t < at, after for t ≥ at. */
export const stepSignal = z.strictObject({
  type: z.literal('step'),
  at: int({ unit: 'steps', min: 0 }),
  before: num().default(0),
  after: num().default(1),
});
/** u(t) = value for at ≤ t < at + width, else 0. */
export const pulseSignal = z.strictObject({
  type: z.literal('pulse'),
  at: int({ unit: 'steps', min: 0 }),
  width: int({ unit: 'steps', min: 1 }).default(1),
  value: num().default(1),
});
/** u(t) ~ U[low, high), independently for every channel and step (seeded). */
export const uniformSignal = z
  .strictObject({ type: z.literal('uniform'), low: num().default(0), high: num().default(1) })
  .refine((s) => s.high >= s.low, { message: 'high must be ≥ low', path: ['high'] });
/** u(t) ~ N(mean, std²), independently for every channel and step (seeded). */
export const gaussianSignal = z.strictObject({
  type: z.literal('gaussian'),
  mean: num().default(0),
  std: num({ min: 0 }).default(1),
});
/**
 * u(t) = values[t] (1-D: every channel; 2-D: values[t][channel]); after the end, values
 * restart when `repeat` is true, else the signal is 0.
 */
export const sequenceSignal = z.strictObject({
  type: z.literal('sequence'),
  values: z.union([
    z.array(num()).min(1).max(LIMITS.maxLiteralEntries),
    z.array(z.array(num()).min(1)).min(1).max(LIMITS.maxLiteralEntries),
  ]),
  repeat: z.boolean().default(true),
});

export const signalVariants = [
  constantSignal,
  sineSignal,
  stepSignal,
  pulseSignal,
  uniformSignal,
  gaussianSignal,
  sequenceSignal,
] as const;

export const signalSchema = z.discriminatedUnion('type', [...signalVariants]);
export type Signal = z.output<typeof signalSchema>;
