/**
 * What the engine knows of a readout node's runtime (src/kinds/readout/builder.ts builds it):
 * the handle the trainers (offline ridge, BPTT), the trained-weights transfer and the notebook
 * export use, and how to recognise it among a program's nodes.
 */
import type { ReadoutParams } from '../../kinds/readout/schema.ts';
import type { NodeRuntime } from './types.ts';

/** What a trained readout exposes besides the NodeRuntime. */
export interface ReadoutHandle {
  readonly params: ReadoutParams;
  /** Number of features: the concatenated source outputs (without the bias 1). */
  readonly features: number;
  /** φ = [source outputs…; 1] of the current step. */
  readonly phi: Float64Array;
  /** W_out, size × (features + 1), row-major (last column: bias). */
  readonly weights: Float64Array;
  /** The target vector of the current step (after the learn operation). */
  readonly target: Float64Array;
  /** z = W_out·φ of the current step: the output itself, or its logit when the output is σ(z) (BPTT with loss "bce"). */
  readonly preActivation: Float64Array;
  /** True when y = σ(z) (BPTT with the binary cross-entropy loss). */
  readonly logistic: boolean;
  /**
   * Which steps count in training and errors: a one-value signal, ≠ 0 = scored (the `mask` param,
   * else the target task's own `mask`, e.g. the adding problem's sequence ends); null = every step.
   */
  mask(): Float64Array | null;
  /** Sets W_out from offline training; kept across resets until the next training. */
  setTrainedWeights(w: Float64Array): void;
}

export type ReadoutRuntime = NodeRuntime & { readonly readout: ReadoutHandle };

export function isReadout(node: NodeRuntime): node is ReadoutRuntime {
  return (node as Partial<ReadoutRuntime>).readout !== undefined;
}
