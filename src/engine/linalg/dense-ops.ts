/**
 * A workspace of doubles with the dense kernels the eigenvalue routine spends its time in: a
 * matrix product update C −= A·B (two loop orders), a matrix–vector product and chained
 * double-shift QR sweeps. Where WebAssembly
 * SIMD runs, the workspace is a `WebAssembly.Memory` and the kernels are those of
 * src/engine/kernels/wasm/linalg-wat.ts; elsewhere the plain-JS twins below run on an ordinary
 * array. Both perform the same IEEE operations in the same order (see linalg-wat.ts), so results
 * are bit-identical in Node, in a browser worker and in the JS fallback.
 *
 * Offsets and leading dimensions are in elements of `mem`; matrices are row-major.
 */
import { instantiateLinalg } from '../kernels/wasm/loader.ts';
import { chainedSweeps } from './francis.ts';

export interface DenseOps {
  /** The workspace. */
  readonly mem: Float64Array;
  /** Whether the WASM SIMD kernels run (false: the plain-JS twins). */
  readonly simd: boolean;
  /** C[i, j] −= Σ_p A[i, p]·B[p, j] for i < m, j < n, p < k; row by row (C much taller than B). */
  gemmRows(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, n: number, k: number): void;
  /** The same update, bit for bit, four rows of B at a time over all rows of C (C small, k long). */
  gemmPanel(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, n: number, k: number): void;
  /** y[r] = Σ_c A[r, c]·x[c] for r < rows, c < cols. */
  matvec(a: number, lda: number, rows: number, cols: number, x: number, y: number): void;
  /**
   * Double-shift QR sweeps over the block [l, hi] of the matrix at `a` (row stride ld),
   * eigenvalues only, as one chain of `bulges` bulges with shift sums and products stored at
   * `sums` and `products` (francis.ts, chainedSweeps).
   */
  chainSweep(a: number, ld: number, l: number, hi: number, sums: number, products: number, bulges: number): void;
}

/** One row of C −= (four rows of B scaled by a0..a3), in the kernels' order. */
function rowUpdate4(m: Float64Array, c: number, a0: number, a1: number, a2: number, a3: number, b0: number, b1: number, b2: number, b3: number, n: number): void {
  for (let j = 0; j < n; j++) m[c + j] -= a0 * m[b0 + j] + a1 * m[b1 + j] + a2 * m[b2 + j] + a3 * m[b3 + j];
}

function rowUpdate1(m: Float64Array, c: number, a0: number, b0: number, n: number): void {
  for (let j = 0; j < n; j++) m[c + j] -= a0 * m[b0 + j];
}

/** The plain-JS kernels over `mem`. */
export function jsDenseOps(mem: Float64Array): DenseOps {
  return {
    mem,
    simd: false,
    gemmRows(c, ldc, a, lda, b, ldb, m, n, k) {
      const k4 = k & ~3;
      for (let i = 0; i < m; i++) {
        const ci = c + i * ldc;
        const ai = a + i * lda;
        let p = 0;
        for (; p < k4; p += 4) {
          const bp = b + p * ldb;
          rowUpdate4(mem, ci, mem[ai + p], mem[ai + p + 1], mem[ai + p + 2], mem[ai + p + 3], bp, bp + ldb, bp + 2 * ldb, bp + 3 * ldb, n);
        }
        for (; p < k; p++) rowUpdate1(mem, ci, mem[ai + p], b + p * ldb, n);
      }
    },
    gemmPanel(c, ldc, a, lda, b, ldb, m, n, k) {
      const k4 = k & ~3;
      let p = 0;
      for (; p < k4; p += 4) {
        const bp = b + p * ldb;
        for (let i = 0; i < m; i++) {
          const ai = a + i * lda + p;
          rowUpdate4(mem, c + i * ldc, mem[ai], mem[ai + 1], mem[ai + 2], mem[ai + 3], bp, bp + ldb, bp + 2 * ldb, bp + 3 * ldb, n);
        }
      }
      for (; p < k; p++) {
        for (let i = 0; i < m; i++) rowUpdate1(mem, c + i * ldc, mem[a + i * lda + p], b + p * ldb, n);
      }
    },
    matvec(a, lda, rows, cols, x, y) {
      const c4 = cols & ~3;
      for (let r = 0; r < rows; r++) {
        const ar = a + r * lda;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let c = 0;
        for (; c < c4; c += 4) {
          s0 += mem[ar + c] * mem[x + c];
          s1 += mem[ar + c + 1] * mem[x + c + 1];
          s2 += mem[ar + c + 2] * mem[x + c + 2];
          s3 += mem[ar + c + 3] * mem[x + c + 3];
        }
        let acc = (s0 + s2) + (s1 + s3);
        for (; c < cols; c++) acc += mem[ar + c] * mem[x + c];
        mem[y + r] = acc;
      }
    },
    chainSweep(a, ld, l, hi, sums, products, bulges) {
      chainedSweeps(mem.subarray(a), ld, l, hi, mem.subarray(sums, sums + bulges), mem.subarray(products, products + bulges));
    },
  };
}

const PAGE = 65536;

/**
 * A workspace of `doubles` zeros with the fastest kernels available here (`simd: false` forces
 * the JS twins, for tests and benchmarks).
 */
export function denseWorkspace(doubles: number, options: { simd?: boolean } = {}): DenseOps {
  if (options.simd !== false) {
    const pages = Math.max(1, Math.ceil((doubles * 8) / PAGE));
    let memory: WebAssembly.Memory | null;
    try {
      memory = typeof WebAssembly === 'object' ? new WebAssembly.Memory({ initial: pages }) : null;
    } catch {
      memory = null;
    }
    const k = memory ? instantiateLinalg(memory) : null;
    if (memory && k) {
      const mem = new Float64Array(memory.buffer, 0, doubles);
      return {
        mem,
        simd: true,
        gemmRows: (c, ldc, a, lda, b, ldb, m, n, kk) => k.gemm_rows(8 * c, ldc, 8 * a, lda, 8 * b, ldb, m, n, kk),
        gemmPanel: (c, ldc, a, lda, b, ldb, m, n, kk) => k.gemm_panel(8 * c, ldc, 8 * a, lda, 8 * b, ldb, m, n, kk),
        matvec: (a, lda, rows, cols, x, y) => k.matvec(8 * a, lda, rows, cols, 8 * x, 8 * y),
        chainSweep: (a, ld, l, hi, sums, products, bulges) => k.chain_sweep(8 * a, ld, l, hi, 8 * sums, 8 * products, bulges),
      };
    }
    if (options.simd === true) throw new Error('denseWorkspace: WASM SIMD kernels are not available here');
  }
  return jsDenseOps(new Float64Array(doubles));
}
