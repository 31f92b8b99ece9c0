/**
 * Discrete plug-in (maximum-likelihood) estimators in bits (log₂), no bias correction, matching
 * JIDT's `*CalculatorDiscrete` classes: entropy, mutual information with a lag, entropy rate,
 * active information storage and transfer entropy, average and local values.
 *
 * Data are integers 0 … base−1 ("base" is the alphabet size, as in JIDT; the logarithm is always
 * base 2). Continuous data must first be discretised by a stated rule: {@link discretiseEqualWidth},
 * {@link discretiseThreshold}.
 *
 * Sources: Cover & Thomas, Elements of Information Theory (2006) for H and I; Schreiber (2000),
 * Phys. Rev. Lett. 85:461 for TE; Lizier, Prokopenko & Zomaya (2012), Inf. Sci. 208:39 for local
 * AIS; Lizier, Prokopenko & Zomaya (2008), Phys. Rev. E 77:026110 for local TE.
 */
import { DiscreteTable, encodeInto } from './discrete-table.ts';
import { MeasureError } from './errors.ts';
import {
  aisSpec,
  checkFinite,
  checkSameLength,
  entropySpec,
  miSpec,
  teSpec,
  type ColumnSpec,
  type EmbeddingSpec,
} from './embedding.ts';
import type { LocalsOption, MeasureResult, PreparedMeasure, Quantity } from './types.ts';

/** A block of dense state codes 0 … size−1, one per embedded row. */
interface StateBlock {
  readonly codes: Int32Array;
  readonly size: number;
}

/** Joint state of two blocks, re-indexed densely when the product state space would be large. */
function combine(a: StateBlock, b: StateBlock): StateBlock {
  const n = a.codes.length;
  const out = new Int32Array(n);
  const product = a.size * b.size;
  if (product <= Math.max(1 << 16, 4 * n)) {
    const ac = a.codes, bc = b.codes, sb = b.size;
    for (let r = 0; r < n; r++) out[r] = ac[r] * sb + bc[r];
    return { codes: out, size: product };
  }
  const ids = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    const key = a.codes[r] * b.size + b.codes[r];
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    out[r] = id;
  }
  return { codes: out, size: ids.size };
}

/** State codes of the columns `cols` of the embedding (one column: the value itself). */
function encode(spec: EmbeddingSpec, cols: readonly ColumnSpec[], series: readonly Int32Array[], base: number): StateBlock {
  const size = base ** cols.length;
  const rows = spec.rows;
  if (size <= Math.max(1 << 16, 4 * rows)) {
    const codes = new Int32Array(rows);
    encodeInto(spec, cols, series, base, codes);
    return { codes, size };
  }
  let block: StateBlock | null = null;
  for (const col of cols) {
    const s = series[col.source];
    const codes = new Int32Array(rows);
    const start = spec.validFrom + col.offset;
    for (let r = 0; r < rows; r++) codes[r] = s[start + r];
    const next: StateBlock = { codes, size: base };
    block = block === null ? next : combine(block, next);
  }
  if (block === null) throw new Error('empty embedding block');
  return block;
}

/** The series as Int32Array symbols (a copy unless it already is one). */
function symbols(x: ArrayLike<number>): Int32Array {
  return x instanceof Int32Array ? x : Int32Array.from(x as ArrayLike<number>);
}

function counts(b: StateBlock): Int32Array {
  const c = new Int32Array(b.size);
  const codes = b.codes;
  for (let r = 0; r < codes.length; r++) c[codes[r]]++;
  return c;
}

function permuteBlock(b: StateBlock, perm: Int32Array): StateBlock {
  const codes = new Int32Array(b.codes.length);
  for (let r = 0; r < codes.length; r++) codes[r] = b.codes[perm[r]];
  return { codes, size: b.size };
}

/**
 * Local plug-in values per row. Results are memoised per joint state, so the cost is one pass of
 * counting and one table look-up per row.
 *  - entropy:              h(x) = −log₂ p(x)
 *  - conditional entropy:  h(y|x) = −log₂ [c(x,y) / c(x)]
 *  - MI (z empty):         i(x;y) = log₂ [c(x,y) · n / (c(x) c(y))]
 *  - conditional MI:       i(x;y|z) = log₂ [c(x,y,z) c(z) / (c(x,z) c(y,z))]
 */
function rowLocals(
  quantity: Quantity,
  x: StateBlock,
  y: StateBlock | null,
  z: StateBlock | null,
  out: Float64Array | null,
  outOffset = 0,
): number {
  const n = x.codes.length;
  let joint: StateBlock;
  let value: (state: number, row: number) => number;
  if (quantity === 'entropy') {
    joint = x;
    const cx = counts(x);
    value = (s) => -Math.log2(cx[s] / n);
  } else if (quantity === 'conditional-entropy') {
    if (y === null) throw new Error('conditional entropy needs Y');
    joint = combine(x, y);
    const cxy = counts(joint), cx = counts(x), xc = x.codes;
    value = (s, r) => -Math.log2(cxy[s] / cx[xc[r]]);
  } else if (z === null) {
    if (y === null) throw new Error('MI needs Y');
    joint = combine(x, y);
    const cxy = counts(joint), cx = counts(x), cy = counts(y), xc = x.codes, yc = y.codes;
    value = (s, r) => Math.log2((cxy[s] * n) / (cx[xc[r]] * cy[yc[r]]));
  } else {
    if (y === null) throw new Error('CMI needs Y');
    const xz = combine(x, z);
    const yz = combine(y, z);
    joint = combine(xz, y);
    const cxyz = counts(joint), cxz = counts(xz), cyz = counts(yz), cz = counts(z);
    const xzc = xz.codes, yzc = yz.codes, zc = z.codes;
    value = (s, r) => Math.log2((cxyz[s] * cz[zc[r]]) / (cxz[xzc[r]] * cyz[yzc[r]]));
  }
  const memo = new Float64Array(joint.size).fill(Number.NaN);
  const jc = joint.codes;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const s = jc[r];
    let v = memo[s];
    if (v !== v) {
      v = value(s, r);
      memo[s] = v;
    }
    sum += v;
    if (out !== null) out[outOffset + r] = v;
  }
  return sum / n;
}

/**
 * Checks that a series holds integers 0 … base−1.
 * @throws MeasureError (param `base` if a value is too large for the base, else `param`).
 */
export function checkDiscrete(x: ArrayLike<number>, base: number, param: string): void {
  if (!Number.isInteger(base) || base < 2) throw new MeasureError(`base must be an integer ≥ 2 (got ${base})`, 'base');
  if (x instanceof Int32Array || x instanceof Uint8Array || x instanceof Int8Array || x instanceof Uint16Array || x instanceof Int16Array) {
    // integer typed arrays: only the range needs checking
    let lo = 0, hi = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo >= 0 && hi < base) return;
  }
  checkFinite(x, param);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new MeasureError(
        `${param}[${i}] = ${v} is not a non-negative integer; discretise continuous data first (bins or threshold)`,
        param,
      );
    }
    if (v >= base) {
      throw new MeasureError(`base ${base} is too small for the data: ${param}[${i}] = ${v} (values must be 0 … ${base - 1})`, 'base');
    }
  }
}

/**
 * Binds a discrete plug-in estimator of `quantity` to an embedding of integer series (already
 * validated with {@link checkDiscrete}). Used by the public functions and by surrogate tests.
 */
export function prepareDiscrete(
  quantity: Quantity,
  spec: EmbeddingSpec,
  series: readonly ArrayLike<number>[],
  base: number,
): PreparedMeasure {
  const ints = series.map(symbols);
  const x = encode(spec, spec.x, ints, base);
  const y = spec.y.length > 0 ? encode(spec, spec.y, ints, base) : null;
  const z = spec.z.length > 0 ? encode(spec, spec.z, ints, base) : null;
  return {
    rows: spec.rows,
    units: 'bits',
    compute(wantLocals: boolean): MeasureResult {
      const locals = wantLocals ? new Float64Array(spec.padded ? spec.length : spec.rows) : null;
      const average = rowLocals(quantity, x, y, z, locals, spec.padded ? spec.validFrom : 0);
      return {
        average,
        locals,
        validFrom: spec.validFrom,
        samples: spec.rows,
        units: 'bits',
      };
    },
    surrogate(perm: Int32Array): number {
      return rowLocals(quantity, permuteBlock(x, perm), y, z, null);
    },
  };
}

/** Options of the discrete estimators. */
export interface DiscreteOptions extends LocalsOption {
  /** Alphabet size: data are integers 0 … base−1 (default 2). Logs are base 2 regardless. */
  readonly base?: number;
}

/**
 * Shannon entropy H(X) = −Σ p(x) log₂ p(x), local h(x_t) = −log₂ p(x_t), plug-in probabilities
 * (Cover & Thomas 2006, ch. 2). Bits. Locals: length N, all valid.
 */
export function discreteEntropy(x: ArrayLike<number>, opts: DiscreteOptions = {}): MeasureResult {
  const base = opts.base ?? 2;
  checkDiscrete(x, base, 'series');
  return prepareDiscrete('entropy', entropySpec(x.length), [x], base).compute(opts.locals ?? true);
}

/**
 * Mutual information with a source–target lag d: I(X;Y) = Σ p(x,y) log₂ [p(x,y) / (p(x)p(y))]
 * over pairs (src[i], dst[i+d]); local i(src[i]; dst[i+d]) = log₂ [p(x,y)/(p(x)p(y))]
 * (Cover & Thomas 2006, ch. 2; JIDT MutualInformationCalculatorDiscrete with timeDiff d). Bits.
 * Locals: length N − d, unpadded.
 */
export function discreteMI(
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  opts: DiscreteOptions & { readonly lag?: number } = {},
): MeasureResult {
  const base = opts.base ?? 2;
  checkSameLength(src, dst);
  checkDiscrete(src, base, 'source');
  checkDiscrete(dst, base, 'dest');
  return prepareDiscrete('mi', miSpec(src.length, opts.lag ?? 0), [src, dst], base).compute(opts.locals ?? true);
}

/** History options of AIS and entropy rate. */
export interface HistoryOptions {
  /** History length k ≥ 1 (default 1). */
  readonly k?: number;
  /** Embedding delay τ ≥ 1 between history samples (default 1). */
  readonly tau?: number;
}

/**
 * Entropy rate H_μ(X) ≈ H(X_{t} | X⁽ᵏ⁾_{t−1}), local h(x_t | x⁽ᵏ⁾_{t−1}) = −log₂ p(x_t | x⁽ᵏ⁾_{t−1})
 * (Cover & Thomas 2006, ch. 4; Lizier et al. 2012; JIDT EntropyRateCalculatorDiscrete). Bits.
 * Locals: length N, zeros before (k−1)τ + 1.
 */
export function discreteEntropyRate(x: ArrayLike<number>, opts: DiscreteOptions & HistoryOptions = {}): MeasureResult {
  const base = opts.base ?? 2;
  checkDiscrete(x, base, 'series');
  const spec = aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1);
  return prepareDiscrete('conditional-entropy', spec, [x], base).compute(opts.locals ?? true);
}

/**
 * Active information storage A(X) = I(X⁽ᵏ⁾_{t−1}; X_t), local
 * a(t) = log₂ [p(x⁽ᵏ⁾_{t−1}, x_t) / (p(x⁽ᵏ⁾_{t−1}) p(x_t))], where x⁽ᵏ⁾_{t−1} is the k-sample past
 * spaced τ apart (Lizier, Prokopenko & Zomaya 2012, Inf. Sci. 208:39; JIDT
 * ActiveInformationCalculatorDiscrete). Bits. Locals: length N, zeros before (k−1)τ + 1.
 */
export function discreteAIS(x: ArrayLike<number>, opts: DiscreteOptions & HistoryOptions = {}): MeasureResult {
  const base = opts.base ?? 2;
  checkDiscrete(x, base, 'series');
  const spec = aisSpec(x.length, opts.k ?? 1, opts.tau ?? 1);
  if (DiscreteTable.fits(spec, base)) return tableResult(new DiscreteTable('mi', spec, base), spec, [symbols(x)], opts.locals ?? true);
  return prepareDiscrete('mi', spec, [x], base).compute(opts.locals ?? true);
}

/**
 * A measure by a {@link DiscreteTable} (the same values as prepareDiscrete's, bit for bit, without
 * its intermediate blocks), in prepareDiscrete's result layout.
 */
function tableResult(table: DiscreteTable, spec: EmbeddingSpec, series: readonly ArrayLike<number>[], wantLocals: boolean): MeasureResult {
  const locals = wantLocals ? new Float64Array(spec.padded ? spec.length : spec.rows) : null;
  const average = table.run(series, locals, spec.padded ? spec.validFrom : 0);
  return { average, locals, validFrom: spec.validFrom, samples: spec.rows, units: 'bits' };
}

/** History options of transfer entropy. */
export interface TEOptions {
  /** Target (destination) history length k (default 1). */
  readonly k?: number;
  /** Spacing of the target history (default 1). */
  readonly kTau?: number;
  /** Source history length l (default 1). */
  readonly l?: number;
  /** Spacing of the source history (default 1). */
  readonly lTau?: number;
  /** Source–target delay d ≥ 1: the most recent source sample is src[t − d] (default 1). */
  readonly delay?: number;
}

/**
 * Transfer entropy T(Y→X) = I(Y⁽ˡ⁾_{t−d}; X_t | X⁽ᵏ⁾_{t−1}), local
 * t(t) = log₂ [p(x_t | x⁽ᵏ⁾_{t−1}, y⁽ˡ⁾_{t−d}) / p(x_t | x⁽ᵏ⁾_{t−1})] (Schreiber 2000; local form
 * Lizier, Prokopenko & Zomaya 2008; JIDT TransferEntropyCalculatorDiscrete(base,k,kTau,l,lTau,d)).
 * Bits. Locals: length N, zeros before max((k−1)kTau + 1, (l−1)lTau + d).
 */
export function discreteTE(
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  opts: DiscreteOptions & TEOptions = {},
): MeasureResult {
  const base = opts.base ?? 2;
  checkSameLength(src, dst);
  checkDiscrete(src, base, 'source');
  checkDiscrete(dst, base, 'dest');
  const spec = teSpec(src.length, opts.k ?? 1, opts.kTau ?? 1, opts.l ?? 1, opts.lTau ?? 1, opts.delay ?? 1);
  return prepareDiscrete('mi', spec, [src, dst], base).compute(opts.locals ?? true);
}

/**
 * Equal-width binning into `bins` integers 0 … bins−1 over [min, max] of the data:
 * bin = floor((x − min) / ((max − min) / bins)), the maximum going into the top bin (as JIDT's
 * MatrixUtils.discretise). A constant series maps to all zeros.
 */
export function discretiseEqualWidth(x: ArrayLike<number>, bins: number): Int32Array {
  checkBins(bins);
  checkFinite(x, 'series');
  return equalWidthInto(x, bins, new Int32Array(x.length));
}

/** Throws unless `bins` is an integer ≥ 2. */
export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 2) throw new MeasureError(`bins must be an integer ≥ 2 (got ${bins})`, 'bins');
}

/** {@link discretiseEqualWidth} of finite `x` into `out[0 … x.length−1]` (bins already checked); returns `out`. */
export function equalWidthInto(x: ArrayLike<number>, bins: number, out: Int32Array): Int32Array {
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  const width = (max - min) / bins;
  if (!(width > 0)) return out.fill(0, 0, x.length);
  for (let i = 0; i < x.length; i++) {
    const b = Math.floor((x[i] - min) / width);
    out[i] = b >= bins ? bins - 1 : b;
  }
  return out;
}

/** Median of the data (mean of the two middle values for even length). */
export function median(x: ArrayLike<number>): number {
  if (x.length === 0) throw new MeasureError('median of an empty series', 'series');
  const s = Float64Array.from(x).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Binarisation at a threshold: 1 where x > threshold, else 0. `'median'` uses the series' median,
 * which splits the data into halves (ties at the median go to 0).
 */
export function discretiseThreshold(x: ArrayLike<number>, threshold: number | 'median'): Int32Array {
  checkFinite(x, 'series');
  const v = threshold === 'median' ? median(x) : threshold;
  if (!Number.isFinite(v)) throw new MeasureError(`threshold must be a finite number (got ${v})`, 'threshold');
  const out = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] > v ? 1 : 0;
  return out;
}
