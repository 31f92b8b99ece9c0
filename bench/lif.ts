/**
 * LIF benchmark (issue 6): 10,000 LIF neurons with on average 100 recurrent synapses each
 * (connectivity 0.01, CSR), delta synapses with a 1.5 ms delay, dt = 0.1 ms, driven by a constant
 * suprathreshold current with random initial potentials (asynchronous firing, ≈ 30 Hz).
 * Figure: simulated seconds per wall second, three ways in one run on the same network:
 *  - event-driven delivery (the engine: only the columns of neurons that spiked are added), with
 *    the default kernels (WASM SIMD: state, LIF step and delivery in the kernels' memory);
 *  - the same with the plain-JS kernels (the fallback without WASM SIMD; same spikes);
 *  - a naive all-synapses loop (the same engine with a kernel that walks every synapse every step).
 * Both produce the same spikes; the ratio is the event-driven speed-up. Rates are given per wall
 * second and per CPU second of this process (the machines are shared; CPU time is steadier).
 */
import { jsKernels, Simulator, type Kernels } from '../src/engine/index.ts';
import { validateDocument, type GraphDocument } from '../src/model/index.ts';
import { formatRate, printTable } from './timing.ts';

const N = 10_000;
const SYNAPSES = 100;
const DT = 0.1;

export function lifNetworkDocument(n = N, synapses = SYNAPSES): GraphDocument {
  const r = validateDocument({
    format: 'recurrence-graph',
    version: 1,
    title: `bench: ${n} LIF neurons, ${synapses} synapses each`,
    seed: 1,
    dt: DT,
    nodes: [{ id: 'lif', kind: 'lif', params: { size: n, i_e: 1.6, init_v: { type: 'uniform', low: -65, high: -50 } } }],
    edges: [
      {
        id: 'rec',
        source: 'lif',
        target: 'lif',
        params: { delay: 15, synapse: { type: 'delta' }, weight: { type: 'normal', mean: -0.1, std: 0.5 }, connectivity: synapses / n },
      },
    ],
  });
  if (!r.ok) throw new Error(`bench document invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.doc;
}

/** The naive baseline: every synapse of every column, every step, spike or not. */
export const allSynapseKernels: Kernels = {
  ...jsKernels,
  name: 'js-all-synapses',
  eventMatVecAdd(colPtr, rowIdx, valIdx, values, cols, x, xOffset, out) {
    for (let j = 0; j < cols; j++) {
      const s = x[xOffset + j];
      for (let k = colPtr[j], end = colPtr[j + 1]; k < end; k++) out[rowIdx[k]] += values[valIdx ? valIdx[k] : k] * s;
    }
  },
};

interface Timing {
  steps: number;
  wallSeconds: number;
  cpuSeconds: number;
}

/** Runs chunks of steps until `minSeconds` of wall time have passed (after a warm-up chunk). */
function timeRun(sim: Simulator, minSeconds: number, chunk: number): Timing {
  sim.run(chunk);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let steps = 0;
  while (performance.now() - t0 < minSeconds * 1000) {
    sim.run(chunk);
    steps += chunk;
  }
  const cpu = process.cpuUsage(c0);
  return { steps, wallSeconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function rates(t: Timing) {
  return {
    stepsPerSec: t.steps / t.wallSeconds,
    simulatedSecondsPerWallSecond: (t.steps * DT) / 1000 / t.wallSeconds,
    simulatedSecondsPerCpuSecond: (t.steps * DT) / 1000 / t.cpuSeconds,
  };
}

export async function benchLif(opts: { json: boolean }): Promise<object> {
  const doc = lifNetworkDocument();
  const t0 = performance.now();
  const event = Simulator.fromDocument(doc);
  const compileSeconds = (performance.now() - t0) / 1000;
  const w = event.program.edges[0].weights;
  const synapseCount = w.format === 'csr' ? w.values.length : N * N;
  const check = 500; // the first 50 ms: spikes compared with the naive run below
  const trains: Float64Array[] = [];
  event.run(check, () => trains.push(Float64Array.from(event.node('lif').output)));
  const spikes = trains.reduce((sum, s) => sum + s.reduce((a, b) => a + b, 0), 0);
  const rateHz = spikes / N / (check * DT * 1e-3);
  // Timed alone first: a second network in the same process changes what the JIT sees.
  const eventRates = rates(timeRun(event, 3, 200));
  const kernelsName = event.program.kernels.name;
  event.program.dispose();

  const plain = Simulator.fromDocument(doc, { kernels: jsKernels });
  let plainSame = true;
  plain.run(check, (t) => {
    const s = plain.node('lif').output;
    for (let i = 0; i < N; i++) if (s[i] !== trains[t - 1][i]) plainSame = false;
  });
  const plainRates = rates(timeRun(plain, 3, 200));

  const naive = Simulator.fromDocument(doc, { kernels: allSynapseKernels });
  let same = true;
  naive.run(check, (t) => {
    const s = naive.node('lif').output;
    for (let i = 0; i < N; i++) if (s[i] !== trains[t - 1][i]) same = false;
  });
  const naiveRates = rates(timeRun(naive, 2, 10));
  const result = {
    neurons: N,
    synapses: synapseCount,
    synapsesPerNeuron: synapseCount / N,
    dtMs: DT,
    meanRateHz: rateHz,
    compileSeconds,
    sameSpikes: same && plainSame,
    kernels: kernelsName,
    eventDriven: eventRates,
    eventDrivenPlainJs: plainRates,
    kernelSpeedup: eventRates.simulatedSecondsPerCpuSecond / plainRates.simulatedSecondsPerCpuSecond,
    naiveAllSynapses: naiveRates,
    speedup: eventRates.simulatedSecondsPerCpuSecond / naiveRates.simulatedSecondsPerCpuSecond,
  };
  if (!opts.json) {
    printTable(
      `LIF network: ${N} neurons × ${result.synapsesPerNeuron.toFixed(1)} synapses, dt ${DT} ms, ${rateHz.toFixed(1)} Hz mean rate (same spikes every way: ${result.sameSpikes})`,
      ['delivery', 'steps/s (wall)', 'simulated s / wall s', 'simulated s / CPU s'],
      [
        ...(
          [
            [`event-driven, ${kernelsName} kernels`, result.eventDriven],
            ['event-driven, plain-JS kernels', result.eventDrivenPlainJs],
            ['naive all-synapses (JS)', result.naiveAllSynapses],
          ] as const
        ).map(([name, r]) => [
          name,
          formatRate(r.stepsPerSec),
          r.simulatedSecondsPerWallSecond.toFixed(3),
          r.simulatedSecondsPerCpuSecond.toFixed(3),
        ]),
        [`${kernelsName} / plain JS (CPU time)`, '', '', `${result.kernelSpeedup.toFixed(2)}×`],
        ['event-driven / naive (CPU time)', '', '', `${result.speedup.toFixed(1)}×`],
      ],
    );
  }
  return result;
}
