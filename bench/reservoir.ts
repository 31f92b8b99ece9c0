/**
 * The engine benchmark's networks and variants, shared by the Node bench (engine.ts) and the
 * browser bench (browser/worker.ts): pure code, no Node APIs.
 */
import { jsKernels, type CompileOptions } from '../src/engine/index.ts';
import { validateDocument, type GraphDocument } from '../src/model/index.ts';

export interface EngineCase {
  n: number;
  density: number;
  /** The goal for this case: a ratio to numpy, or absolute steps/s. */
  goal: string;
}

export const ENGINE_CASES: EngineCase[] = [
  { n: 100, density: 1, goal: '≥ 1.0× numpy' },
  { n: 1000, density: 1, goal: '≥ 0.5× (f64), ≥ 1.0× (f32)' },
  { n: 1000, density: 0.1, goal: '≥ 0.7× numpy' },
  { n: 4000, density: 0.01, goal: '≥ 0.7× numpy' },
  { n: 4000, density: 1, goal: '≥ 250 steps/s' },
];

/** Engine variants measured per case (label, compile options). */
export const VARIANTS: ['js' | 'wasm' | 'wasm2' | 'f32' | 'f32x2', CompileOptions][] = [
  ['js', { kernels: jsKernels }],
  ['wasm', {}],
  ['wasm2', { threads: 2 }],
  ['f32', { precision: 'float32' }],
  ['f32x2', { precision: 'float32', threads: 2 }],
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
        params: { delay: 1, weight: { type: 'normal' }, ...(density < 1 ? { connectivity: density } : {}) },
      },
    ],
  };
  const r = validateDocument(raw);
  if (!r.ok) throw new Error('bench document invalid');
  return r.doc;
}

