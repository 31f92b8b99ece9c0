/** Error and fit measures of readouts (dimensionless). */

/**
 * Normalised root-mean-square error of one output: NRMSE = √( mean((y − d)²) / var(d) ), var
 * with the 1/n denominator (Jaeger 2003; Lukoševičius 2012). 0 is perfect; 1 is no better
 * than predicting the target's mean. When var(d) = 0 the plain RMSE is returned.
 */
export function nrmse(y: ArrayLike<number>, d: ArrayLike<number>): number {
  const n = d.length;
  if (n === 0) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += d[i];
  mean /= n;
  let se = 0;
  let sv = 0;
  for (let i = 0; i < n; i++) {
    se += (y[i] - d[i]) * (y[i] - d[i]);
    sv += (d[i] - mean) * (d[i] - mean);
  }
  return sv > 0 ? Math.sqrt(se / sv) : Math.sqrt(se / n);
}

/** Squared Pearson correlation r² of two series (0 when either is constant). */
export function squaredCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : 0;
}

/** Columns of a row-major samples × width matrix as separate arrays. */
export function column(data: Float64Array, width: number, col: number): Float64Array {
  const rows = data.length / width;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = data[r * width + col];
  return out;
}

/**
 * Accuracy on a binary target d ∈ {0, 1}: the fraction of entries whose output y lies on the
 * target's side of 0.5 (y ≥ 0.5 read as 1), over every step and output.
 */
export function binaryAccuracy(y: ArrayLike<number>, d: ArrayLike<number>): number {
  let right = 0;
  for (let i = 0; i < d.length; i++) if ((y[i] >= 0.5 ? 1 : 0) === d[i]) right++;
  return d.length > 0 ? right / d.length : NaN;
}
