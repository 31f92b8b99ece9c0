/**
 * Kraskov–Stögbauer–Grassberger (KSG) estimators, algorithm 1, in nats, matching JIDT's
 * `MutualInfoCalculatorMultiVariateKraskov1`, `ConditionalMutualInfoCalculatorMultiVariateKraskov1`,
 * `ActiveInfoStorageCalculatorKraskov` and `TransferEntropyCalculatorKraskov` with the max norm, no
 * added noise, no dynamic-correlation exclusion, and NORMALISE as chosen (JIDT's default is true;
 * ours is false).
 *
 * Kraskov, Stögbauer & Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69:066138:
 * for each sample i, ε_i is the max-norm distance to its K-th nearest neighbour in the joint space
 * (i excluded); n_S(i) counts the samples j ≠ i with ‖s_j − s_i‖∞ < ε_i (strictly) in the marginal
 * space S. Then
 *   local MI   i(x;y)_i   = ψ(K) − ψ(n_x + 1) − ψ(n_y + 1) + ψ(N),
 *   local CMI  i(x;y|z)_i = ψ(K) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1)
 * (conditional form: Frenzel & Pompe 2007; Vejmelka & Paluš 2008; used by JIDT for TE).
 * Neighbour searches use a k-d tree (or a sorted array in one dimension), never O(N²), so
 * N = 100,000 samples take about a second (see bench/measures.ts).
 */
import { digamma, digammaTable } from './digamma.ts';
import { MeasureError } from './errors.ts';
import {
  aisSpec,
  checkFinite,
  checkSameLength,
  embed,
  entropySpec,
  layoutLocals,
  miSpec,
  teSpec,
  type EmbeddingSpec,
} from './embedding.ts';
import type { HistoryOptions, TEOptions } from './discrete.ts';
import { BruteForceSpace, KdTree, SortedCounter, pointsFromColumns, type KnnSpace, type NeighbourSpace } from './neighbours.ts';
import type { LocalsOption, MeasureResult, PreparedMeasure, Quantity } from './types.ts';

/** How neighbours are found: a k-d tree / sorted array (default), or the O(N²) scan for checking. */
export type NeighbourSearch = 'tree' | 'brute';

/** Options of the KSG estimators. */
export interface KsgOptions extends LocalsOption {
  /** Number of nearest neighbours K (default 4, JIDT's default). */
  readonly neighbours?: number;
  /**
   * Normalise each column of the embedded sample matrix to zero mean and unit sample standard
   * deviation (denominator n − 1) before searching (default false; JIDT's default is true).
   */
  readonly normalise?: boolean;
  /** Neighbour search method (default 'tree'). 'brute' is the O(N²) reference. */
  readonly search?: NeighbourSearch;
}

/**
 * (x − mean) / std with std = √(Σ(x − mean)² / (n − 1)), as JIDT's MatrixUtils.normaliseIntoNewArray
 * (a constant column is only centred).
 */
export function normaliseColumn(col: Float64Array): Float64Array {
  const n = col.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += col[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (col[i] - mean) * (col[i] - mean);
  const std = Math.sqrt(ss / (n - 1));
  const out = new Float64Array(n);
  const scale = Number.isFinite(1 / std);
  for (let i = 0; i < n; i++) out[i] = scale ? (col[i] - mean) / std : col[i] - mean;
  return out;
}

function knnSpace(cols: readonly Float64Array[], search: NeighbourSearch): KnnSpace {
  const pts = pointsFromColumns(cols);
  return search === 'brute' ? new BruteForceSpace(pts) : new KdTree(pts);
}

function countSpace(cols: readonly Float64Array[], search: NeighbourSearch): NeighbourSpace {
  if (search === 'brute') return new BruteForceSpace(pointsFromColumns(cols));
  return cols.length === 1 ? new SortedCounter(cols[0]) : new KdTree(pointsFromColumns(cols));
}

/** K-th neighbour distances ε_i of every sample in the space of `cols`, queried in locality order. */
function kthDistances(space: KnnSpace, K: number, n: number): Float64Array {
  const eps = new Float64Array(n);
  const order = space.queryOrder;
  for (let p = 0; p < n; p++) {
    const i = order[p];
    eps[i] = space.kthDistance(i, K);
  }
  return eps;
}

/**
 * The KSG estimator bound to embedded columns X, Y, Z (Z may be empty), which stay fixed, and to
 * the neighbour structures that do not depend on X (reused by surrogate evaluations).
 */
class KsgCore {
  readonly n: number;
  private readonly psi: Float64Array;
  private readonly yzSpace: NeighbourSpace;
  private readonly zSpace: NeighbourSpace | null;

  constructor(
    readonly x: Float64Array[],
    readonly y: Float64Array[],
    readonly z: Float64Array[],
    readonly K: number,
    readonly search: NeighbourSearch,
  ) {
    this.n = y[0].length;
    this.psi = digammaTable(this.n + 1);
    this.yzSpace = countSpace([...y, ...z], search);
    this.zSpace = z.length > 0 ? countSpace(z, search) : null;
  }

  /** Average (and per-row locals into `out`) of I(X;Y|Z) with X replaced by `x`. */
  mi(x: readonly Float64Array[], out: Float64Array | null): number {
    const { n, K, psi, y, z, search } = this;
    const joint = knnSpace([...x, ...y, ...z], search);
    const eps = kthDistances(joint, K, n);
    const xz = countSpace([...x, ...z], search);
    const yz = this.yzSpace;
    const zs = this.zSpace;
    const psiK = psi[K];
    const psiN = psi[n];
    const locals = out ?? new Float64Array(n);
    const order = joint.queryOrder;
    for (let p = 0; p < n; p++) {
      const i = order[p];
      const e = eps[i];
      const nx = xz.countWithin(i, e);
      const ny = yz.countWithin(i, e);
      const last = zs === null ? psiN : psi[zs.countWithin(i, e) + 1];
      locals[i] = psiK - psi[nx + 1] - psi[ny + 1] + last;
    }
    // sum in sample order, so the average does not depend on the search structure's visiting order
    let sum = 0;
    for (let i = 0; i < n; i++) sum += locals[i];
    return sum / n;
  }

  /**
   * Kozachenko–Leonenko entropy of Y with the max norm (Kraskov et al. 2004, eq. 20, c_d = 1):
   * local h_i = ψ(N) − ψ(K) + d · ln(2 ε_i), ε_i the distance to the K-th neighbour in Y.
   */
  entropyY(out: Float64Array | null, sign = 1): number {
    const { n, K, psi, y, search } = this;
    const space = knnSpace(y, search);
    const eps = kthDistances(space, K, n);
    const d = y.length;
    const c = psi[n] - psi[K];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (!(eps[i] > 0)) {
        throw new MeasureError(
          `sample ${i} has ${K} or more identical neighbours, so its Kozachenko–Leonenko entropy is −∞; use more neighbours or continuous data`,
          'neighbours',
        );
      }
      const local = c + d * Math.log(2 * eps[i]);
      sum += local;
      if (out !== null) out[i] += sign * local;
    }
    return sum / n;
  }
}

/**
 * Binds a KSG estimator of `quantity` to an embedding of real series (already checked finite):
 * 'mi' → KSG algorithm 1 (conditional when the embedding has a Z block), 'entropy' →
 * Kozachenko–Leonenko, 'conditional-entropy' (entropy rate) → H_KL(Y) − I_KSG(X;Y).
 */
export function prepareKsg(
  quantity: Quantity,
  spec: EmbeddingSpec,
  series: readonly ArrayLike<number>[],
  opts: KsgOptions = {},
): PreparedMeasure {
  const K = opts.neighbours ?? 4;
  if (!Number.isInteger(K) || K < 1) throw new MeasureError(`neighbours must be an integer ≥ 1 (got ${K})`, 'neighbours');
  if (spec.rows <= K) {
    throw new MeasureError(`KSG with K = ${K} neighbours needs more than ${K} samples (got ${spec.rows})`, 'neighbours');
  }
  const e = embed(spec, series);
  const norm = (cols: Float64Array[]) => (opts.normalise ? cols.map(normaliseColumn) : cols);
  const x = norm(e.x), y = norm(e.y), z = norm(e.z);
  const search = opts.search ?? 'tree';
  // For entropy the single block is X; KsgCore estimates entropies of its Y block.
  const core = quantity === 'entropy' ? new KsgCore([], x, [], K, search) : new KsgCore(x, y, z, K, search);
  const result = (average: number, rowsOut: Float64Array | null): MeasureResult => ({
    average,
    locals: rowsOut && layoutLocals(spec, rowsOut),
    validFrom: spec.validFrom,
    samples: spec.rows,
    units: 'nats',
  });
  return {
    rows: spec.rows,
    units: 'nats',
    compute(wantLocals: boolean): MeasureResult {
      const out = wantLocals ? new Float64Array(spec.rows) : null;
      if (quantity === 'entropy') return result(core.entropyY(out), out);
      if (quantity === 'mi') return result(core.mi(x, out), out);
      // entropy rate: h(next) − a(past; next)
      const mi = core.mi(x, out);
      if (out !== null) for (let r = 0; r < out.length; r++) out[r] = -out[r];
      const h = core.entropyY(out);
      return result(h - mi, out);
    },
    surrogate(perm: Int32Array): number {
      if (quantity !== 'mi') throw new MeasureError('surrogate tests apply to MI, AIS and TE only', 'surrogates');
      const xp = x.map((col) => {
        const o = new Float64Array(col.length);
        for (let r = 0; r < o.length; r++) o[r] = col[perm[r]];
        return o;
      });
      return core.mi(xp, null);
    },
  };
}

/**
 * KSG (algorithm 1) mutual information with lag d between src[i] and dst[i+d]:
 * I = ψ(K) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩ + ψ(N) (Kraskov et al. 2004, eq. 8; JIDT
 * MutualInfoCalculatorMultiVariateKraskov1 with TIME_DIFF d). Nats. Locals: length N − d, unpadded.
 */
export function ksgMI(src: ArrayLike<number>, dst: ArrayLike<number>, opts: KsgOptions & { readonly lag?: number } = {}): MeasureResult {
  checkSameLength(src, dst);
  checkFinite(src, 'source');
  checkFinite(dst, 'dest');
  return prepareKsg('mi', miSpec(src.length, opts.lag ?? 0), [src, dst], opts).compute(opts.locals ?? true);
}

/**
 * KSG active information storage A(X) = I(X⁽ᵏ⁾_{t−1}; X_t) by KSG algorithm 1 on the embedded
 * (past, next) samples (Lizier, Prokopenko & Zomaya 2012; Kraskov et al. 2004; JIDT
 * ActiveInfoStorageCalculatorKraskov). Nats. Padded locals, valid from (k−1)τ + 1.
 */
export function ksgAIS(x: ArrayLike<number>, opts: KsgOptions & HistoryOptions = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareKsg('mi', aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1), [x], opts).compute(opts.locals ?? true);
}

/**
 * KSG transfer entropy T(Y→X) = I(Y⁽ˡ⁾_{t−d}; X_t | X⁽ᵏ⁾_{t−1}) by the conditional KSG algorithm 1:
 * local ψ(K) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1), z = target past (Schreiber 2000;
 * Kraskov et al. 2004; Frenzel & Pompe 2007; local form Lizier et al. 2008; JIDT
 * TransferEntropyCalculatorKraskov). Nats. Padded locals.
 */
export function ksgTE(src: ArrayLike<number>, dst: ArrayLike<number>, opts: KsgOptions & TEOptions = {}): MeasureResult {
  checkSameLength(src, dst);
  checkFinite(src, 'source');
  checkFinite(dst, 'dest');
  const spec = teSpec(src.length, opts.k ?? 1, opts.kTau ?? 1, opts.l ?? 1, opts.lTau ?? 1, opts.delay ?? 1);
  return prepareKsg('mi', spec, [src, dst], opts).compute(opts.locals ?? true);
}

/**
 * Kozachenko–Leonenko differential entropy with the max norm (Kozachenko & Leonenko 1987; Kraskov
 * et al. 2004, eq. 20): H = ψ(N) − ψ(K) + d⟨ln 2ε_i⟩, local ψ(N) − ψ(K) + d ln 2ε_i. Nats. The
 * nearest-neighbour companion of the KSG estimators (JIDT's EntropyCalculatorKozachenko uses the
 * Euclidean norm instead). Locals: length N.
 */
export function ksgEntropy(x: ArrayLike<number>, opts: KsgOptions = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareKsg('entropy', entropySpec(x.length), [x], opts).compute(opts.locals ?? true);
}

/**
 * Entropy rate by nearest neighbours: H(X_t | X⁽ᵏ⁾_{t−1}) = H_KL(X_t) − A_KSG(X), local
 * h_KL(x_t) − a_KSG(t) (Kozachenko–Leonenko for the entropy of the next value, KSG algorithm 1 for
 * the AIS, so the AIS keeps KSG's bias cancellation). Nats. Padded locals.
 */
export function ksgEntropyRate(x: ArrayLike<number>, opts: KsgOptions & HistoryOptions = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareKsg('conditional-entropy', aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1), [x], opts).compute(opts.locals ?? true);
}

/** ψ(x), re-exported for callers that combine KSG terms themselves. */
export { digamma };
