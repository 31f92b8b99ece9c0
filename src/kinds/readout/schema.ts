import { z } from 'zod';
import { int, num } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKind } from '../../model/kind-spec.ts';

/** `ID` or `ID.VAR`, as in probes (model-side copy of the probe grammar, without a unit index). */
const SIGNAL_REF = /^([A-Za-z0-9_][A-Za-z0-9_-]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?$/;

export const readoutTraining = z.discriminatedUnion('method', [
  /** Offline ridge regression over the training window (Lukoševičius 2012, §4.1). */
  z.strictObject({ method: z.literal('ridge'), lambda: num({ min: 0, description: 'regularisation λ' }).default(1e-6) }),
  /** Online least mean squares: W += η·(d − y)·φᵀ (Widrow & Hoff 1960). */
  z.strictObject({ method: z.literal('lms'), eta: num({ gt: 0, description: 'learning rate η' }) }),
  /** Online recursive least squares with forgetting factor λ (Haykin 2002; Jaeger 2003). */
  z.strictObject({
    method: z.literal('rls'),
    forgetting: num({ gt: 0, max: 1, description: 'forgetting factor λ' }).default(1),
    delta: num({ gt: 0, description: 'P(0) = I/δ' }).default(1),
  }),
]);

export const readoutParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'outputs' }).default(1),
  /** The signal to learn, `ID` (a node's output) or `ID.VAR` (e.g. an input task's `u.target`). */
  target: z.string().regex(SIGNAL_REF, { message: 'must be a signal name ID or ID.VAR' }).optional(),
  training: readoutTraining.default({ method: 'ridge', lambda: 1e-6 }),
  washout: int({ min: 0, unit: 'steps', description: 'steps discarded before training' }).default(100),
  train: int({ min: 1, unit: 'steps', description: 'training window' }).default(1000),
  test: int({ min: 0, unit: 'steps', description: 'test window after training' }).default(500),
});
export type ReadoutParams = z.output<typeof readoutParams>;

declare module '../../model/document.ts' {
  interface ParamsByKind {
    readout: ReadoutParams;
  }
}

/** Splits a signal name into node and variable ("output" when none is given). */
export function parseSignalRef(ref: string): { node: string; variable: string } | null {
  const m = SIGNAL_REF.exec(ref);
  return m ? { node: m[1], variable: m[2] ?? 'output' } : null;
}

/**
 * Linear readout y = W_out·[φ; 1] over the concatenated outputs φ of the nodes wired into it
 * (Jaeger 2001), trained offline by ridge regression or online by LMS/RLS.
 */
export const readoutKind = defineKind<ReadoutParams>({
  kind: 'readout',
  label: 'Readout',
  group: 'readouts',
  description: 'Linear readout y = W_out·[inputs; 1], trained by ridge regression, LMS or RLS to match a target signal.',
  params: readoutParams,
  defaults: () => ({ size: 1, training: { method: 'ridge', lambda: 1e-6 }, washout: 100, train: 1000, test: 500 }),
  outputSize: (p) => p.size,
  variables: () => ['output', 'target'],
  acceptsInput: true,
  concatenatesInputs: true,
  summary: (p) => `${p.training.method}${p.target ? ` → ${p.target}` : ''}`,
  references: (p) => {
    const ref = p.target === undefined ? null : parseSignalRef(p.target);
    return ref ? [{ path: ['target'], ...ref }] : [];
  },
});
