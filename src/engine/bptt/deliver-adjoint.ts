/**
 * Backward of one delivery `in[t] += W·y_src[t − d]` (compile.ts), for every step of a segment:
 *   ∂J/∂y_src[t − d] += Wᵀ·∂J/∂in[t]                  (into the source's adjoint row t − d)
 *   ∂J/∂W            += Σ_t ∂J/∂in[t]·y_src[t − d]ᵀ    (existing synapses only)
 *
 * Dense W: both are products of the kernels (WASM SIMD where available, else their bit-identical
 * JS reference), over a transposed copy Wᵀ (cols × rows, refreshed whenever W changes) and, for
 * the gradient, once per segment over the segment's inputs and adjoints laid out by column:
 *   ∂J/∂W[i, :] += Yᵀ·Δ[:, i]   with Yᵀ[j, k] = y_src[t_k − d][j], Δ[k, i] = ∂J/∂in[t_k][i].
 * CSR W (sparse edges): plain loops over the stored synapses, step by step.
 */
import type { CompiledEdge } from '../compile/compile.ts';
import type { Kernels } from '../kernels/kernels.ts';

export interface DeliverAdjointSetup {
  readonly edge: CompiledEdge;
  readonly kernels: Kernels;
  /** ∂J/∂in of the target node; the edge's rows start at `dinOffset`. */
  readonly din: Float64Array;
  readonly dinOffset: number;
  /** The source's output tape (rows of `cols`), and its adjoint tape (null: a constant source). */
  readonly yTape: Float64Array;
  readonly dyTape: Float64Array | null;
  /** Whether ∂J/∂W is wanted. */
  readonly trainable: boolean;
  /** Steps per segment, and rows kept before the segment's first step. */
  readonly capacity: number;
  readonly history: number;
}

export class DeliverAdjoint {
  /** ∂J/∂W in the layout of the edge's stored values (dense data or CSR values); null when frozen. */
  grad: Float64Array | null;
  private readonly dense: boolean;
  /** Entries of a dense W (0 for CSR). */
  readonly denseWeights: number;
  private wt: Float64Array | null = null;
  private yt: Float64Array | null = null;
  private delta: Float64Array | null = null;
  private dyRows: Float64Array[] = [];
  private gradRows: Float64Array[] = [];

  constructor(private readonly s: DeliverAdjointSetup) {
    const { edge, trainable, dyTape, capacity } = s;
    const stored = edge.weights.format === 'dense' ? edge.weights.data.length : edge.weights.values.length;
    this.grad = trainable ? new Float64Array(stored) : null;
    this.dense = edge.weights.format === 'dense';
    this.denseWeights = this.dense ? stored : 0;
    if (!this.dense) return;
    if (dyTape) this.wt = new Float64Array(edge.rows * edge.cols);
    if (trainable) {
      this.yt = new Float64Array(edge.cols * capacity);
      this.delta = new Float64Array(edge.rows * capacity);
    }
    this.views();
  }

  /** The arrays the kernels work on (dense edges), to be placed in the kernels' memory. */
  arrays(): Float64Array[] {
    return [this.wt, this.yt, this.delta, this.dense ? this.grad : null].filter((a): a is Float64Array => a !== null);
  }

  /** Takes the placed copies of `arrays()`, in the same order. */
  adopt(placed: Float64Array[]): void {
    const next = placed.values();
    if (this.wt) this.wt = next.next().value!;
    if (this.yt) this.yt = next.next().value!;
    if (this.delta) this.delta = next.next().value!;
    if (this.dense && this.grad) this.grad = next.next().value!;
    this.views();
  }

  private views(): void {
    const { edge, dyTape } = this.s;
    const rows = dyTape ? dyTape.length / edge.cols : 0;
    this.dyRows = Array.from({ length: rows }, (_, r) => dyTape!.subarray(r * edge.cols, (r + 1) * edge.cols));
    const g = this.grad;
    this.gradRows = this.dense && g ? Array.from({ length: edge.rows }, (_, i) => g.subarray(i * edge.cols, (i + 1) * edge.cols)) : [];
  }

  /** Wᵀ from the edge's current weights (after W changed). */
  sync(): void {
    const wt = this.wt;
    const w = this.s.edge.weights;
    if (!wt || w.format !== 'dense') return;
    const { rows, cols } = w;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) wt[j * rows + i] = w.data[i * cols + j];
  }

  /** Before a segment's backward. */
  begin(): void {
    this.delta?.fill(0);
  }

  /** Backward of the delivery at tape row s (segment step k). */
  backward(s: number, k: number): void {
    const { edge, din, dinOffset, yTape, dyTape, capacity } = this.s;
    const { rows, cols, delay } = edge;
    const from = s - delay;
    if (this.dense) {
      const delta = this.delta;
      if (delta) for (let i = 0; i < rows; i++) delta[i * capacity + k] = din[dinOffset + i];
      if (this.wt) this.s.kernels.denseMatVecAdd(this.wt, cols, rows, din, dinOffset, this.dyRows[from]);
      return;
    }
    const w = edge.weights;
    if (w.format !== 'csr') return;
    const { rowPtr, colIdx, values } = w;
    const grad = this.grad;
    const x = from * cols;
    for (let i = 0; i < rows; i++) {
      const g = din[dinOffset + i];
      if (g === 0) continue;
      for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
        const j = x + colIdx[q];
        if (grad) grad[q] += g * yTape[j];
        if (dyTape) dyTape[j] += values[q] * g;
      }
    }
  }

  /** After a segment's backward over `steps` steps: the dense gradient's products. */
  finish(steps: number): void {
    const yt = this.yt;
    const delta = this.delta;
    if (!yt || !delta) return;
    const { edge, yTape, capacity, history } = this.s;
    const { rows, cols, delay } = edge;
    yt.fill(0);
    for (let k = 0; k < steps; k++) {
      const at = (history + k - delay) * cols;
      for (let j = 0; j < cols; j++) yt[j * capacity + k] = yTape[at + j];
    }
    for (let i = 0; i < rows; i++) this.s.kernels.denseMatVecAdd(yt, cols, capacity, delta, i * capacity, this.gradRows[i]);
  }
}
