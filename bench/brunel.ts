/**
 * `npm run bench -- --only brunel-full`: how fast Brunel's (2000) network runs at full scale
 * (presets/brunel-full.json: 12,500 LIF neurons, 15.6 million synapses, Poisson drive, dt = 0.1 ms)
 * in Node, as simulated seconds per wall second and per CPU second of this process, beside the
 * five-fold scaled `brunel` preset measured in the same run (the baseline: the machines are shared,
 * compare ratios), then in the browser benchmark's Chromium worker (bench/browser.ts). Compile
 * time (sampling the fixed in-degree connections) is reported apart.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Simulator } from '../src/engine/index.ts';
import { parseDocumentText } from '../src/model/index.ts';
import { load1 } from './python.ts';
import { printTable } from './timing.ts';
import { runSpiking } from './spiking-run.ts';

function preset(name: string) {
  const text = readFileSync(fileURLToPath(new URL(`../presets/${name}.json`, import.meta.url)), 'utf8');
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`preset ${name} does not validate`);
  return parsed.doc;
}

interface BrunelTiming {
  preset: string;
  neurons: number;
  synapses: number;
  compileSeconds: number;
  rateHz: number;
  simulatedSecondsPerWallSecond: number;
  simulatedSecondsPerCpuSecond: number;
  load1: number;
}

/** Compiles a preset, runs a 50 ms warm-up, then steps for at least `minSeconds` of wall time. */
function timePreset(name: string, minSeconds: number): BrunelTiming {
  const doc = preset(name);
  const t0 = performance.now();
  const sim = Simulator.fromDocument(doc);
  const compileSeconds = (performance.now() - t0) / 1000;
  const synapses = sim.program.edges.reduce((s, e) => s + (e.weights.format === 'csr' ? e.weights.values.length : e.rows * e.cols), 0);
  sim.run(500); // warm-up (50 ms of brunel-full), outside the CPU time
  const c0 = process.cpuUsage();
  const run = runSpiking(sim, ['E', 'I'], minSeconds, 0);
  const cpu = process.cpuUsage(c0);
  const neurons = sim.node('E').size + sim.node('I').size;
  sim.program.dispose();
  const simulated = (run.steps * doc.dt) / 1000;
  return {
    preset: name,
    neurons,
    synapses,
    compileSeconds,
    rateHz: run.rateHz,
    simulatedSecondsPerWallSecond: run.simulatedSecondsPerWallSecond,
    simulatedSecondsPerCpuSecond: simulated / ((cpu.user + cpu.system) / 1e6),
    load1: load1(),
  };
}

export async function benchBrunel(opts: { json: boolean }): Promise<object> {
  const baseline = timePreset('brunel', 5);
  const full = timePreset('brunel-full', 10);
  // the same preset in the browser benchmark's Chromium worker (as the app runs it)
  const { benchBrowser } = await import('./browser.ts');
  const browser = (await benchBrowser({ json: true, only: 'brunel-full' })) as { brunelFull: { compileSeconds: number; rateHz: number; simulatedSecondsPerWallSecond: number } };
  const chromium = { ...browser.brunelFull, load1: load1() };
  const result = { baseline, full, chromium, fullOverBaseline: full.simulatedSecondsPerCpuSecond / baseline.simulatedSecondsPerCpuSecond };
  if (!opts.json) {
    printTable(
      'Brunel 2000 model A in Node: full scale against the five-fold scaled preset',
      ['preset', 'neurons', 'synapses', 'compile s', 'rate Hz', 'simulated s / wall s', 'simulated s / CPU s', 'load (1 min)'],
      [baseline, full].map((r) => [
        r.preset,
        r.neurons,
        r.synapses,
        r.compileSeconds.toFixed(1),
        r.rateHz.toFixed(1),
        r.simulatedSecondsPerWallSecond.toFixed(3),
        r.simulatedSecondsPerCpuSecond.toFixed(3),
        r.load1.toFixed(1),
      ]),
    );
    console.log(`full / scaled (per CPU s): ${result.fullOverBaseline.toFixed(3)}`);
    printTable(
      'brunel-full in a Chromium worker (bench/browser, WASM SIMD kernels)',
      ['compile s', 'rate Hz', 'simulated s / wall s', 'Chromium / Node (wall)', 'load (1 min)'],
      [[chromium.compileSeconds.toFixed(1), chromium.rateHz.toFixed(1), chromium.simulatedSecondsPerWallSecond.toFixed(3), (chromium.simulatedSecondsPerWallSecond / full.simulatedSecondsPerWallSecond).toFixed(2), chromium.load1.toFixed(1)]],
    );
  }
  return result;
}
