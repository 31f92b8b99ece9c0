/**
 * Engine benchmark: steps/s of a leaky-tanh reservoir x = (1−a)x + a·tanh(Wx + W_in·u + b)
 * for N = 100, 1000, 4000, dense and 10 % sparse, three ways in one run:
 *  - the engine (compiled document, current kernels),
 *  - a naive JS baseline (nested number[][] loops, no typed arrays),
 *  - numpy stepping the same network, when python3 with numpy is present.
 * Figures are steps/s and ratios against the baselines measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Simulator } from '../src/engine/index.ts';
import { validateDocument, type GraphDocument } from '../src/model/index.ts';
import { formatRate, measureRate, printTable } from './timing.ts';

export interface EngineCase {
  n: number;
  density: number;
}

export const ENGINE_CASES: EngineCase[] = [
  { n: 100, density: 1 },
  { n: 100, density: 0.1 },
  { n: 1000, density: 1 },
  { n: 1000, density: 0.1 },
  { n: 4000, density: 1 },
  { n: 4000, density: 0.1 },
];

export function reservoirDocument(n: number, density: number): GraphDocument {
  const raw = {
    format: 'recurrence-graph',
    version: 1,
    title: `bench reservoir ${n}`,
    seed: 1,
    nodes: [
      { id: 'u', kind: 'input', params: { signal: { type: 'sine', period: 62.8 } } },
      { id: 'res', kind: 'rate', params: { size: n, activation: 'tanh', leak: 0.3 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 } } },
      {
        id: 'rec',
        source: 'res',
        target: 'res',
        params: { delay: 1, weight: { type: 'normal', ...(density < 1 ? { connectivity: density } : {}) } },
      },
    ],
  };
  const r = validateDocument(raw);
  if (!r.ok) throw new Error('bench document invalid');
  return r.doc;
}

/** The naive baseline: arrays of arrays, the textbook loop. */
function naiveStepper(n: number, density: number): (steps: number) => void {
  let seed = 1;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const w: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(rand() < density ? rand() * 2 - 1 : 0);
    w.push(row);
  }
  const wIn: number[] = Array.from({ length: n }, () => rand() * 2 - 1);
  let x: number[] = new Array(n).fill(0);
  let t = 0;
  return (steps) => {
    for (let s = 0; s < steps; s++, t++) {
      const u = Math.sin(t * 0.1);
      const next: number[] = new Array(n);
      for (let i = 0; i < n; i++) {
        let acc = wIn[i] * u;
        const row = w[i];
        for (let j = 0; j < n; j++) acc += row[j] * x[j];
        next[i] = 0.7 * x[i] + 0.3 * Math.tanh(acc);
      }
      x = next;
    }
  };
}

function numpyRate(n: number, density: number, minSeconds: number): number | null {
  const script = fileURLToPath(new URL('./numpy_reservoir.py', import.meta.url));
  const r = spawnSync('python3', [script, String(n), String(density), String(minSeconds)], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return null;
  try {
    return JSON.parse(r.stdout.trim()).steps_per_s as number;
  } catch {
    return null;
  }
}

export async function benchEngine(opts: { json: boolean; minSeconds?: number }): Promise<object> {
  const minSeconds = opts.minSeconds ?? 0.4;
  const results = ENGINE_CASES.map(({ n, density }) => {
    const sim = Simulator.fromDocument(reservoirDocument(n, density));
    const engine = measureRate((k) => sim.run(k), minSeconds).perSecond;
    const naive = measureRate(naiveStepper(n, density), minSeconds).perSecond;
    const numpy = numpyRate(n, density, minSeconds);
    return {
      case: `N=${n} ${density < 1 ? `${density * 100}% sparse` : 'dense'}`,
      storage: sim.program.edges[1].weights.format,
      engineStepsPerSec: engine,
      naiveJsStepsPerSec: naive,
      numpyStepsPerSec: numpy,
      ratioToNaive: engine / naive,
      ratioToNumpy: numpy ? engine / numpy : null,
    };
  });
  if (!opts.json) {
    printTable(
      'Engine: leaky-tanh reservoir, steps/s (ratios against baselines measured in this run)',
      ['case', 'W', 'engine', 'naive JS', 'numpy', 'engine/naive', 'engine/numpy'],
      results.map((r) => [
        r.case,
        r.storage,
        formatRate(r.engineStepsPerSec),
        formatRate(r.naiveJsStepsPerSec),
        r.numpyStepsPerSec ? formatRate(r.numpyStepsPerSec) : 'n/a',
        r.ratioToNaive.toFixed(2),
        r.ratioToNumpy === null ? 'n/a' : r.ratioToNumpy.toFixed(2),
      ]),
    );
  }
  return { engine: results };
}
