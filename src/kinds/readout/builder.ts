import { getKind } from '../../model/index.ts';
import { parseSignalRef, type ReadoutParams } from './schema.ts';
import { CompileError } from '../../engine/compile/errors.ts';
import type { BuiltNode, NodeBuilder, NodeRuntime, PlasticityRuntime } from '../../engine/compile/types.ts';
import type { ReadoutHandle } from '../../engine/compile/readout.ts';
import { sigmoid } from '../../engine/math/detmath.ts';
import { readoutAdjoint } from './adjoint.ts';

/**
 * Linear readout (Jaeger 2001): y[t] = W_out·φ[t], φ = [outputs of the nodes wired in (in edge
 * order); 1]; with BPTT and the "bce" loss a logistic output unit y[t] = σ(W_out·φ[t]) (Bishop
 * 2006, §5.2: the cross-entropy's matching output). Incoming edges copy their source's output
 * into φ (identity weights). W_out starts as the document's `weights` when given, else 0; a BPTT
 * readout without them starts from W_out ~ N(0, 1/features) (bias column 0; LeCun et al. 1998),
 * drawn from the node's stream at reset. Training:
 * offline ridge regression (engine/readout-training.ts) or online, in a learn operation after
 * every step of the training window [washout, washout + train):
 *   LMS (Widrow & Hoff 1960):  W ← W + η·(d − y)·φᵀ
 *   RLS (Haykin 2002, §13; forgetting λ): k = Pφ/(λ + φᵀPφ), W ← W + (d − y)·kᵀ,
 *        P ← (P − k·φᵀP)/λ, P(0) = I/δ.
 */
export const readoutBuilder: NodeBuilder<ReadoutParams> = {
  build(node, ctx) {
    const p = node.params;
    const size = p.size;
    const slices = new Map<string, [number, number]>();
    let features = 0;
    for (const e of ctx.doc.edges) {
      if (e.target !== node.id) continue;
      const src = ctx.doc.nodes.find((n) => n.id === e.source)!;
      const m = getKind(src.kind)!.outputSize(src.params);
      slices.set(e.id, [features, features + m]);
      features += m;
    }
    const cols = features + 1;
    const phi = new Float64Array(cols);
    phi[features] = 1;
    const input = phi.subarray(0, features);
    const output = new Float64Array(size);
    const target = new Float64Array(size);
    const weights = new Float64Array(size * cols);
    const bptt = p.training.method === 'bptt';
    const logistic = p.training.method === 'bptt' && p.training.loss === 'bce';
    const z = logistic ? new Float64Array(size) : output;
    let trained: Float64Array | null = p.weights ? keptWeights(p.weights, cols, node.id, ctx.doc) : null;
    let targetSource: Float64Array | null = null;
    let maskSource: Float64Array | null = null;
    const online = p.training.method === 'lms' || p.training.method === 'rls';
    const eta = p.training.method === 'lms' ? p.training.eta : 0;
    const forgetting = p.training.method === 'rls' ? p.training.forgetting : 1;
    const P = p.training.method === 'rls' ? new Float64Array(cols * cols) : null;
    const Pphi = P ? new Float64Array(cols) : null;

    const learn: PlasticityRuntime = {
      node: node.id,
      rule: `readout-${p.training.method}`,
      frozen: false,
      reads: [`${node.id}.phi[t]`, p.target ?? '(no target)', `${node.id}.y[t]`],
      writes: online ? [`${node.id}.target`, `W_out[${node.id}]`] : [`${node.id}.target`],
      equation: learnEquation(node.id, p),
      apply(t) {
        if (targetSource) target.set(targetSource.subarray(0, size));
        if (!online || this.frozen || !targetSource || t < p.washout || t >= p.washout + p.train) return;
        if (P) rlsStep(weights, P, Pphi!, phi, output, target, forgetting);
        else lmsStep(weights, phi, output, target, eta);
      },
      reset() {
        if (P) {
          P.fill(0);
          const delta = p.training.method === 'rls' ? p.training.delta : 1;
          for (let i = 0; i < cols; i++) P[i * cols + i] = 1 / delta;
        }
      },
    };

    const runtime: BuiltNode<ReadoutParams> & { readonly readout: ReadoutHandle } = {
      id: node.id,
      size,
      output,
      input,
      vars: { output, target },
      equation: `${node.id}.y[t] = ${logistic ? 'σ(W_out · [φ[t]; 1])' : 'W_out · [φ[t]; 1]'}  (φ: ${features} features)`,
      reads: [`W_out[${node.id}]`],
      plasticity: [learn],
      inputFor(edge) {
        const [a, b] = slices.get(edge.id)!;
        return phi.subarray(a, b);
      },
      link(nodes) {
        if (p.target === undefined) return;
        const ref = parseSignalRef(p.target)!;
        const source = nodes.get(ref.node)?.vars[ref.variable];
        const index = ctx.doc.nodes.findIndex((n) => n.id === node.id);
        if (!source) throw new CompileError(`nodes[${index}].params.target`, `no signal "${p.target}"`);
        if (source.length !== size) {
          throw new CompileError(`nodes[${index}].params.target`, `"${p.target}" has ${source.length} values, the readout has size ${size}`);
        }
        targetSource = source;
        maskSource = resolveMask(p, ref, nodes, index);
      },
      reset(rng) {
        if (trained) weights.set(trained);
        else if (bptt) {
          const std = 1 / Math.sqrt(Math.max(1, features));
          for (let i = 0; i < size; i++) {
            for (let j = 0; j < features; j++) weights[i * cols + j] = std * rng.gaussian();
            weights[i * cols + features] = 0;
          }
        } else weights.fill(0);
        output.fill(0);
        z.fill(0);
        target.fill(0);
      },
      update() {
        for (let i = 0; i < size; i++) {
          let acc = 0;
          const base = i * cols;
          for (let j = 0; j < cols; j++) acc += weights[base + j] * phi[j];
          z[i] = acc;
          if (logistic) output[i] = sigmoid(acc);
        }
      },
      adjoint: readoutAdjoint({
        size,
        features,
        phi,
        weights,
        output,
        logistic,
        trainable: bptt && p.trainable !== false,
        persist: () => {
          trained = Float64Array.from(weights);
        },
      }),
      readout: {
        params: p,
        features,
        phi,
        weights,
        target,
        preActivation: z,
        logistic,
        mask: () => maskSource,
        setTrainedWeights(w) {
          trained = Float64Array.from(w);
          weights.set(trained);
        },
      },
    };
    return runtime;
  },
};

/** The readout's `mask` signal, or the target task's own `mask` variable; null when every step counts. */
function resolveMask(p: ReadoutParams, target: { node: string; variable: string }, nodes: ReadonlyMap<string, NodeRuntime>, index: number): Float64Array | null {
  if (p.mask === undefined) return target.variable === 'target' ? (nodes.get(target.node)?.vars.mask ?? null) : null;
  const ref = parseSignalRef(p.mask)!;
  const source = nodes.get(ref.node)?.vars[ref.variable];
  if (!source) throw new CompileError(`nodes[${index}].params.mask`, `no signal "${p.mask}"`);
  if (source.length !== 1) throw new CompileError(`nodes[${index}].params.mask`, `"${p.mask}" has ${source.length} values; a mask is one value per step (≠ 0 = scored)`);
  return source;
}

/** The document's W_out rows, flattened; a row of the wrong width is a compile error naming it. */
function keptWeights(rows: number[][], cols: number, id: string, doc: { nodes: { id: string }[] }): Float64Array {
  const index = doc.nodes.findIndex((n) => n.id === id);
  const out = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new CompileError(`nodes[${index}].params.weights[${i}]`, `needs ${cols} values (${cols - 1} inputs and the bias), got ${row.length}`);
    out.set(row, i * cols);
  });
  return out;
}

function learnEquation(id: string, p: ReadoutParams): string {
  const when = `for ${p.washout} ≤ t < ${p.washout + p.train}`;
  switch (p.training.method) {
    case 'lms':
      return `W_out[${id}] += ${p.training.eta}·(d − y)·φᵀ ${when} (LMS)`;
    case 'rls':
      return `W_out[${id}] += (d − y)·kᵀ, k = Pφ/(λ + φᵀPφ), λ = ${p.training.forgetting} ${when} (RLS)`;
    case 'bptt':
      return `${id}.target = ${p.target ?? '—'} (BPTT offline: recurrence train)`;
    default:
      return `${id}.target = ${p.target ?? '—'} (ridge regression offline: recurrence train)`;
  }
}

/** One LMS step on every output row. */
function lmsStep(w: Float64Array, phi: Float64Array, y: Float64Array, d: Float64Array, eta: number): void {
  const cols = phi.length;
  for (let i = 0; i < y.length; i++) {
    const g = eta * (d[i] - y[i]);
    const base = i * cols;
    for (let j = 0; j < cols; j++) w[base + j] += g * phi[j];
  }
}

/** One RLS step shared by every output row (P is common to all outputs). */
function rlsStep(w: Float64Array, P: Float64Array, Pphi: Float64Array, phi: Float64Array, y: Float64Array, d: Float64Array, lambda: number): void {
  const n = phi.length;
  let denom = lambda;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += P[i * n + j] * phi[j];
    Pphi[i] = acc;
    denom += phi[i] * acc;
  }
  // k = Pφ/denom; W ← W + e·kᵀ; P ← (P − k·(Pφ)ᵀ)/λ (P symmetric, so φᵀP = (Pφ)ᵀ)
  for (let r = 0; r < y.length; r++) {
    const e = (d[r] - y[r]) / denom;
    const base = r * n;
    for (let j = 0; j < n; j++) w[base + j] += e * Pphi[j];
  }
  const inv = 1 / lambda;
  for (let i = 0; i < n; i++) {
    const ki = Pphi[i] / denom;
    for (let j = 0; j < n; j++) P[i * n + j] = (P[i * n + j] - ki * Pphi[j]) * inv;
  }
}
