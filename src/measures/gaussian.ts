/**
 * Linear-Gaussian estimators in nats (natural log), matching JIDT's `*CalculatorGaussian` classes
 * with NORMALISE = false and BIAS_CORRECTION = false: entropy, MI with a lag, entropy rate, AIS and
 * TE, average and local values.
 *
 * The data are modelled as jointly Gaussian with the sample mean and the sample covariance
 * Σ = Σᵣ (vᵣ − v̄)(vᵣ − v̄)ᵀ / (n − 1) (denominator n − 1, as JIDT). For a block S of d_S columns,
 *   H(S) = ½ ln((2πe)^{d_S} |Σ_S|),
 *   local h_S(r) = −ln N(v_S(r); v̄_S, Σ_S) = ½ ln((2π)^{d_S} |Σ_S|) + ½ (v_S − v̄_S)ᵀ Σ_S⁻¹ (v_S − v̄_S),
 * and every measure is a signed sum of such terms (Cover & Thomas 2006, ch. 8; Barnett, Barrett &
 * Seth 2009 for Gaussian TE = ½ Granger causality). Averages use the closed forms, so the mean of
 * the locals differs from the average by O(1/n) only for the entropies (see the reference README).
 */
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
import type { LocalsOption, MeasureResult, PreparedMeasure, Quantity } from './types.ts';

const LN_2PI = Math.log(2 * Math.PI);

/** Column means and the n−1 covariance matrix (row-major d×d) of the given columns. */
export function meanAndCovariance(cols: readonly Float64Array[]): { mean: Float64Array; cov: Float64Array } {
  const d = cols.length;
  const n = cols[0].length;
  const mean = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    let s = 0;
    const col = cols[c];
    for (let r = 0; r < n; r++) s += col[r];
    mean[c] = s / n;
  }
  const cov = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    const ca = cols[a], ma = mean[a];
    for (let b = a; b < d; b++) {
      const cb = cols[b], mb = mean[b];
      let s = 0;
      for (let r = 0; r < n; r++) s += (ca[r] - ma) * (cb[r] - mb);
      cov[a * d + b] = cov[b * d + a] = s / (n - 1);
    }
  }
  return { mean, cov };
}

/** Cholesky factor L (row-major m×m, lower) of the sub-matrix of `cov` on `idx`. */
function choleskyOf(cov: Float64Array, d: number, idx: readonly number[]): Float64Array {
  const m = idx.length;
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = cov[idx[i] * d + idx[j]];
      for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
      if (i === j) {
        if (!(s > 0)) {
          throw new MeasureError(
            'the covariance matrix is singular (a constant series, or columns that are linear copies of each other)',
            'series',
          );
        }
        L[i * m + i] = Math.sqrt(s);
      } else {
        L[i * m + j] = s / L[j * m + j];
      }
    }
  }
  return L;
}

function logDet(L: Float64Array, m: number): number {
  let s = 0;
  for (let i = 0; i < m; i++) s += Math.log(L[i * m + i]);
  return 2 * s;
}

/** A Gaussian block: its column indices into the joint column list. */
interface Block {
  readonly idx: readonly number[];
}

/** ½ ln((2π)^m |Σ_S|) and, if `locals`, adds sign · h_S(r) to out[r]. Returns ½ ln|Σ_S|. */
function addBlockLocals(
  cols: readonly Float64Array[],
  mean: Float64Array,
  cov: Float64Array,
  block: Block,
  sign: number,
  out: Float64Array | null,
): number {
  const d = cols.length;
  const m = block.idx.length;
  const L = choleskyOf(cov, d, block.idx);
  const halfLogDet = 0.5 * logDet(L, m);
  if (out !== null) {
    const constant = 0.5 * m * LN_2PI + halfLogDet;
    const w = new Float64Array(m);
    const n = out.length;
    for (let r = 0; r < n; r++) {
      let q = 0;
      for (let i = 0; i < m; i++) {
        const c = block.idx[i];
        let s = cols[c][r] - mean[c];
        for (let k = 0; k < i; k++) s -= L[i * m + k] * w[k];
        const wi = s / L[i * m + i];
        w[i] = wi;
        q += wi * wi;
      }
      out[r] += sign * (constant + 0.5 * q);
    }
  }
  return halfLogDet;
}

/** The blocks (with signs) whose local entropies add up to the quantity. */
function terms(quantity: Quantity, dx: number, dy: number, dz: number): { block: Block; sign: number }[] {
  const range = (a: number, n: number) => Array.from({ length: n }, (_, i) => a + i);
  const X = range(0, dx), Y = range(dx, dy), Z = range(dx + dy, dz);
  if (quantity === 'entropy') return [{ block: { idx: X }, sign: 1 }];
  if (quantity === 'conditional-entropy') {
    // H(Y|X) = H(X,Y) − H(X)
    return [{ block: { idx: [...X, ...Y] }, sign: 1 }, { block: { idx: X }, sign: -1 }];
  }
  if (dz === 0) {
    // I(X;Y) = H(X) + H(Y) − H(X,Y)
    return [
      { block: { idx: X }, sign: 1 },
      { block: { idx: Y }, sign: 1 },
      { block: { idx: [...X, ...Y] }, sign: -1 },
    ];
  }
  // I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z)
  return [
    { block: { idx: [...X, ...Z] }, sign: 1 },
    { block: { idx: [...Y, ...Z] }, sign: 1 },
    { block: { idx: [...X, ...Y, ...Z] }, sign: -1 },
    { block: { idx: Z }, sign: -1 },
  ];
}

function evaluate(quantity: Quantity, x: Float64Array[], y: Float64Array[], z: Float64Array[], out: Float64Array | null): number {
  const cols = [...x, ...y, ...z];
  const { mean, cov } = meanAndCovariance(cols);
  let avg = 0;
  for (const { block, sign } of terms(quantity, x.length, y.length, z.length)) {
    const halfLogDet = addBlockLocals(cols, mean, cov, block, sign, out);
    // closed-form block entropy ½ ln((2πe)^m |Σ|); the 2πe terms cancel in MI and CMI.
    avg += sign * (0.5 * block.idx.length * (LN_2PI + 1) + halfLogDet);
  }
  return avg;
}

/**
 * Binds a Gaussian estimator of `quantity` to an embedding of real series (already checked finite).
 */
export function prepareGaussian(quantity: Quantity, spec: EmbeddingSpec, series: readonly ArrayLike<number>[]): PreparedMeasure {
  if (spec.rows < 2) throw new MeasureError(`the Gaussian estimator needs at least 2 samples (got ${spec.rows})`, 'series');
  const e = embed(spec, series);
  return {
    rows: spec.rows,
    units: 'nats',
    compute(wantLocals: boolean): MeasureResult {
      const rowsOut = wantLocals ? new Float64Array(spec.rows) : null;
      const average = evaluate(quantity, e.x, e.y, e.z, rowsOut);
      return { average, locals: rowsOut && layoutLocals(spec, rowsOut), validFrom: spec.validFrom, samples: spec.rows, units: 'nats' };
    },
    surrogate(perm: Int32Array): number {
      const xp = e.x.map((col) => {
        const out = new Float64Array(col.length);
        for (let r = 0; r < out.length; r++) out[r] = col[perm[r]];
        return out;
      });
      return evaluate(quantity, xp, e.y, e.z, null);
    },
  };
}

/**
 * Gaussian differential entropy H(X) = ½ ln(2πe σ²), local h(x_t) = −ln N(x_t; x̄, σ²), σ² with
 * denominator n − 1 (Cover & Thomas 2006, Thm 8.4.1; JIDT EntropyCalculatorGaussian). Nats.
 * The mean of the locals is smaller than the average by exactly 1/(2N).
 */
export function gaussianEntropy(x: ArrayLike<number>, opts: LocalsOption = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareGaussian('entropy', entropySpec(x.length), [x]).compute(opts.locals ?? true);
}

/**
 * Gaussian mutual information with lag d: I(X;Y) = ½ ln(σ²_X σ²_Y / |Σ_XY|) = −½ ln(1 − ρ²) for
 * pairs (src[i], dst[i+d]); local i = ln [N(x,y) / (N(x) N(y))] (Cover & Thomas 2006, ch. 8;
 * JIDT MutualInfoCalculatorMultiVariateGaussian with pre-shifted arrays). Nats. Locals: length
 * N − d, unpadded.
 */
export function gaussianMI(src: ArrayLike<number>, dst: ArrayLike<number>, opts: LocalsOption & { readonly lag?: number } = {}): MeasureResult {
  checkSameLength(src, dst);
  checkFinite(src, 'source');
  checkFinite(dst, 'dest');
  return prepareGaussian('mi', miSpec(src.length, opts.lag ?? 0), [src, dst]).compute(opts.locals ?? true);
}

/**
 * Gaussian entropy rate H(X_t | X⁽ᵏ⁾_{t−1}) = H(X⁽ᵏ⁾_{t−1}, X_t) − H(X⁽ᵏ⁾_{t−1}), local
 * −ln N(x_t | x⁽ᵏ⁾_{t−1}) (Cover & Thomas 2006, ch. 4 and 8). Nats. Padded locals.
 */
export function gaussianEntropyRate(x: ArrayLike<number>, opts: LocalsOption & HistoryOptions = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareGaussian('conditional-entropy', aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1), [x]).compute(opts.locals ?? true);
}

/**
 * Gaussian active information storage A(X) = I(X⁽ᵏ⁾_{t−1}; X_t) = ½ ln(|Σ_past| σ²_next / |Σ_joint|),
 * local a(t) = ln [N(past, next) / (N(past) N(next))] (Lizier, Prokopenko & Zomaya 2012; JIDT
 * ActiveInfoStorageCalculatorGaussian). Nats. Padded locals, valid from (k−1)τ + 1.
 */
export function gaussianAIS(x: ArrayLike<number>, opts: LocalsOption & HistoryOptions = {}): MeasureResult {
  checkFinite(x, 'series');
  return prepareGaussian('mi', aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1), [x]).compute(opts.locals ?? true);
}

/**
 * Gaussian transfer entropy T(Y→X) = I(Y⁽ˡ⁾_{t−d}; X_t | X⁽ᵏ⁾_{t−1})
 * = ½ ln(|Σ_{YZ}| |Σ_{XZ}| / (|Σ_Z| |Σ_{XYZ}|)) with Z the target past, local
 * ln [N(x_t | past, source) / N(x_t | past)] (Schreiber 2000; Barnett, Barrett & Seth 2009; local
 * form Lizier et al. 2008; JIDT TransferEntropyCalculatorGaussian). Nats. Padded locals.
 */
export function gaussianTE(src: ArrayLike<number>, dst: ArrayLike<number>, opts: LocalsOption & TEOptions = {}): MeasureResult {
  checkSameLength(src, dst);
  checkFinite(src, 'source');
  checkFinite(dst, 'dest');
  const spec = teSpec(src.length, opts.k ?? 1, opts.kTau ?? 1, opts.l ?? 1, opts.lTau ?? 1, opts.delay ?? 1);
  return prepareGaussian('mi', spec, [src, dst]).compute(opts.locals ?? true);
}
