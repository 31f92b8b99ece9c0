/** Shared result and option types of the measures layer. */

/** Units of a result: bits (log₂, discrete estimators) or nats (ln, Gaussian and KSG estimators). */
export type Units = 'bits' | 'nats';

/** The information-theoretic quantity an estimator computes on an embedding (see embedding.ts). */
export type Quantity =
  /** H(X) */
  | 'entropy'
  /** H(Y | X) — entropy rate when X is the past and Y the next value. */
  | 'conditional-entropy'
  /** I(X; Y | Z), or I(X; Y) when Z is empty. */
  | 'mi';

/** The result of one measure on one data set. */
export interface MeasureResult {
  /** Average (expected) value over the valid samples, in `units`. */
  readonly average: number;
  /**
   * Local (pointwise) values, in `units`: length N padded with zeros before `validFrom` for AIS,
   * TE and entropy rate; length N − lag (unpadded) for MI; length N for entropy. `null` when the
   * caller asked for the average only.
   */
  readonly locals: Float64Array | null;
  /** First index of `locals` that holds a real (non-padding) value. */
  readonly validFrom: number;
  /** Number of samples (embedded rows) the estimate uses. */
  readonly samples: number;
  readonly units: Units;
}

/** Whether to return local values (default true). */
export interface LocalsOption {
  /** Return local values too (default true); false returns `locals: null` and may be faster. */
  readonly locals?: boolean;
}

/**
 * An estimator bound to one embedded data set, able to compute the measure and, for surrogate
 * tests, its average with the rows of the X block permuted.
 */
export interface PreparedMeasure {
  readonly rows: number;
  readonly units: Units;
  compute(wantLocals: boolean): MeasureResult;
  /** Average with X's row r replaced by X's row perm[r] (perm a permutation of 0 … rows−1). */
  surrogate(perm: Int32Array): number;
}
