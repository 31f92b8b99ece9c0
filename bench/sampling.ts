/**
 * `npm run bench -- --only sampling`: drawing an edge's weights (issue 13 §1, the first step at the
 * documented limits), in Node. The WebAssembly sampler (kernels/wasm/sampling-wat.ts) against the
 * TypeScript reference loops it replaces — the same bits — on the size-limit edge's rule (normal
 * weights, p = 0.002) at 4 M and 20 M synapses, and on a fixed-indegree edge; then the whole
 * initialisation of the size-limit network (sampling, indices, copy into the kernels' memory).
 * Then the gap walks on one thread against two (a helper thread drawing the second half into shared
 * memory, sample-split.ts), and the size-limit initialisation both ways.
 * Each pair alternates the two paths over rounds, and the median round is reported with the load.
 */
import { cpus, loadavg } from 'node:os';
import { compile } from '../src/engine/compile/compile.ts';
import { sampleWeights, type WeightSpec } from '../src/engine/compile/sample-weights.ts';
import { SamplingThread, SPLIT_RESULT } from '../src/engine/compile/sampling-thread.ts';
import { countBound } from '../src/engine/compile/synapse-list.ts';
import { sharedStorage } from '../src/test-support/shared-storage.ts';
import { Rng } from '../src/engine/rng.ts';
import { validateDocument } from '../src/model/validate.ts';
import { atTheLimits } from './runtime.ts';
import { printTable } from './timing.ts';

const ROUNDS = Number(process.env.SAMPLING_BENCH_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Case {
  what: string;
  spec: WeightSpec;
  n: number;
}

const normal = { type: 'normal', mean: 0, std: 1 } as WeightSpec['init'];
const CASES: Case[] = [
  { what: 'normal, p 0.002, 44,721² (4 M synapses)', spec: { init: normal, connectivity: 0.002 }, n: 44_721 },
  { what: 'normal, p 0.002, 100,000² (20 M synapses)', spec: { init: normal, connectivity: 0.002, scale: 0.067 }, n: 100_000 },
  { what: 'normal, fixed indegree 200, 20,000² (4 M synapses)', spec: { init: normal, connectivity: { rule: 'fixed-indegree', k: 200 } } as WeightSpec, n: 20_000 },
];

export async function benchSampling(opts: { json: boolean }): Promise<object> {
  const rows = CASES.map((c) => {
    const ts: number[] = [];
    const wasm: number[] = [];
    let synapses = 0;
    for (let r = 0; r < ROUNDS; r++) {
      ts.push(timed(() => void sampleWeights(c.spec, c.n, c.n, new Rng(5, 'edge:rec'), true, undefined, { wasm: false })));
      wasm.push(
        timed(() => {
          const w = sampleWeights(c.spec, c.n, c.n, new Rng(5, 'edge:rec'), true);
          synapses = w.format === 'csr' ? w.values.length : w.data.length;
        }),
      );
    }
    return { what: c.what, synapses, tsMs: median(ts), wasmMs: median(wasm) };
  });
  // one thread against two (a helper drawing the second half into shared memory), alternating
  const thread = await SamplingThread.start();
  if (!thread) throw new Error('bench sampling: no helper thread could start');
  const splits = CASES.filter((c) => typeof c.spec.connectivity === 'number').map((c) => {
    const one: number[] = [];
    const two: number[] = [];
    const p = c.spec.connectivity as number;
    const bytes = 4 * (c.n + 1) + 12 * countBound(c.n * c.n, p);
    for (let r = 0; r < ROUNDS; r++) {
      one.push(timed(() => void sampleWeights(c.spec, c.n, c.n, new Rng(5, 'edge:rec'), true, undefined, { storage: sharedStorage(bytes) })));
      two.push(timed(() => void sampleWeights(c.spec, c.n, c.n, new Rng(5, 'edge:rec'), true, undefined, { storage: sharedStorage(bytes), thread })));
    }
    if (thread.lastResult !== SPLIT_RESULT.done) throw new Error(`bench sampling: the split of ${c.what} did not finish (${thread.lastResult})`);
    return { what: c.what, oneMs: median(one), twoMs: median(two) };
  });
  const check = validateDocument(atTheLimits());
  if (!check.ok) throw new Error('bench sampling: the size-limit document is invalid');
  const initialise: number[] = [];
  const initialiseTwo: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const samplingThread of [null, thread]) {
      const program = compile(check.doc, { threads: 2, samplingThread });
      await program.whenReady();
      (samplingThread ? initialiseTwo : initialise).push(timed(() => program.initialise(check.doc.seed)));
      program.dispose();
    }
  }
  thread.terminate();
  const initialiseMs = median(initialise);
  const initialiseTwoMs = median(initialiseTwo);
  const load = loadavg()[0].toFixed(2);
  if (!opts.json) {
    printTable(
      `Sampling an edge's weights in Node, median of ${ROUNDS} rounds (load average ${load}, ${cpus().length} CPUs)`,
      ['edge', 'synapses', 'TypeScript (ms)', 'WebAssembly (ms)', 'ns per synapse (WASM)', 'speed-up'],
      rows.map((r) => [r.what, r.synapses.toLocaleString('en'), r.tsMs.toFixed(0), r.wasmMs.toFixed(0), ((1e6 * r.wasmMs) / r.synapses).toFixed(1), (r.tsMs / r.wasmMs).toFixed(1)]),
    );
    printTable(
      `Sampling into shared memory on one thread and on two (the same bits), median of ${ROUNDS} rounds (load average ${load}, ${cpus().length} CPUs)`,
      ['edge', 'one thread (ms)', 'two threads (ms)', 'speed-up'],
      [
        ...splits.map((r) => [r.what, r.oneMs.toFixed(0), r.twoMs.toFixed(0), (r.oneMs / r.twoMs).toFixed(2)]),
        ['initialising the size-limit network (100,000 units, 20 M synapses)', initialiseMs.toFixed(0), initialiseTwoMs.toFixed(0), (initialiseMs / initialiseTwoMs).toFixed(2)],
      ],
    );
  }
  return { loadAverage: loadavg(), cases: rows, splits, initialiseMs, initialiseTwoMs };
}
