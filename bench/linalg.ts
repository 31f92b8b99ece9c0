/**
 * Linear-algebra benchmark (`npm run bench -- --only linalg`).
 *
 * 1. All eigenvalues, ours (`eigenvalues`, WASM SIMD kernels; the plain-JS fallback once per case)
 *    against numpy.linalg.eigvals (LAPACK dgeev without vectors, through Debian's
 *    /usr/bin/python3) on the same matrices (written to a file, read by bench/numpy_eigvals.py):
 *    dense random reservoirs with ρ ≈ 0.95 at n = 100, 500, 1000 and ALL_EIGENVALUES_LIMIT (1,500,
 *    the largest the panel computes whole) and a 2 %-sparse n = 1000 one.
 *    numpy runs with its default BLAS threads (OpenBLAS: one per CPU) and with one. Each figure
 *    is the best of ROUNDS interleaved rounds, each round's load average printed; the goal is
 *    ours ≤ 3× numpy with default threads.
 * 2. spectralRadius (dense QR or Arnoldi) wall times, for reference.
 * `npm run bench -- --only slices` (benchSlices): the leading eigenvalues (Arnoldi, as the
 * Eigenvalues panel asks above ALL_EIGENVALUES_LIMIT) and the spectral radius run at once (their
 * slices drained, as the CLI does) against the same slices run as the analysis worker runs them
 * (spectra.ts: a job of a Pacer at full pace that awaits its rest, a task of the event loop, after
 * every slice), interleaved, best of SLICED_ROUNDS in wall and in CPU time: the sliced form
 * should cost no more than a few per cent.
 * Nothing else of the bench runs meanwhile (no workers: the eigenvalue routine is one thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import {
  ALL_EIGENVALUES_LIMIT,
  denseToCsr,
  eigenvalues,
  leadingEigenvalues,
  leadingEigenvalueSlices,
  spectralRadiusReport,
  spectralRadiusSlices,
  type AnyMatrix,
  type CsrMatrix,
  type DenseMatrix,
} from '../src/engine/linalg/index.ts';
import { LEADING_EIGENVALUES } from '../src/engine/worker/analysis-protocol.ts';
import { pacedJob, Pacer } from '../src/engine/worker/job.ts';
import { radiusOf, spectrumOf } from '../src/engine/worker/spectra.ts';
import { mulberry32 } from '../src/measures/random.ts';
import { blasThreads, load1, runNumpy } from './python.ts';
import { printTable, timeBoth, timeMs } from './timing.ts';

const ROUNDS = 3;

/** Reservoir-style matrix: i.i.d. normal entries at the given density, scaled to spectral radius ≈ rho. */
function reservoir(n: number, density: number, seed: number, rho = 1): DenseMatrix {
  const rnd = mulberry32(seed);
  const data = new Float64Array(n * n);
  const scale = rho / Math.sqrt(density * n);
  for (let k = 0; k < n * n; k++) {
    if (density >= 1 || rnd() < density) {
      data[k] = scale * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    }
  }
  return { rows: n, cols: n, data };
}

interface NumpyEig {
  seconds: number;
  trace_error: number;
  blas: string;
  threads: number;
}

export interface EigenvalueBenchRow {
  case: string;
  n: number;
  density: number;
  /** Best wall milliseconds: ours (WASM SIMD), ours with the JS kernels, numpy (default threads, one thread). */
  oursMs: number;
  oursJsMs: number;
  numpyMs: number | null;
  numpy1Ms: number | null;
  numpyThreads: number | null;
  /** ours / numpy (default threads) and ours / numpy (one thread). */
  ratio: number | null;
  ratio1: number | null;
  /** |Σλ − trace| of ours. */
  traceError: number;
  /** 1-minute load average before each round. */
  loads: number[];
}

function traceError(m: DenseMatrix, re: Float64Array): number {
  let tr = 0;
  let sum = 0;
  for (let i = 0; i < m.rows; i++) tr += m.data[i * m.rows + i];
  for (const x of re) sum += x;
  return Math.abs(sum - tr);
}

function benchEigenvalues(): { rows: EigenvalueBenchRow[]; blas: string | null } {
  const script = fileURLToPath(new URL('./numpy_eigvals.py', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'recurrence-linalg-'));
  const rows: EigenvalueBenchRow[] = [];
  let blas: string | null = null;
  try {
    const cases = [
      { n: 100, density: 1, repeats: 5 },
      { n: 500, density: 1, repeats: 2 },
      { n: 1000, density: 1, repeats: 1 },
      { n: 1000, density: 0.02, repeats: 1 },
      // the largest matrix the Eigenvalues panel computes whole (above it: the leading ones)
      { n: ALL_EIGENVALUES_LIMIT, density: 1, repeats: 1 },
    ];
    for (const c of cases) {
      const m = reservoir(c.n, c.density, c.n + 7, 0.95);
      const file = join(dir, `m${c.n}-${c.density}.f64`);
      writeFileSync(file, new Uint8Array(m.data.buffer));
      let ours = Infinity;
      let np: number | null = null;
      let np1: number | null = null;
      let threads: number | null = null;
      const loads: number[] = [];
      let re: Float64Array = new Float64Array(0);
      for (let round = 0; round < ROUNDS; round++) {
        loads.push(load1());
        ours = Math.min(ours, timeMs(() => void (re = eigenvalues(m).re), c.repeats));
        const d = runNumpy<NumpyEig>(script, [file, String(c.n), String(c.repeats)]);
        const d1 = runNumpy<NumpyEig>(script, [file, String(c.n), String(c.repeats)], blasThreads(1));
        if (d) {
          np = Math.min(np ?? Infinity, d.seconds * 1000);
          threads = d.threads;
          blas = d.blas;
        }
        if (d1) np1 = Math.min(np1 ?? Infinity, d1.seconds * 1000);
      }
      const oursJs = timeMs(() => void eigenvalues(m, { simd: false }), 1);
      rows.push({
        case: `${c.density < 1 ? `${c.density * 100}% sparse` : 'dense'} n=${c.n}`,
        n: c.n,
        density: c.density,
        oursMs: ours,
        oursJsMs: oursJs,
        numpyMs: np,
        numpy1Ms: np1,
        numpyThreads: threads,
        ratio: np ? ours / np : null,
        ratio1: np1 ? ours / np1 : null,
        traceError: traceError(m, re),
        loads,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, blas };
}

export interface LinalgBenchRow {
  n: number;
  layout: 'dense' | 'csr';
  density: number;
  ms: number;
  radius: number;
  method: string;
  matVecs: number;
}

function benchSpectralRadius(): LinalgBenchRow[] {
  const rows: LinalgBenchRow[] = [];
  const radiusCases: Array<{ n: number; density: number; layout: 'dense' | 'csr'; repeats: number }> = [
    { n: 100, density: 1, layout: 'dense', repeats: 5 },
    { n: 1000, density: 1, layout: 'dense', repeats: 2 },
    { n: 4000, density: 0.01, layout: 'csr', repeats: 2 },
  ];
  for (const c of radiusCases) {
    const d = reservoir(c.n, c.density, c.n);
    const m: DenseMatrix | CsrMatrix = c.layout === 'csr' ? denseToCsr(d) : d;
    let rep = spectralRadiusReport(m);
    const ms = timeMs(() => {
      rep = spectralRadiusReport(m);
    }, c.repeats);
    rows.push({ n: c.n, layout: c.layout, density: c.density, ms, radius: rep.radius, method: rep.method, matVecs: rep.matVecs });
  }
  return rows;
}

const SLICED_ROUNDS = 5;

export interface SlicedBenchRow {
  case: string;
  /** Best wall and CPU milliseconds at once (slices drained) and sliced as the analysis worker runs them. */
  onceMs: number;
  slicedMs: number;
  onceCpuMs: number;
  slicedCpuMs: number;
  /** sliced / at once, wall and CPU. */
  ratio: number;
  cpuRatio: number;
  /** Slices (rests of the worker's job). */
  slices: number;
  loads: number[];
}

/** Best wall and CPU milliseconds of `repeats` awaited calls (CPU: process.cpuUsage, user + system). */
async function timeBothAsync(fn: () => Promise<unknown>, repeats: number): Promise<{ wallMs: number; cpuMs: number }> {
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wallMs = Math.min(wallMs, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { wallMs, cpuMs };
}

async function benchSliced(): Promise<SlicedBenchRow[]> {
  const rows: SlicedBenchRow[] = [];
  const count = (slices: Generator<number, unknown, void>) => {
    let k = 0;
    while (!slices.next().done) k++;
    return k;
  };
  const sparse = (n: number, density: number) => denseToCsr(reservoir(n, density, n + 11, 0.95));
  const cases: Array<{ case: string; m: AnyMatrix; kind: 'leading' | 'radius'; repeats: number }> = [
    { case: `leading ${LEADING_EIGENVALUES}, 1 % CSR n=2000`, m: sparse(2000, 0.01), kind: 'leading', repeats: 1 },
    { case: `leading ${LEADING_EIGENVALUES}, 2 % CSR n=1600`, m: sparse(1600, 0.02), kind: 'leading', repeats: 1 },
    { case: 'radius, dense n=1000', m: reservoir(1000, 1, 1000, 0.95), kind: 'radius', repeats: 1 },
    { case: 'radius, 1 % CSR n=4000', m: sparse(4000, 0.01), kind: 'radius', repeats: 1 },
  ];
  for (const c of cases) {
    const once = c.kind === 'leading' ? () => void leadingEigenvalues(c.m, LEADING_EIGENVALUES) : () => void spectralRadiusReport(c.m);
    const pacer = new Pacer();
    const sliced = () => pacedJob<unknown>(pacer, undefined, (job) => (c.kind === 'leading' ? spectrumOf('w', c.m, 0, LEADING_EIGENVALUES, job) : radiusOf(c.m, job)));
    // one untimed run of each first: the code's optimised state after it serves both forms
    // (a first run alone, before the other form ever ran, can be faster than either steady state)
    once();
    await sliced();
    const best = { onceMs: Infinity, slicedMs: Infinity, onceCpuMs: Infinity, slicedCpuMs: Infinity };
    const loads: number[] = [];
    for (let round = 0; round < SLICED_ROUNDS; round++) {
      loads.push(load1());
      const a = timeBoth(once, c.repeats);
      const b = await timeBothAsync(sliced, c.repeats);
      best.onceMs = Math.min(best.onceMs, a.wallMs);
      best.onceCpuMs = Math.min(best.onceCpuMs, a.cpuMs);
      best.slicedMs = Math.min(best.slicedMs, b.wallMs);
      best.slicedCpuMs = Math.min(best.slicedCpuMs, b.cpuMs);
    }
    const slices = count(c.kind === 'leading' ? leadingEigenvalueSlices(c.m, LEADING_EIGENVALUES) : spectralRadiusSlices(c.m));
    rows.push({ case: c.case, ...best, ratio: best.slicedMs / best.onceMs, cpuRatio: best.slicedCpuMs / best.onceCpuMs, slices, loads });
  }
  return rows;
}

/** The leading eigenvalues and the spectral radius at once and sliced as the analysis worker runs them. */
export async function benchSlices(opts: { json: boolean }): Promise<object> {
  const sliced = await benchSliced();
  if (!opts.json) {
    printTable(
      `Leading eigenvalues and spectral radius: at once vs sliced as the analysis worker runs them (a rest after every slice), best of ${SLICED_ROUNDS} interleaved rounds, ms`,
      ['case', 'at once', 'sliced', 'sliced/once', 'CPU once', 'CPU sliced', 'CPU ratio', 'slices', 'load avg'],
      sliced.map((r) => [
        r.case,
        r.onceMs.toFixed(1),
        r.slicedMs.toFixed(1),
        r.ratio.toFixed(3),
        r.onceCpuMs.toFixed(1),
        r.slicedCpuMs.toFixed(1),
        r.cpuRatio.toFixed(3),
        r.slices,
        r.loads.map((l) => l.toFixed(1)).join(' '),
      ]),
    );
  }
  return { sliced };
}

export async function benchLinalg(opts: { json: boolean }): Promise<object> {
  const eig = benchEigenvalues();
  const radius = benchSpectralRadius();
  if (!opts.json) {
    const fmt = (x: number | null, d = 2) => (x === null ? 'n/a' : x.toFixed(d));
    printTable(
      `All eigenvalues: ours vs numpy.linalg.eigvals (${eig.blas ?? 'numpy not found at /usr/bin/python3'}), best of ${ROUNDS} interleaved rounds, ms; ${availableParallelism()} CPUs; goal ours ≤ 3× numpy (default threads)`,
      ['case', 'ours', 'ours JS', 'numpy', 'np threads', 'numpy 1thr', 'ours/np', 'ours/np1', '|Σλ−tr|', 'load avg'],
      eig.rows.map((r) => [
        r.case,
        r.oursMs.toFixed(1),
        r.oursJsMs.toFixed(1),
        fmt(r.numpyMs, 1),
        r.numpyThreads ?? 'n/a',
        fmt(r.numpy1Ms, 1),
        fmt(r.ratio),
        fmt(r.ratio1),
        r.traceError.toExponential(1),
        r.loads.map((l) => l.toFixed(1)).join(' '),
      ]),
    );
    printTable(
      'spectralRadius: wall time (best of runs)',
      ['n', 'layout', 'density', 'ms', 'rho', 'method', 'matvecs'],
      radius.map((r) => [r.n, r.layout, r.density, r.ms.toFixed(1), r.radius.toFixed(6), r.method, r.matVecs]),
    );
  }
  return { eigenvalues: eig.rows, blas: eig.blas, spectralRadius: radius };
}
