/**
 * Synapse models of an edge into a spiking node (`lif`, `izhikevich`). The edge's matrix W still
 * gives one weight per synapse; the synapse model says what a delivered w·s does to the target:
 *  - current (default): w·y_src is an input current for this step (nA for lif);
 *  - delta: the membrane potential jumps by w (mV) in the step the spike arrives;
 *  - exponential: a synaptic current that jumps by w (nA) and decays with time constant tau (ms):
 *    τ_s dI_s/dt = −I_s + τ_s·Σ_k w·δ(t − t_k), integrated exactly: I_s ← I_s·e^(−dt/τ_s) + Σ w·s.
 */
import { z } from 'zod';
import { num } from './schema-helpers.ts';

export const synapseTypes = ['current', 'delta', 'exponential'] as const;
export type SynapseType = (typeof synapseTypes)[number];

export const synapseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('current') }),
  z.strictObject({ type: z.literal('delta') }),
  z.strictObject({ type: z.literal('exponential'), tau: num({ gt: 0, unit: 'ms', description: 'decay time constant of the synaptic current' }).default(5) }),
]);
export type SynapseSpec = z.output<typeof synapseSchema>;
