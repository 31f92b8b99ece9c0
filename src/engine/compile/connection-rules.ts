/**
 * Connection rules: which synapses of an n×m edge exist (n targets = rows, m sources = columns),
 * drawn from the edge's seeded stream before any weight value.
 *  - fixed-indegree k: every target receives exactly k synapses from distinct sources chosen
 *    uniformly (Brunel 2000's C_E, C_I; NEST's `fixed_indegree`);
 *  - fixed-outdegree k: every source makes exactly k synapses onto distinct targets;
 *  - fixed-total n: exactly n synapses, a uniformly random set of n distinct (target, source) pairs.
 * On a self-edge (source = target node) the pairs (i, i) are excluded unless `autapses` is true.
 * The rules' schema and feasibility checks are the document's (model/connection-rules.ts).
 * Draws: indegree — row by row, k draws of a partial Fisher–Yates shuffle of the m candidates
 * (Knuth 1997, TAOCP 2 §3.4.2, Algorithm P stopped after k steps); outdegree — the same column by
 * column; total — Floyd's algorithm (Bentley & Floyd 1987, CACM 30:754) over the pair indices, or
 * over the pairs left out when n exceeds half of them. Columns are sorted within each row.
 */
import type { Rng } from '../rng.ts';
import { connectionRuleProblem, excludesDiagonal, type ConnectionRule } from '../../model/index.ts';

/** The existing synapses as a CSR pattern (no values). */
export interface SynapsePattern {
  rows: number;
  cols: number;
  rowPtr: Int32Array;
  colIdx: Int32Array;
}

export class ConnectionRuleError extends Error {}

export function sampleConnections(rule: ConnectionRule, rows: number, cols: number, selfEdge: boolean, rng: Rng): SynapsePattern {
  const problem = connectionRuleProblem(rule, rows, cols, selfEdge);
  if (problem) throw new ConnectionRuleError(problem);
  const noDiag = excludesDiagonal(rule, selfEdge);
  switch (rule.rule) {
    case 'fixed-indegree':
      return fixedPerLine(rule.k, rows, cols, noDiag, rng);
    case 'fixed-outdegree':
      return transpose(fixedPerLine(rule.k, cols, rows, noDiag, rng));
    case 'fixed-total':
      return fixedTotal(rule.n, rows, cols, noDiag, rng);
  }
}

/** `lines` lines (rows) of k distinct entries out of `width`, line i without entry i when `noDiag`. */
function fixedPerLine(k: number, lines: number, width: number, noDiag: boolean, rng: Rng): SynapsePattern {
  // pool: a permutation of the candidates; where[j]: the position of candidate j in it.
  const pool = new Int32Array(width);
  const where = new Int32Array(width);
  for (let j = 0; j < width; j++) pool[j] = where[j] = j;
  const swap = (a: number, b: number) => {
    const x = pool[a];
    const y = pool[b];
    pool[a] = y;
    pool[b] = x;
    where[y] = a;
    where[x] = b;
  };
  const rowPtr = new Int32Array(lines + 1);
  const colIdx = new Int32Array(lines * k);
  for (let i = 0; i < lines; i++) {
    // Candidates are pool[0 … size−1]; on a self-edge entry i is first moved out of reach.
    let size = width;
    if (noDiag && i < width) {
      swap(where[i], width - 1);
      size = width - 1;
    }
    const base = i * k;
    for (let s = 0; s < k; s++) {
      swap(s, s + rng.int(size - s));
      colIdx[base + s] = pool[s];
    }
    colIdx.subarray(base, base + k).sort();
    rowPtr[i + 1] = base + k;
  }
  return { rows: lines, cols: width, rowPtr, colIdx };
}

/** The transposed pattern (counting sort by column; columns stay sorted within each new row). */
function transpose(p: SynapsePattern): SynapsePattern {
  const rowPtr = new Int32Array(p.cols + 1);
  for (let k = 0; k < p.colIdx.length; k++) rowPtr[p.colIdx[k] + 1]++;
  for (let j = 0; j < p.cols; j++) rowPtr[j + 1] += rowPtr[j];
  const next = rowPtr.slice(0, p.cols);
  const colIdx = new Int32Array(p.colIdx.length);
  for (let i = 0; i < p.rows; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) colIdx[next[p.colIdx[k]]++] = i;
  }
  return { rows: p.cols, cols: p.rows, rowPtr, colIdx };
}

/** n distinct pairs of rows × cols (without (i, i) when `noDiag`), row-major. */
function fixedTotal(n: number, rows: number, cols: number, noDiag: boolean, rng: Rng): SynapsePattern {
  // Pairs are numbered 0 … total−1 row by row; with noDiag each row i < cols has cols − 1 of them.
  const perRow = noDiag ? cols - 1 : cols;
  const diagRows = noDiag ? Math.min(rows, cols) : 0;
  const total = diagRows * perRow + (rows - diagRows) * cols;
  const complement = n > total / 2;
  const chosen = floyd(complement ? total - n : n, total, rng);
  const indices = new Float64Array(n);
  if (complement) {
    let c = 0;
    let w = 0;
    for (let x = 0; x < total; x++) {
      if (c < chosen.length && chosen[c] === x) c++;
      else indices[w++] = x;
    }
  } else indices.set(chosen);
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(n);
  const diagPairs = diagRows * perRow;
  for (let s = 0; s < n; s++) {
    const x = indices[s];
    let i: number;
    let j: number;
    if (x < diagPairs) {
      i = Math.floor(x / perRow);
      const c = x - i * perRow;
      j = c < i ? c : c + 1;
    } else {
      const y = x - diagPairs;
      i = diagRows + Math.floor(y / cols);
      j = y - (i - diagRows) * cols;
    }
    colIdx[s] = j;
    rowPtr[i + 1]++;
  }
  for (let i = 0; i < rows; i++) rowPtr[i + 1] += rowPtr[i];
  return { rows, cols, rowPtr, colIdx };
}

/** Floyd's algorithm: `count` distinct integers of [0, total), uniformly, returned sorted. */
function floyd(count: number, total: number, rng: Rng): Float64Array {
  const taken = new Set<number>();
  for (let j = total - count; j < total; j++) {
    const t = Math.floor(rng.uniform() * (j + 1));
    taken.add(taken.has(t) ? j : t);
  }
  return Float64Array.from(taken).sort();
}
