/**
 * Strongly connected components of a square matrix's sparsity graph.
 */
import { isCsr } from './csr.ts';
import type { AnyMatrix } from './types.ts';

export interface Components {
  /** Number of strongly connected components. */
  count: number;
  /** Component label (0 … count-1) of each row/column index. */
  label: Int32Array;
}

/**
 * Strongly connected components of the directed graph with an edge i → j for every nonzero
 * off-diagonal entry a_ij, by Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear
 * graph algorithms", SIAM J. Comput. 1), written iteratively. Permuting a matrix so that its
 * components are contiguous gives a block-triangular matrix (the Frobenius normal form), whose
 * eigenvalues are those of its diagonal blocks. O(n + nnz) for CSR, O(n²) for dense.
 */
export function stronglyConnectedComponents(m: AnyMatrix): Components {
  const n = m.rows;
  if (m.cols !== n) throw new Error(`stronglyConnectedComponents: matrix must be square, got ${m.rows}x${m.cols}`);
  let start: (i: number) => number;
  let end: (i: number) => number;
  let target: (i: number, c: number) => number;
  if (isCsr(m)) {
    const { rowPtr, colIdx, values } = m;
    start = (i) => rowPtr[i];
    end = (i) => rowPtr[i + 1];
    target = (i, c) => (values[c] !== 0 && colIdx[c] !== i ? colIdx[c] : -1);
  } else {
    const { data } = m;
    start = () => 0;
    end = () => n;
    target = (i, c) => (c !== i && data[i * n + c] !== 0 ? c : -1);
  }
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let sp = 0;
  const callV = new Int32Array(n);
  const callC = new Int32Array(n);
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callV[0] = root;
    callC[0] = start(root);
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth];
      let c = callC[depth];
      const e = end(v);
      let descended = false;
      while (c < e) {
        const w = target(v, c);
        c++;
        if (w < 0) continue;
        if (index[w] === -1) {
          callC[depth] = c;
          depth++;
          callV[depth] = w;
          callC[depth] = start(w);
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          descended = true;
          break;
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          label[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { count, label };
}
