/**
 * Nearest-neighbour search under the maximum norm ‖u − v‖∞ = maxᵢ |uᵢ − vᵢ|, as the KSG estimator
 * needs it (Kraskov, Stögbauer & Grassberger 2004): the distance to the K-th nearest neighbour of
 * each sample, and the number of samples strictly closer than a radius.
 *
 * - {@link KdTree}: a k-d tree (Bentley 1975; Friedman, Bentley & Finkel 1977) with tight bounding
 *   boxes per node; K-NN by best-first descent with box pruning, radius counts that add whole
 *   subtrees whose box lies inside the query box. O(N log N) build, roughly O(log N) per query.
 * - {@link SortedCounter}: for one-dimensional spaces, radius counts by galloping binary search in
 *   the sorted values.
 * - {@link BruteForceSpace}: the O(N²) reference version of both, for tests and benchmarks.
 *
 * Every distance is computed as |fl(a − b)| exactly like JIDT, and every pruning test uses the same
 * floating-point differences (subtraction is monotone), so the tree gives bit-identical answers to
 * the brute-force scan, ties included.
 */

/** Row-major point set: point i has coordinates data[i·dim … i·dim + dim − 1]. */
export interface PointSet {
  readonly data: Float64Array;
  readonly n: number;
  readonly dim: number;
}

/** Interleaves columns into a row-major point set. */
export function pointsFromColumns(cols: readonly Float64Array[]): PointSet {
  const dim = cols.length;
  const n = cols[0].length;
  const data = new Float64Array(n * dim);
  for (let c = 0; c < dim; c++) {
    const col = cols[c];
    for (let i = 0; i < n; i++) data[i * dim + c] = col[i];
  }
  return { data, n, dim };
}

/** Counting and K-NN interface shared by the tree, the sorted array and brute force. */
export interface NeighbourSpace {
  /** Number of points j ≠ i (original indices) with ‖x_j − x_i‖∞ < r (strict). */
  countWithin(i: number, r: number): number;
}

/** K-NN interface. */
export interface KnnSpace extends NeighbourSpace {
  /** ‖x_i − x_(K)‖∞: max-norm distance from point i to its K-th nearest other point. */
  kthDistance(i: number, K: number): number;
  /** Original indices in an order that visits nearby points consecutively (cache-friendly queries). */
  readonly queryOrder: Int32Array;
}

/** Sorts idx[lo..hi] (inclusive) by key[idx[·]] ascending: quicksort, median of three, insertion sort for short runs. */
function sortIndices(idx: Int32Array, key: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >> 1;
    const a = key[idx[lo]], b = key[idx[mid]], c = key[idx[hi]];
    const p = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo, j = hi;
    while (i <= j) {
      while (key[idx[i]] < p) i++;
      while (key[idx[j]] > p) j--;
      if (i <= j) {
        const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
        i++; j--;
      }
    }
    // recurse into the smaller half, loop on the larger
    if (j - lo < hi - i) {
      sortIndices(idx, key, lo, j);
      lo = i;
    } else {
      sortIndices(idx, key, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = idx[i], kv = key[v];
    let j = i - 1;
    while (j >= lo && key[idx[j]] > kv) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
}

/**
 * Radius counts in one dimension: the values sorted once, then for each query two galloping
 * binary searches for the first and last values within the open interval.
 */
export class SortedCounter implements NeighbourSpace {
  private readonly sorted: Float64Array;
  private readonly rank: Int32Array;

  constructor(values: Float64Array) {
    const n = values.length;
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    if (n > 1) sortIndices(idx, values, 0, n - 1);
    this.sorted = new Float64Array(n);
    this.rank = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      this.sorted[p] = values[idx[p]];
      this.rank[idx[p]] = p;
    }
  }

  countWithin(i: number, r: number): number {
    if (!(r > 0)) return 0;
    const s = this.sorted;
    const n = s.length;
    const rk = this.rank[i];
    const q = s[rk];
    // lowest index j with q − s[j] < r (monotone in j)
    let hi = rk, step = 1;
    while (hi - step >= 0 && q - s[hi - step] < r) {
      hi -= step;
      step <<= 1;
    }
    let lo = Math.max(hi - step, -1);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (q - s[mid] < r) hi = mid;
      else lo = mid;
    }
    const first = hi;
    // highest index j with s[j] − q < r
    lo = rk;
    step = 1;
    while (lo + step < n && s[lo + step] - q < r) {
      lo += step;
      step <<= 1;
    }
    hi = Math.min(lo + step, n);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (s[mid] - q < r) lo = mid;
      else hi = mid;
    }
    return lo - first; // (lo − first + 1) points including i itself
  }
}

/**
 * A k-d tree over a row-major point set under the max norm. Points are stored in tree order for
 * locality; each node keeps the tight bounding box of its points.
 */
export class KdTree implements KnnSpace {
  readonly n: number;
  readonly dim: number;
  /** Coordinates in tree order, row-major. */
  private readonly coords: Float64Array;
  /** Tree position → original index. */
  readonly queryOrder: Int32Array;
  /** Original index → tree position. */
  private readonly position: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private nodes = 0;
  private readonly stack: Int32Array;
  private readonly stackDist: Float64Array;
  private best: Float64Array = new Float64Array(8);

  /**
   * @param points the point set (not modified).
   * @param leafSize maximum number of points in a leaf.
   */
  constructor(points: PointSet, leafSize = 8) {
    const { n, dim, data } = points;
    this.n = n;
    this.dim = dim;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const maxNodes = 2 * Math.ceil(n / Math.max(1, leafSize >> 1)) + 2;
    this.start = new Int32Array(maxNodes);
    this.end = new Int32Array(maxNodes);
    this.left = new Int32Array(maxNodes);
    this.right = new Int32Array(maxNodes);
    this.lo = new Float64Array(maxNodes * dim);
    this.hi = new Float64Array(maxNodes * dim);
    let depth = 0;
    const build = (s: number, e: number, level: number): number => {
      if (level > depth) depth = level;
      const node = this.nodes++;
      this.start[node] = s;
      this.end[node] = e;
      const base = node * dim;
      for (let c = 0; c < dim; c++) {
        let mn = Infinity, mx = -Infinity;
        for (let p = s; p < e; p++) {
          const v = data[order[p] * dim + c];
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
        this.lo[base + c] = mn;
        this.hi[base + c] = mx;
      }
      if (e - s <= leafSize) {
        this.left[node] = -1;
        this.right[node] = -1;
        return node;
      }
      let split = 0, spread = -1;
      for (let c = 0; c < dim; c++) {
        const w = this.hi[base + c] - this.lo[base + c];
        if (w > spread) {
          spread = w;
          split = c;
        }
      }
      const m = (s + e) >> 1;
      selectNth(order, data, dim, split, s, e - 1, m);
      this.left[node] = build(s, m, level + 1);
      this.right[node] = build(m, e, level + 1);
      return node;
    };
    if (n > 0) build(0, n, 0);
    this.coords = new Float64Array(n * dim);
    this.position = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      const o = order[p];
      this.position[o] = p;
      for (let c = 0; c < dim; c++) this.coords[p * dim + c] = data[o * dim + c];
    }
    this.queryOrder = order;
    this.stack = new Int32Array(2 * depth + 4);
    this.stackDist = new Float64Array(2 * depth + 4);
  }

  /** Max-norm distance from the query (tree position qp) to node's box; 0 inside. */
  private boxDistance(node: number, qp: number): number {
    const dim = this.dim, lo = this.lo, hi = this.hi, coords = this.coords;
    const b = node * dim, q = qp * dim;
    let d = 0;
    for (let c = 0; c < dim; c++) {
      const v = coords[q + c];
      const below = lo[b + c] - v;
      if (below > d) d = below;
      else {
        const above = v - hi[b + c];
        if (above > d) d = above;
      }
    }
    return d;
  }

  kthDistance(i: number, K: number): number {
    const qp = this.position[i];
    if (this.best.length < K) this.best = new Float64Array(K);
    const best = this.best;
    best.fill(Infinity, 0, K);
    let kth = Infinity;
    const dim = this.dim, coords = this.coords, stack = this.stack, stackDist = this.stackDist;
    const left = this.left, right = this.right, start = this.start, end = this.end;
    const q = qp * dim;
    stack[0] = 0;
    stackDist[0] = 0;
    let sp = 1;
    while (sp > 0) {
      sp--;
      if (stackDist[sp] >= kth) continue;
      const node = stack[sp];
      const l = left[node];
      if (l < 0) {
        const e = end[node];
        for (let j = start[node]; j < e; j++) {
          if (j === qp) continue;
          const jb = j * dim;
          let d = 0;
          for (let c = 0; c < dim; c++) {
            let diff = coords[jb + c] - coords[q + c];
            if (diff < 0) diff = -diff;
            if (diff > d) {
              d = diff;
              if (d >= kth) break;
            }
          }
          if (d < kth) {
            let p = K - 1;
            while (p > 0 && best[p - 1] > d) {
              best[p] = best[p - 1];
              p--;
            }
            best[p] = d;
            kth = best[K - 1];
          }
        }
      } else {
        const r = right[node];
        const dl = this.boxDistance(l, qp);
        const dr = this.boxDistance(r, qp);
        // push the farther child first so the nearer one is visited first
        if (dl <= dr) {
          if (dr < kth) {
            stack[sp] = r;
            stackDist[sp++] = dr;
          }
          if (dl < kth) {
            stack[sp] = l;
            stackDist[sp++] = dl;
          }
        } else {
          if (dl < kth) {
            stack[sp] = l;
            stackDist[sp++] = dl;
          }
          if (dr < kth) {
            stack[sp] = r;
            stackDist[sp++] = dr;
          }
        }
      }
    }
    return kth;
  }

  countWithin(i: number, r: number): number {
    if (!(r > 0)) return 0;
    const qp = this.position[i];
    const dim = this.dim, coords = this.coords, stack = this.stack, lo = this.lo, hi = this.hi;
    const left = this.left, right = this.right, start = this.start, end = this.end;
    const q = qp * dim;
    let count = 0;
    let sp = 1;
    stack[0] = 0;
    while (sp > 0) {
      const node = stack[--sp];
      const b = node * dim;
      let inside = true;
      let disjoint = false;
      for (let c = 0; c < dim; c++) {
        const v = coords[q + c];
        const l = lo[b + c], h = hi[b + c];
        if (l - v >= r || v - h >= r) {
          disjoint = true;
          break;
        }
        if (v - l >= r || h - v >= r) inside = false;
      }
      if (disjoint) continue;
      if (inside) {
        count += end[node] - start[node];
        continue;
      }
      const lc = left[node];
      if (lc < 0) {
        const e = end[node];
        for (let j = start[node]; j < e; j++) {
          const jb = j * dim;
          let within = true;
          for (let c = 0; c < dim; c++) {
            let diff = coords[jb + c] - coords[q + c];
            if (diff < 0) diff = -diff;
            if (diff >= r) {
              within = false;
              break;
            }
          }
          if (within) count++;
        }
      } else {
        stack[sp++] = lc;
        stack[sp++] = right[node];
      }
    }
    return count - 1; // the query point itself is at distance 0 < r
  }
}

/**
 * Rearranges order[s..e] (inclusive) so that the point at position m has the m-th smallest
 * coordinate `axis`, smaller-or-equal ones before it and greater-or-equal ones after (Hoare's
 * selection with a median-of-three pivot).
 */
function selectNth(order: Int32Array, data: Float64Array, dim: number, axis: number, s: number, e: number, m: number): void {
  let left = s, right = e;
  while (left < right) {
    const mid = (left + right) >> 1;
    const a = data[order[left] * dim + axis], b = data[order[mid] * dim + axis], c = data[order[right] * dim + axis];
    const p = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left, j = right;
    while (i <= j) {
      while (data[order[i] * dim + axis] < p) i++;
      while (data[order[j] * dim + axis] > p) j--;
      if (i <= j) {
        const t = order[i]; order[i] = order[j]; order[j] = t;
        i++; j--;
      }
    }
    if (m <= j) right = j;
    else if (m >= i) left = i;
    else return;
  }
}

/** The O(N²) reference: scans every point for every query. */
export class BruteForceSpace implements KnnSpace {
  readonly queryOrder: Int32Array;
  private best: Float64Array = new Float64Array(8);

  constructor(private readonly points: PointSet) {
    this.queryOrder = new Int32Array(points.n);
    for (let i = 0; i < points.n; i++) this.queryOrder[i] = i;
  }

  kthDistance(i: number, K: number): number {
    const { data, n, dim } = this.points;
    if (this.best.length < K) this.best = new Float64Array(K);
    const best = this.best;
    best.fill(Infinity, 0, K);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let c = 0; c < dim; c++) {
        const diff = Math.abs(data[j * dim + c] - data[i * dim + c]);
        if (diff > d) d = diff;
      }
      if (d < best[K - 1]) {
        let p = K - 1;
        while (p > 0 && best[p - 1] > d) {
          best[p] = best[p - 1];
          p--;
        }
        best[p] = d;
      }
    }
    return best[K - 1];
  }

  countWithin(i: number, r: number): number {
    const { data, n, dim } = this.points;
    let count = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let d = 0;
      for (let c = 0; c < dim; c++) {
        const diff = Math.abs(data[j * dim + c] - data[i * dim + c]);
        if (diff > d) d = diff;
      }
      if (d < r) count++;
    }
    return count;
  }
}
