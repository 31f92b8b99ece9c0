/**
 * The browser benchmark's worker: the engine benchmark's cases (bench/reservoir.ts) and the LIF
 * network (bench/lif.ts) stepped inside a real browser Web Worker, with the WASM SIMD kernels,
 * two threads (a nested helper worker over shared memory), float32 and the plain-JS fallback.
 */
import '../../src/kinds/registry.ts';
import { jsKernels, Simulator, type CompileOptions } from '../../src/engine/index.ts';
import { sharedMemorySupported, wasmSimdSupported } from '../../src/engine/kernels/wasm/loader.ts';
import { ENGINE_CASES, VARIANTS, reservoirDocument } from '../reservoir.ts';
import { lifNetworkDocument } from '../lif.ts';
import { measureRate } from '../timing.ts';
import { runSpiking } from '../spiking-run.ts';
import { validateDocument } from '../../src/model/index.ts';
import brunelFull from '../../presets/brunel-full.json';

export interface BrowserBenchResult {
  env: { userAgent: string; crossOriginIsolated: boolean; wasmSimd: boolean; sharedMemory: boolean; hardwareConcurrency: number };
  cases: { case: string; stepsPerSec: Record<string, number>; threads: Record<string, number> }[];
  lif: { kernels: string; stepsPerSec: number; simulatedSecondsPerWallSecond: number }[];
  /** presets/brunel-full.json (12,500 LIF neurons, 15.6 M synapses) with the default kernels. */
  brunelFull: { compileSeconds: number; rateHz: number; simulatedSecondsPerWallSecond: number };
}

interface Scope {
  postMessage(data: unknown): void;
  /** `only: 'brunel-full'`: that case alone. */
  onmessage: ((e: MessageEvent<{ minSeconds: number; only?: string }>) => void) | null;
  crossOriginIsolated: boolean;
}
const scope = self as unknown as Scope;

async function rate(sim: Simulator, minSeconds: number): Promise<number> {
  await sim.program.whenReady();
  return measureRate((k) => sim.run(k), minSeconds).perSecond;
}

scope.onmessage = async (e) => {
  const { minSeconds, only } = e.data;
  const progress = (text: string) => scope.postMessage({ progress: text });
  const result: BrowserBenchResult = {
    env: {
      userAgent: navigator.userAgent,
      crossOriginIsolated: scope.crossOriginIsolated,
      wasmSimd: wasmSimdSupported(),
      sharedMemory: sharedMemorySupported(),
      hardwareConcurrency: navigator.hardwareConcurrency,
    },
    cases: [],
    lif: [],
    brunelFull: { compileSeconds: 0, rateHz: 0, simulatedSecondsPerWallSecond: 0 },
  };
  for (const { n, density } of only ? [] : ENGINE_CASES) {
    const doc = reservoirDocument(n, density);
    const row: BrowserBenchResult['cases'][number] = { case: `N=${n} ${density < 1 ? `${density * 100}% CSR` : 'dense'}`, stepsPerSec: {}, threads: {} };
    for (const [label, options] of VARIANTS) {
      const sim = Simulator.fromDocument(doc, options);
      row.stepsPerSec[label] = await rate(sim, minSeconds);
      row.threads[label] = sim.program.threads;
      sim.program.dispose();
    }
    result.cases.push(row);
    progress(`${row.case}: ${JSON.stringify(row.stepsPerSec)}`);
  }
  const lifDoc = lifNetworkDocument();
  const dt = lifDoc.dt;
  const lifVariants: [string, CompileOptions][] = [
    ['wasm-simd', {}],
    ['js', { kernels: jsKernels }],
  ];
  for (const [name, options] of only ? [] : lifVariants) {
    const sim = Simulator.fromDocument(lifDoc, options);
    sim.run(200);
    const stepsPerSec = measureRate((k) => sim.run(k), Math.max(1, minSeconds * 2), 100).perSecond;
    result.lif.push({ kernels: name, stepsPerSec, simulatedSecondsPerWallSecond: (stepsPerSec * dt) / 1000 });
    sim.program.dispose();
    progress(`LIF ${name}: ${stepsPerSec.toFixed(0)} steps/s`);
  }
  const brunel = validateDocument(brunelFull);
  if (!brunel.ok) throw new Error('presets/brunel-full.json does not validate');
  const t0 = performance.now();
  const full = Simulator.fromDocument(brunel.doc);
  await full.program.whenReady();
  result.brunelFull.compileSeconds = (performance.now() - t0) / 1000;
  const run = runSpiking(full, ['E', 'I'], Math.max(5, minSeconds * 10));
  result.brunelFull.simulatedSecondsPerWallSecond = run.simulatedSecondsPerWallSecond;
  result.brunelFull.rateHz = run.rateHz;
  full.program.dispose();
  progress(`brunel-full: ${result.brunelFull.simulatedSecondsPerWallSecond.toFixed(3)} simulated s / wall s`);
  scope.postMessage({ result });
};
