import { hebbianPatterns, type HopfieldParams } from './schema.ts';
import type { Rng } from '../../engine/rng.ts';
import type { EdgeRuntime, NodeBuilder, WeightMatrix } from '../../engine/compile/types.ts';

/** Σ_j W_ij x_j over row i of a dense or CSR matrix. */
function rowDot(w: WeightMatrix, i: number, x: Float64Array): number {
  let s = 0;
  if (w.format === 'dense') {
    const base = i * w.cols;
    for (let j = 0; j < w.cols; j++) s += w.data[base + j] * x[j];
  } else {
    for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) s += w.values[k] * x[w.colIdx[k]];
  }
  return s;
}

/**
 * Hopfield network (Hopfield 1982, PNAS 79:2554): ±1 units with local field
 *   h_i = Σ_j W_ij x_j + in_i     (W: the node's self-edges, read by the node itself)
 *   x_i ← sgn(h_i), x_i unchanged when h_i = 0.
 * "async": every step updates each unit once, in a fresh seeded random order, each with the
 * latest states (energy never increases for symmetric W with zero diagonal); "sync": all units
 * from the previous step's states. Energy E = −½ xᵀWx − Σ_i in_i x_i after the step, with that
 * step's input (Hopfield 1982, PNAS 79:2554, with the external-input term of Hopfield 1984, PNAS
 * 81:3088): under a constant input it never increases with async updates for symmetric W
 * with zero diagonal, since a flip of x_i changes E by −2|h_i| ≤ 0. At reset (no input delivered
 * yet) the input term is 0.
 * The init {"type": "pattern", index, flip} takes pattern `index` of the Hebbian self-edge and
 * flips exactly round(flip·N) distinct bits chosen by the node's seeded stream.
 */
export const hopfieldBuilder: NodeBuilder<HopfieldParams> = {
  build(node, ctx) {
    const p = node.params;
    const n = p.size;
    const x = new Float64Array(n);
    const prev = new Float64Array(n);
    const input = new Float64Array(n);
    const energy = new Float64Array(1);
    const order = new Int32Array(n);
    /** The order in which the last asynchronous step updated the units (a probe can record it). */
    const lastOrder = new Float64Array(p.update === 'async' ? n : 0);
    const vars: Record<string, Float64Array> = p.update === 'async' ? { output: x, energy, order: lastOrder } : { output: x, energy };
    const incoming = ctx.doc.edges.flatMap((e, index) => (e.target === node.id ? [{ ...e, index }] : []));
    const patterns = hebbianPatterns(incoming, node.id);
    let self: EdgeRuntime[] = [];
    let rng: Rng | null = null;

    const field = (i: number, state: Float64Array) => {
      let h = input[i];
      for (const e of self) h += rowDot(e.weights, i, state);
      return h;
    };
    const computeEnergy = () => {
      let s = 0;
      for (const e of self) for (let i = 0; i < n; i++) s += x[i] * rowDot(e.weights, i, x);
      let drive = 0;
      for (let i = 0; i < n; i++) drive += input[i] * x[i];
      energy[0] = -0.5 * s - drive;
    };
    return {
      id: node.id,
      size: n,
      output: x,
      input,
      vars,
      equation: `${node.id}.x_i = sgn(Σ_j W_ij x_j + in_i) (kept when 0), ${p.update === 'async' ? 'one unit at a time in a seeded random order, latest states' : 'all units at once from x[t−1]'}; energy = −½ xᵀWx − Σ in_i x_i  (Hopfield 1982)`,
      reads: [`${node.id}.x[t−1]`],
      ownsEdge: (e) => e.source === node.id && e.target === node.id,
      bindEdges(edges) {
        self = edges;
      },
      reset(r) {
        rng = r;
        initState(p, x, patterns, r);
        computeEnergy();
      },
      update() {
        if (p.update === 'sync') {
          prev.set(x);
          for (let i = 0; i < n; i++) {
            const h = field(i, prev);
            if (h !== 0) x[i] = h > 0 ? 1 : -1;
          }
        } else {
          shuffle(order, rng!);
          lastOrder.set(order);
          for (let k = 0; k < n; k++) {
            const i = order[k];
            const h = field(i, x);
            if (h !== 0) x[i] = h > 0 ? 1 : -1;
          }
        }
        computeEnergy();
      },
    };
  },
};

/** A uniformly random permutation of 0…n−1 (Fisher–Yates, Durstenfeld 1964). */
function shuffle(order: Int32Array, rng: Rng): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

function initState(p: HopfieldParams, x: Float64Array, patterns: number[][] | null, rng: Rng): void {
  const init = p.init;
  if (typeof init === 'number') x.fill(init);
  else if (Array.isArray(init)) x.set(init);
  else if (init.type === 'random') for (let i = 0; i < x.length; i++) x[i] = rng.uniform() < init.p ? 1 : -1;
  else {
    x.set(patterns![init.index]);
    const flips = Math.round(init.flip * x.length);
    const order = new Int32Array(x.length);
    shuffle(order, rng);
    for (let k = 0; k < flips; k++) x[order[k]] = -x[order[k]];
  }
}
