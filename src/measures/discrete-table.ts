/**
 * The discrete plug-in estimator of discrete.ts on a dense joint-count table whose buffers are
 * reused from one series to the next: the live panels measure a thousand units of one window
 * with one table (measures/windowed-discrete.ts), and discreteAIS uses one for its series.
 *
 * Embedded row r has the block states x (source / past), z (conditioning past) and y (next), each
 * a base-`base` number over its columns, and the joint state s = (x·|Z| + z)·|Y| + y. One pass
 * counts c(x,z,y); the marginal counts are sums over the table; each occupied state's local value
 * is computed once (same expressions as rowLocals in discrete.ts, on the same integer counts) and
 * the rows look it up and sum in row order — so averages and locals are the general path's, bit
 * for bit (discrete-fast.test.ts). Bits (log₂) throughout:
 *  - entropy:             h(x) = −log₂ [c(x) / n]                        (Cover & Thomas 2006, ch. 2)
 *  - conditional entropy: h(y|x) = −log₂ [c(x,y) / c(x)]                (ibid., ch. 2 and 4)
 *  - MI (Z empty):        i(x;y) = log₂ [c(x,y) · n / (c(x) c(y))]       (ibid.; Lizier et al. 2012 for AIS)
 *  - conditional MI:      i(x;y|z) = log₂ [c(x,y,z) c(z) / (c(x,z) c(y,z))] (Lizier, Prokopenko & Zomaya 2008 for TE)
 * with n the number of rows (samples) and c(·) the plug-in counts.
 */
import type { ColumnSpec, EmbeddingSpec } from './embedding.ts';
import type { Quantity } from './types.ts';

/**
 * Smallest joint alphabet that always gets a table; larger ones need one only up to the number of
 * rows, since the marginal sums cost a pass over the table per series.
 */
const MIN_TABLE = 1 << 12;

/** A run of consecutive columns of one series: s[start + r … start + r + len − 1] at row r. */
interface Run {
  readonly source: 0 | 1;
  readonly start: number;
  readonly len: number;
}

/** The columns as runs of consecutive offsets of one series (a τ = 1 history is one run, with its next value too). */
function runsOf(spec: EmbeddingSpec, cols: readonly ColumnSpec[]): Run[] {
  const runs: Run[] = [];
  for (let j = 0; j < cols.length; ) {
    let end = j + 1;
    while (end < cols.length && cols[end].source === cols[j].source && cols[end].offset === cols[end - 1].offset + 1) end++;
    runs.push({ source: cols[j].source, start: spec.validFrom + cols[j].offset, len: end - j });
    j = end;
  }
  return runs;
}

/**
 * Writes the state of the columns `cols` of each embedded row into `codes`: code = Σⱼ value_j ·
 * base^(m−1−j) over the m columns, in int32 arithmetic (exact while base^m < 2³¹, which callers
 * keep: discrete.ts's dense blocks and DiscreteTable.fits stay far below), and with
 * `counts`, adds one to counts[code] for each row. Each run of consecutive columns rolls its code
 * along the rows, dropping the oldest value, and appends its digits to the code of the runs before.
 */
export function encodeInto(spec: EmbeddingSpec, cols: readonly ColumnSpec[], series: readonly ArrayLike<number>[], base: number, codes: Int32Array, counts: Int32Array | null = null): void {
  encodeRuns(runsOf(spec, cols), spec.rows, series, base, codes, counts);
}

function encodeRuns(runs: readonly Run[], rows: number, series: readonly ArrayLike<number>[], base: number, codes: Int32Array, counts: Int32Array | null): void {
  if (runs.length === 0) {
    codes.fill(0, 0, rows);
    if (counts !== null) counts[0] += rows;
  }
  for (let i = 0; i < runs.length; i++) {
    const { source, start, len } = runs[i];
    appendRun(series[source], start, len, rows, base, codes, i === 0 ? 0 : base ** len | 0, i === runs.length - 1 ? counts : null);
  }
}

/**
 * codes[r] ← codes[r] · shift + (code of the run at row r) for every row (shift 0 overwrites), and
 * counts[codes[r]] += 1 when counts are given. (Two loops rather than a test per row: this is the
 * live panels' inner loop.)
 */
function appendRun(s: ArrayLike<number>, start: number, len: number, rows: number, base: number, codes: Int32Array, shift: number, counts: Int32Array | null): void {
  if (rows === 0) return;
  const top = base ** (len - 1) | 0; // small integers: the loop stays in int32 arithmetic
  let code = 0;
  for (let i = 0; i < len; i++) code = (code * base + s[start + i]) | 0;
  const last = rows - 1; // the last row has no next code to roll to
  if (counts === null) {
    for (let r = 0; r < last; r++) {
      codes[r] = (codes[r] * shift + code) | 0;
      code = (((code - s[start + r] * top) | 0) * base + s[start + r + len]) | 0;
    }
    codes[last] = (codes[last] * shift + code) | 0;
    return;
  }
  for (let r = 0; r < last; r++) {
    const c = (codes[r] * shift + code) | 0;
    codes[r] = c;
    counts[c]++;
    code = (((code - s[start + r] * top) | 0) * base + s[start + r + len]) | 0;
  }
  const c = (codes[last] * shift + code) | 0;
  codes[last] = c;
  counts[c]++;
}

/** Counts of the marginal blocks a quantity needs, summed from the joint table. */
interface Marginals {
  /** c(x), or c(x,z) for conditional MI. */
  readonly x: Int32Array;
  /** c(y), or c(y,z) (indexed z·|Y| + y) for conditional MI. */
  readonly y: Int32Array;
  /** c(z) (conditional MI only). */
  readonly z: Int32Array;
}

/** A reusable dense plug-in estimator of one quantity on one embedding shape (see the module comment). */
export class DiscreteTable {
  private readonly sizeX: number;
  private readonly sizeY: number;
  private readonly sizeZ: number;
  /** The joint state's columns (x, z, y) as runs. */
  private readonly runs: readonly Run[];
  private readonly codes: Int32Array;
  private readonly joint: Int32Array;
  private readonly values: Float64Array;
  private readonly marginals: Marginals;

  /** Whether a table serves this quantity (its joint alphabet is small enough; see MIN_TABLE). */
  static fits(spec: EmbeddingSpec, base: number): boolean {
    return base ** (spec.x.length + spec.y.length + spec.z.length) <= Math.max(MIN_TABLE, spec.rows);
  }

  /** A table for `quantity` on embeddings of shape `spec` over integer series 0 … base−1 (check {@link fits} first). */
  constructor(
    private readonly quantity: Quantity,
    private readonly spec: EmbeddingSpec,
    private readonly base: number,
  ) {
    this.sizeX = base ** spec.x.length;
    this.sizeY = base ** spec.y.length;
    this.sizeZ = base ** spec.z.length;
    this.runs = runsOf(spec, [...spec.x, ...spec.z, ...spec.y]);
    const size = this.sizeX * this.sizeY * this.sizeZ;
    this.codes = new Int32Array(spec.rows);
    this.joint = new Int32Array(size);
    this.values = new Float64Array(size);
    const cmi = spec.z.length > 0;
    this.marginals = {
      x: new Int32Array(cmi ? this.sizeX * this.sizeZ : this.sizeX),
      y: new Int32Array(cmi ? this.sizeZ * this.sizeY : this.sizeY),
      z: new Int32Array(this.sizeZ),
    };
  }

  /**
   * The average over the rows of `series` (validated integer symbols 0 … base−1, the embedding's
   * length), in bits; when `out` is given, row r's local value goes to out[at + r].
   */
  run(series: readonly ArrayLike<number>[], out: Float64Array | null, at = 0): number {
    const { codes, joint, values } = this;
    const n = this.spec.rows;
    joint.fill(0);
    encodeRuns(this.runs, n, series, this.base, codes, joint);
    this.tabulate(n);
    let sum = 0;
    if (out === null) {
      for (let r = 0; r < n; r++) sum += values[codes[r]];
    } else {
      for (let r = 0, o = at; r < n; r++, o++) {
        const v = values[codes[r]];
        sum += v;
        out[o] = v;
      }
    }
    return sum / n;
  }

  /** Marginal counts from the joint table, then the local value of every occupied joint state. */
  private tabulate(n: number): void {
    const { joint, values, sizeX: sx, sizeY: sy, sizeZ: sz } = this;
    const { x: cx, y: cy, z: cz } = this.marginals;
    cx.fill(0);
    cy.fill(0);
    cz.fill(0);
    if (this.quantity === 'entropy') {
      for (let s = 0; s < sx; s++) if (joint[s] > 0) values[s] = -Math.log2(joint[s] / n);
      return;
    }
    // s = (x·sz + z)·sy + y; xz = x·sz + z indexes c(x,z) (or c(x) when Z is empty), zy = z·sy + y.
    for (let xz = 0, s = 0; xz < sx * sz; xz++) {
      const z0 = (xz % sz) * sy;
      for (let y = 0; y < sy; y++, s++) {
        cx[xz] += joint[s];
        cy[z0 + y] += joint[s];
      }
    }
    if (sz > 1) for (let xz = 0; xz < sx * sz; xz++) cz[xz % sz] += cx[xz];
    for (let xz = 0, s = 0; xz < sx * sz; xz++) {
      const z = xz % sz;
      for (let y = 0; y < sy; y++, s++) {
        const c = joint[s];
        if (c === 0) continue;
        if (this.quantity === 'conditional-entropy') values[s] = -Math.log2(c / cx[xz]);
        else if (sz === 1) values[s] = Math.log2((c * n) / (cx[xz] * cy[y]));
        else values[s] = Math.log2((c * cz[z]) / (cx[xz] * cy[z * sy + y]));
      }
    }
  }
}
