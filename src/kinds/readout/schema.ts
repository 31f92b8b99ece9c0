import { z } from 'zod';
import { int, num } from '../../model/schema-helpers.ts';
import { LIMITS } from '../../model/limits.ts';
import { defineKindSpec } from '../../model/kind-spec.ts';

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
  /**
   * Truncated backpropagation through time (Williams & Peng 1990; Werbos 1990) of every trainable
   * parameter upstream of the readout (engine/bptt): epochs over the training window, an update
   * after every `truncation` steps, the state carried across.
   */
  z.strictObject({
    method: z.literal('bptt'),
    optimizer: z.enum(['adam', 'sgd']).default('adam'),
    learning_rate: num({ gt: 0, max: 100, description: 'step size α (Adam) or η (SGD)' }).default(0.01),
    epochs: int({ min: 1, max: 100_000, description: 'passes over the training window' }).default(50),
    truncation: int({ min: 1, max: 100_000, unit: 'steps', description: 'steps per backpropagated segment (one update each)' }).default(20),
    loss: z.enum(['mse', 'bce']).default('mse'),
    clip: num({ gt: 0, description: 'largest global gradient norm (rescaled above it)' }).optional(),
  }),
]);
export type ReadoutTraining = z.output<typeof readoutTraining>;
export type BpttTraining = Extract<ReadoutTraining, { method: 'bptt' }>;

export const readoutParams = z.strictObject({
  size: int({ min: 1, max: LIMITS.maxPopulationSize, description: 'outputs' }).default(1),
  /** The signal to learn, `ID` (a node's output) or `ID.VAR` (e.g. an input task's `u.target`). */
  target: z.string().regex(SIGNAL_REF, { message: 'must be a signal name ID or ID.VAR' }).optional(),
  training: readoutTraining.default({ method: 'ridge', lambda: 1e-6 }),
  washout: int({ min: 0, unit: 'steps', description: 'steps discarded before training' }).default(100),
  train: int({ min: 1, unit: 'steps', description: 'training window' }).default(1000),
  test: int({ min: 0, unit: 'steps', description: 'test window after training' }).default(500),
  /** Steps to score, `ID.VAR` (≠ 0 = scored); default: the target task's `mask` when it has one. */
  mask: z.string().regex(SIGNAL_REF, { message: 'must be a signal name ID or ID.VAR' }).optional(),
  /** W_out as kept from a training: `size` rows of (inputs + 1) columns, the last the bias. */
  weights: z.array(z.array(num()).min(1)).min(1).optional(),
  /** false: BPTT leaves W_out as it is (gradients still flow through it). */
  trainable: z.boolean().optional(),
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
 * (Jaeger 2001), trained offline by ridge regression, online by LMS/RLS, or with the network
 * upstream by BPTT (with the "bce" loss its output is the logistic σ(W_out·[φ; 1])).
 */
export const readoutSpec = defineKindSpec<ReadoutParams>({
  kind: 'readout',
  label: 'Readout',
  group: 'readouts',
  role: 'readout',
  output: 'analog',
  continuousTime: false,
  description: 'Linear readout y = W_out·[inputs; 1], trained by ridge regression, LMS, RLS or (with the network before it) BPTT to match a target signal.',
  docs: {
    update: '`y = W_out·[φ; 1]`, φ the outputs of the nodes wired in (edges into a readout carry no weights); with BPTT and `"loss": "bce"`, `y = σ(W_out·[φ; 1])`',
    params: '`size`, `target` (`"ID"` or `"ID.VAR"`, e.g. `"u.target"`), `training` (`{"method": "ridge", "lambda"}`, `{"method": "lms", "eta"}`, `{"method": "rls", "forgetting", "delta"}`, `{"method": "bptt", …}` below), `washout`, `train`, `test` (steps), `mask` (`"ID.VAR"`: only steps where it is ≠ 0 count; default the target task\'s own `mask`), `weights` (W_out as kept from a training: `size` rows of inputs + 1 values, the last the bias), `trainable` (`false`: BPTT leaves W_out as it is)',
    variables: 'output, target',
  },
  params: readoutParams,
  defaults: () => ({ size: 1, training: { method: 'ridge', lambda: 1e-6 }, washout: 100, train: 1000, test: 500 }),
  outputSize: (p) => p.size,
  variables: () => ['output', 'target'],
  summary: (p) => `${p.training.method}${p.target ? ` → ${p.target}` : ''}`,
  references: (p) => {
    const ref = p.target === undefined ? null : parseSignalRef(p.target);
    const mask = p.mask === undefined ? null : parseSignalRef(p.mask);
    return [...(ref ? [{ path: ['target'], ...ref }] : []), ...(mask ? [{ path: ['mask'], ...mask }] : [])];
  },
  check: (p) => (p.weights && p.weights.length !== p.size ? [{ path: ['weights'], message: `needs ${p.size} rows (one per output), got ${p.weights.length}` }] : []),
  keepTrained: (p, name, values) => {
    if (name !== 'W_out' || values.length % p.size !== 0) return undefined;
    const cols = values.length / p.size;
    return { ...p, weights: Array.from({ length: p.size }, (_, i) => values.slice(i * cols, (i + 1) * cols)) };
  },
});
