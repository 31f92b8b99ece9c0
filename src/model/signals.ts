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
 * u(t) ~ Poisson(mean), a count per channel and step, independently (seeded): the number of
 * events of Poisson trains of total rate ν in one step, mean = ν·dt (Brunel 2000's external
 * drive: C_E trains at ν_ext give mean = C_E·ν_ext·dt). Dimensionless; at most 100 per step.
 */
export const poissonSignal = z.strictObject({
  type: z.literal('poisson'),
  mean: num({ min: 0, max: 100, description: 'expected count per step (total rate × dt)' }).default(1),
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

/**
 * Mackey–Glass chaotic series (Mackey & Glass 1977): dx/dt = a·x(t−τ)/(1 + x(t−τ)ⁿ) − b·x(t),
 * integrated with RK4 at step h (time units per step), history x0 + U[−0.1, 0.1) (seeded), as
 * ReservoirPy's `mackey_glass`. u(t) = x(t); the state variable `target` holds x(t + horizon).
 */
export const mackeyGlassSignal = z.strictObject({
  type: z.literal('mackey-glass'),
  tau: num({ gt: 0, description: 'delay τ (time units)' }).default(17),
  horizon: int({ min: 0, max: 10_000, unit: 'steps', description: 'how far ahead the target looks' }).default(1),
  a: num().default(0.2),
  b: num().default(0.1),
  n: num({ gt: 0 }).default(10),
  x0: num().default(1.2),
  h: num({ gt: 0, description: 'integration step (time units per step)' }).default(1),
});
/** Highest order of the plain NARMA recurrence that is accepted (higher orders diverge; see narmaSignal). */
export const NARMA_MAX_PLAIN_ORDER = 10;

/**
 * NARMA task (Atiya & Parlos 2000, IEEE TNN 11:697; Jaeger 2003): u(t) ~ U[0, 0.5] and, for order n,
 *   plain: y(t+1) = 0.3·y(t) + 0.05·y(t)·Σ_{i=0}^{n−1} y(t−i) + 1.5·u(t−n+1)·u(t) + 0.1
 *   tanh:  y(t+1) = tanh(the same right-hand side)  (bounded in (−1, 1) for every order)
 * The plain recurrence has no fixed point in the mean for n ≥ 13 (0.05n·y² − 0.7y + 0.19375 = 0
 * has no real root) and diverges in practice from n = 11 on: measured over 200 seeded 20,000-step
 * runs, order 11 diverged in 99 % of them, order 10 in 9 % (0.35 % of 1,000-step runs, 2.2 % of
 * 5,000-step runs), order 9 in 0.1 % of 100,000-step runs. So the plain form is refused above
 * order 10 (NARMA-10, the benchmark of the literature, stays), and the tanh form is offered for
 * every order; at high orders its target saturates towards 1 (order 30: mean 0.95, s.d. 0.008).
 * The state variable `target` holds y(t+1), known at step t.
 */
export const narmaSignal = z
  .strictObject({
    type: z.literal('narma'),
    order: int({ min: 1, max: 100 }).default(10),
    /** "plain" (Atiya & Parlos) or "tanh" (the right-hand side through tanh: bounded). */
    variant: z.enum(['plain', 'tanh']).default('plain'),
  })
  .superRefine((s, ctx) => {
    if (s.variant === 'tanh' || s.order <= NARMA_MAX_PLAIN_ORDER) return;
    ctx.addIssue({
      code: 'custom',
      path: ['order'],
      input: s.order,
      message: `the plain NARMA recurrence diverges above order ${NARMA_MAX_PLAIN_ORDER} (order 11 in 99 % of 20,000-step runs); use "variant": "tanh" for higher orders`,
    });
  });
/**
 * Memory-capacity task (Jaeger 2001): u(t) ~ U[−0.8, 0.8] i.i.d.; the state variable `target`
 * has max_delay channels, target_k(t) = u(t − k) for k = 1 … max_delay (0 before the start).
 */
export const memoryCapacitySignal = z.strictObject({
  type: z.literal('memory-capacity'),
  max_delay: int({ min: 1, max: 2000, unit: 'steps' }).default(20),
});

/**
 * Temporal XOR with a lag (a memory task that a linear readout of a fading memory cannot solve):
 * u(t) fair seeded bits 0/1; the state variable `target` holds u(t) XOR u(t − lag) (u before the
 * first step counts as 0). Binary target: accuracies are reported.
 */
export const xorMemorySignal = z.strictObject({
  type: z.literal('xor-memory'),
  lag: int({ min: 1, max: 10_000, unit: 'steps', description: 'how far back the second bit lies' }).default(2),
});
/** Delayed copy: u(t) fair seeded bits 0/1; `target` holds u(t − lag) (0 before the first step). */
export const delayedCopySignal = z.strictObject({
  type: z.literal('delayed-copy'),
  lag: int({ min: 1, max: 10_000, unit: 'steps', description: 'how far back the copied bit lies' }).default(5),
});
/**
 * The adding problem (Hochreiter & Schmidhuber 1997, experiment 4; in the form of Le, Jaitly &
 * Hinton 2015): back-to-back sequences of `length` T steps on two channels — channel 0 a value
 * U[0, 1), channel 1 a marker, 1 at exactly two steps of each sequence (one drawn uniformly in the
 * first half ⌊T/2⌋, one in the second) and 0 elsewhere. At the last step of each sequence
 * `target` holds the sum of the two marked values and `mask` is 1; at every other step both are 0
 * (only the masked steps are scored). Needs an input of size 2.
 */
export const addingSignal = z.strictObject({
  type: z.literal('adding'),
  length: int({ min: 2, max: 10_000, unit: 'steps', description: 'sequence length T' }).default(20),
});

/** Signals that carry a task target (a state variable `target` of their input node). */
export const taskSignalTypes = ['mackey-glass', 'narma', 'memory-capacity', 'xor-memory', 'delayed-copy', 'adding'] as const;

export const signalVariants = [
  constantSignal,
  sineSignal,
  stepSignal,
  pulseSignal,
  uniformSignal,
  gaussianSignal,
  poissonSignal,
  sequenceSignal,
  mackeyGlassSignal,
  narmaSignal,
  memoryCapacitySignal,
  xorMemorySignal,
  delayedCopySignal,
  addingSignal,
] as const;

export const signalSchema = z.discriminatedUnion('type', [...signalVariants]);
export type Signal = z.output<typeof signalSchema>;
export type TaskSignal = Extract<Signal, { type: (typeof taskSignalTypes)[number] }>;

export function isTaskSignal(s: Signal): s is TaskSignal {
  return (taskSignalTypes as readonly string[]).includes(s.type);
}

/** Width of a task signal's `target` variable. */
export function taskTargetSize(s: TaskSignal): number {
  return s.type === 'memory-capacity' ? s.max_delay : 1;
}

/** Channels a task signal drives (0: any size, every channel carrying the same value). */
export function taskChannels(s: TaskSignal): number {
  return s.type === 'adding' ? 2 : 0;
}

/** Whether the task scores only some steps: its input node then has a state variable `mask` (1 = scored). */
export function taskHasMask(s: TaskSignal): boolean {
  return s.type === 'adding';
}
