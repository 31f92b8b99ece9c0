/**
 * `npm run bench -- --only bptt`: epochs/s of truncated BPTT (issue #15) on a 100-unit tanh network,
 * 1,000 steps per epoch, truncation 20, Adam, against a numpy BPTT of the same network
 * (bench/numpy_bptt.py, Debian's /usr/bin/python3 with python3-numpy) in the same run.
 *
 * The same network: numpy starts from the engine's sampled weights, bias, initial W_out and the
 * engine's input and target series (passed in a JSON file), so both compute the same losses; the
 * bench prints how far the two loss curves are apart. Each side keeps its best of ROUNDS
 * interleaved rounds (this host is shared and noisy).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpttTrainer, isReadout, jsKernels, Simulator, type CompileOptions } from '../src/engine/index.ts';
import '../src/kinds/registry.ts';
import { validateDocument, type GraphDocument } from '../src/model/index.ts';
import { printTable } from './timing.ts';

const N = 100;
const STEPS = 1000;
const TRUNCATION = 20;
const LEARNING_RATE = 0.001;
/** Epochs per timed run (each side runs at least this many, for at least MIN_SECONDS). */
const EPOCHS = 5;
const MIN_SECONDS = 1;
const ROUNDS = 3;

export function bpttDocument(epochs: number): GraphDocument {
  const raw = {
    format: 'recurrence-graph',
    version: 1,
    title: 'bench bptt',
    seed: 1,
    nodes: [
      { id: 'u', kind: 'input', params: { signal: { type: 'delayed-copy', lag: 3 } } },
      { id: 'h', kind: 'rate', params: { size: N, activation: 'tanh' } },
      {
        id: 'out',
        kind: 'readout',
        params: {
          target: 'u.target',
          washout: 0,
          train: STEPS,
          test: 0,
          training: { method: 'bptt', optimizer: 'adam', learning_rate: LEARNING_RATE, epochs, truncation: TRUNCATION, loss: 'mse' },
        },
      },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'h', params: { weight: { type: 'uniform', low: -1, high: 1 } } },
      { id: 'rec', source: 'h', target: 'h', params: { delay: 1, weight: { type: 'normal' }, spectralRadius: 0.9 } },
      { id: 'ro', source: 'h', target: 'out' },
    ],
  };
  const r = validateDocument(raw);
  if (!r.ok) throw new Error('bench document invalid');
  return r.doc;
}

/** The engine's initial parameters and series, for numpy. */
function exportNetwork(doc: GraphDocument): object {
  const sim = Simulator.fromDocument(doc);
  const dense = (id: string) => {
    const w = sim.program.edges.find((e) => e.id === id)!.weights;
    if (w.format !== 'dense') throw new Error(`edge ${id} is not dense`);
    return Array.from(w.data);
  };
  const readout = sim.program.nodes.find(isReadout)!;
  const W_out = Array.from(readout.readout.weights);
  const b = Array.from(sim.program.nodeById.get('h')!.adjoint!.params[0].values);
  const u: number[] = [];
  const d: number[] = [];
  sim.run(STEPS, () => {
    u.push(sim.node('u').output[0]);
    d.push(readout.readout.target[0]);
  });
  sim.program.dispose();
  return { n: N, W: dense('rec'), W_in: dense('in'), b, W_out, u, d, steps: STEPS, truncation: TRUNCATION, learning_rate: LEARNING_RATE };
}

/** Epochs/s of the engine's trainer and its loss curve (after construction: the reset is not timed). */
function engineRate(options: CompileOptions): { epochsPerSecond: number; losses: number[] } {
  let epochs = EPOCHS;
  for (;;) {
    const sim = Simulator.fromDocument(bpttDocument(epochs), options);
    const trainer = new BpttTrainer(sim, { evaluate: false });
    const t0 = performance.now();
    trainer.runToEnd();
    const seconds = (performance.now() - t0) / 1000;
    trainer.dispose();
    sim.program.dispose();
    if (seconds >= MIN_SECONDS) return { epochsPerSecond: epochs / seconds, losses: trainer.lossCurve() };
    epochs = Math.ceil((epochs * MIN_SECONDS * 1.2) / Math.max(seconds, 1e-3));
  }
}

function python(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function numpyRate(paramsFile: string): { epochsPerSecond: number; losses: number[] } | null {
  const script = fileURLToPath(new URL('./numpy_bptt.py', import.meta.url));
  const r = spawnSync(python(), [script, paramsFile, String(EPOCHS), String(MIN_SECONDS)], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) return null;
  const out = JSON.parse(r.stdout.trim()) as { epochs_per_s: number; losses: number[] };
  return { epochsPerSecond: out.epochs_per_s, losses: out.losses };
}

export async function benchBptt({ json }: { json: boolean }): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'recurrence-bptt-'));
  const paramsFile = join(dir, 'network.json');
  writeFileSync(paramsFile, JSON.stringify(exportNetwork(bpttDocument(EPOCHS))));
  const best = { wasm: 0, js: 0, numpy: 0 };
  let wasmLosses: number[] = [];
  let numpyLosses: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const wasm = engineRate({});
      const js = engineRate({ kernels: jsKernels });
      const np = numpyRate(paramsFile);
      best.wasm = Math.max(best.wasm, wasm.epochsPerSecond);
      best.js = Math.max(best.js, js.epochsPerSecond);
      wasmLosses = wasm.losses;
      if (np) {
        best.numpy = Math.max(best.numpy, np.epochsPerSecond);
        numpyLosses = np.losses;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const compared = Math.min(wasmLosses.length, numpyLosses.length);
  let lossDifference = 0;
  for (let e = 0; e < compared; e++) lossDifference = Math.max(lossDifference, Math.abs(wasmLosses[e] - numpyLosses[e]) / numpyLosses[e]);
  const result = {
    network: `${N}-unit tanh, ${STEPS} steps per epoch, truncation ${TRUNCATION}, Adam`,
    epochsPerSecond: { wasm: best.wasm, js: best.js, numpy: best.numpy || null },
    ratioToNumpy: best.numpy ? { wasm: best.wasm / best.numpy, js: best.js / best.numpy } : null,
    lossCurveRelativeDifference: compared > 0 ? lossDifference : null,
    epochsCompared: compared,
  };
  if (!json) {
    const ratio = (x: number) => (best.numpy ? `${(x / best.numpy).toFixed(2)}×` : 'n/a');
    printTable(
      `BPTT: epochs/s (best of ${ROUNDS} interleaved rounds; load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} CPUs)`,
      ['network', 'WASM', 'JS', 'numpy', 'WASM/np', 'JS/np', 'goal', 'loss curves apart'],
      [
        [
          result.network,
          best.wasm.toFixed(1),
          best.js.toFixed(1),
          best.numpy ? best.numpy.toFixed(1) : 'n/a',
          ratio(best.wasm),
          ratio(best.js),
          '≥ 1.0× numpy',
          compared > 0 ? `${lossDifference.toExponential(1)} (relative, ${compared} epochs)` : 'n/a',
        ],
      ],
    );
  }
  return result;
}
