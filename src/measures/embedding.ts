/**
 * History embedding shared by every estimator (discrete, Gaussian, KSG), written once.
 *
 * Every measure here is an entropy, a conditional entropy, an MI or a conditional MI between up to
 * three embedded variables, each a list of columns taken from one or two input series:
 *
 * - X: the "source" block, the one a surrogate (permutation) test shuffles,
 * - Y: the "next" / target block,
 * - Z: the conditioning block (empty for MI and AIS).
 *
 * Row r of the embedded sample corresponds to target time t = validFrom + r, and column
 * (series s, offset o) holds series_s[t + o]. Local values of AIS, entropy rate and TE are returned
 * in the padded layout of test/reference/jidt/README.md: an array of length N whose entries before
 * `validFrom` are 0 padding; lagged MI is not padded (locals[i] = i(src[i]; dst[i + lag])).
 */
import { MeasureError } from './errors.ts';

/** One embedded column: value at row r is `series[source][validFrom + r + offset]`. */
export interface ColumnSpec {
  /** 0 = the first series (the single series, or the source), 1 = the second (the destination). */
  readonly source: 0 | 1;
  /** Time offset relative to the target time t (≤ 0 for histories). */
  readonly offset: number;
}

/** A complete embedding: which columns form X, Y and Z, and which target times have full histories. */
export interface EmbeddingSpec {
  /** Length N of the input series. */
  readonly length: number;
  /** First target time with a full history; padding before it in the local layout. */
  readonly validFrom: number;
  /** Number of samples (rows) of the embedded matrix. */
  readonly rows: number;
  /** Whether locals are returned padded to length N (AIS, TE, entropy rate) or as `rows` values (MI, entropy). */
  readonly padded: boolean;
  readonly x: readonly ColumnSpec[];
  readonly y: readonly ColumnSpec[];
  readonly z: readonly ColumnSpec[];
}

/** The embedded sample matrix, column by column (each column has `rows` entries). */
export interface Embedded {
  readonly spec: EmbeddingSpec;
  readonly x: Float64Array[];
  readonly y: Float64Array[];
  readonly z: Float64Array[];
}

function checkPositiveInt(value: number, name: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new MeasureError(`${name} must be an integer ≥ ${min} (got ${value})`, name);
  }
}

function checkRows(length: number, validFrom: number, minRows: number, param: string, what: string): number {
  const rows = length - validFrom;
  if (rows < minRows) {
    throw new MeasureError(
      `${what} needs at least ${validFrom + minRows} samples but the series has ${length}`,
      param,
    );
  }
  return rows;
}

/**
 * Offsets of a history of `k` samples spaced `tau` apart, the most recent `lead` steps before the
 * target: [−lead − (k−1)τ, …, −lead − τ, −lead] (oldest first).
 */
export function historyOffsets(k: number, tau: number, lead: number): number[] {
  const out: number[] = [];
  for (let j = k - 1; j >= 0; j--) out.push(-lead - j * tau);
  return out;
}

/**
 * Embedding for a single variable (entropy): X = x[t], rows = N, not padded.
 */
export function entropySpec(length: number): EmbeddingSpec {
  const rows = checkRows(length, 0, 1, 'series', 'entropy');
  return { length, validFrom: 0, rows, padded: false, x: [{ source: 0, offset: 0 }], y: [], z: [] };
}

/**
 * Embedding for active information storage and entropy rate (Lizier, Prokopenko & Zomaya 2012):
 * X = past x⁽ᵏ⁾ₜ₋₁ = (x[t−1−(k−1)τ], …, x[t−1−τ], x[t−1]), Y = next x[t];
 * validFrom = (k−1)τ + 1 (= k for τ = 1); padded locals.
 */
export function aisSpec(length: number, k: number, tau: number, minRows = 1): EmbeddingSpec {
  checkPositiveInt(k, 'k');
  checkPositiveInt(tau, 'tau');
  const validFrom = (k - 1) * tau + 1;
  const rows = checkRows(length, validFrom, minRows, 'k', `history length k = ${k} with tau = ${tau}`);
  const x = historyOffsets(k, tau, 1).map((offset) => ({ source: 0 as const, offset }));
  return { length, validFrom, rows, padded: true, x, y: [{ source: 0, offset: 0 }], z: [] };
}

/**
 * Embedding for transfer entropy Y→X (Schreiber 2000; local form Lizier et al. 2008/2012) with
 * target history k (spacing kTau), source history l (spacing lTau) and source–target delay d:
 * X = source past (src[t−d−(l−1)lTau], …, src[t−d]), Y = dest[t],
 * Z = dest past (dest[t−1−(k−1)kTau], …, dest[t−1]);
 * validFrom = max((k−1)kTau + 1, (l−1)lTau + d); padded locals.
 */
export function teSpec(
  length: number,
  k: number,
  kTau: number,
  l: number,
  lTau: number,
  delay: number,
  minRows = 1,
): EmbeddingSpec {
  checkPositiveInt(k, 'k');
  checkPositiveInt(kTau, 'tau');
  checkPositiveInt(l, 'l');
  checkPositiveInt(lTau, 'lTau');
  checkPositiveInt(delay, 'delay');
  const validFrom = Math.max((k - 1) * kTau + 1, (l - 1) * lTau + delay);
  const param = (l - 1) * lTau + delay > (k - 1) * kTau + 1 ? (delay > 1 ? 'delay' : 'l') : 'k';
  const rows = checkRows(length, validFrom, minRows, param, `transfer entropy with k = ${k}, l = ${l}, delay = ${delay}`);
  return {
    length,
    validFrom,
    rows,
    padded: true,
    x: historyOffsets(l, lTau, delay).map((offset) => ({ source: 0 as const, offset })),
    y: [{ source: 1, offset: 0 }],
    z: historyOffsets(k, kTau, 1).map((offset) => ({ source: 1 as const, offset })),
  };
}

/**
 * Embedding for mutual information with a source–target lag d ≥ 0: row i pairs X = src[i] with
 * Y = dst[i + d], i = 0 … N−d−1; locals are not padded (length N − d).
 */
export function miSpec(length: number, lag: number, minRows = 1): EmbeddingSpec {
  if (!Number.isInteger(lag) || lag < 0) throw new MeasureError(`lag must be an integer ≥ 0 (got ${lag})`, 'lag');
  const rows = length - lag;
  if (rows < minRows) {
    throw new MeasureError(`lag = ${lag} leaves ${Math.max(rows, 0)} samples; need at least ${minRows}`, 'lag');
  }
  return { length, validFrom: 0, rows, padded: false, x: [{ source: 0, offset: 0 }], y: [{ source: 1, offset: lag }], z: [] };
}

/** Materialises one column of an embedding from its series. */
export function gatherColumn(spec: EmbeddingSpec, col: ColumnSpec, series: readonly ArrayLike<number>[]): Float64Array {
  const s = series[col.source];
  const out = new Float64Array(spec.rows);
  const start = spec.validFrom + col.offset;
  for (let r = 0; r < spec.rows; r++) out[r] = s[start + r];
  return out;
}

/**
 * Materialises the embedded sample matrix (columns of X, Y, Z) for the given series
 * ([series] for one-variable measures, [source, dest] for MI and TE).
 */
export function embed(spec: EmbeddingSpec, series: readonly ArrayLike<number>[]): Embedded {
  const g = (cols: readonly ColumnSpec[]) => cols.map((c) => gatherColumn(spec, c, series));
  return { spec, x: g(spec.x), y: g(spec.y), z: g(spec.z) };
}

/**
 * Places per-row local values into the output layout: padded (length N, zeros before validFrom)
 * or unpadded (length rows).
 */
export function layoutLocals(spec: EmbeddingSpec, rowLocals: Float64Array): Float64Array {
  if (!spec.padded) return rowLocals;
  const out = new Float64Array(spec.length);
  out.set(rowLocals, spec.validFrom);
  return out;
}

/**
 * Checks that every value is finite.
 * @throws MeasureError naming `param` and the first bad index.
 */
export function checkFinite(x: ArrayLike<number>, param: string): void {
  if (x instanceof Int32Array || x instanceof Uint8Array || x instanceof Int8Array || x instanceof Uint16Array || x instanceof Int16Array) return; // integers are finite
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new MeasureError(`${param}[${i}] is not a finite number (${x[i]})`, param);
  }
}

/** Checks that source and destination have the same length. */
export function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new MeasureError(`source and dest must have equal lengths (got ${a.length} and ${b.length})`, 'dest');
  }
}
