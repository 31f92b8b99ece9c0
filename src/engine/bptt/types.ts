/**
 * A node kind's part in backpropagation through time: the backward of its `update` operation.
 * The builder of a differentiable kind (src/kinds/rate, src/kinds/readout) attaches one to its
 * runtime; engine/bptt/adjoint.ts adds the backward of the other operations (clear, deliver with
 * its delay line) and runs them in reverse schedule order over a recorded segment.
 *
 * Notation: J the objective (a mean of per-step losses, dimensionless), y[t] the node's output
 * after step t, in[t] its summed input, and ∂J/∂v the adjoint of a value v.
 */

/** One trainable parameter array of a node (a rate population's bias, a readout's W_out). */
export interface NodeParameter {
  /** Name in reports and trained-weight records: "bias", "W_out". */
  readonly name: string;
  /** The live values the forward pass reads; the optimiser changes them in place. */
  readonly values: Float64Array;
  /** Makes the current values survive resets (they would otherwise be set again from the document). */
  persist?(): void;
}

/**
 * What the backward of step t reads and writes. Arrays are whole tapes; the offsets point at the
 * rows of step t (rows of `size` values, the row of t − 1 just before).
 */
export interface AdjointStep {
  /** Adjoint tape of the node's outputs; the row at `row` holds ∂J/∂y[t], complete. */
  readonly dY: Float64Array;
  /** Offset of step t's row in `dY` (step t − 1's row is at row − size: add the state's share there). */
  row: number;
  /** Tapes of the node's saved arrays (NodeAdjoint.saved order), each `savedAt[k]` at step t. */
  readonly saved: readonly Float64Array[];
  readonly savedAt: number[];
  /** Overwritten with ∂J/∂in[t] (the node's input buffer, in its layout). */
  readonly din: Float64Array;
  /** ∂J/∂p for each of NodeAdjoint.params, added to; null for frozen parameters. */
  readonly grads: readonly (Float64Array | null)[];
  /** Readouts: ∂J/∂z[t] of the loss at step t (z the pre-activation), or null when t is not scored. */
  dzLoss: Float64Array | null;
  /** Offset of step t's entries in dzLoss. */
  dzAt: number;
}

export interface NodeAdjoint {
  /** Why the node, as configured now, cannot be differentiated; null when it can. */
  refusal(): string | null;
  /** Arrays whose values after each step the backward needs (recorded on the tape). */
  readonly saved: readonly Float64Array[];
  /** The node's own parameters. */
  readonly params: readonly NodeParameter[];
  /** False when the document freezes the node's parameters (`"trainable": false`). */
  readonly trainable: boolean;
  /** Backward of the update of step t (see AdjointStep). */
  backward(step: AdjointStep): void;
}
