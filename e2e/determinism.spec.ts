/**
 * The same document and seed give bit-identical traces in the browser worker and in Node:
 * the spec computes the reference with the engine in Node and compares every value exactly.
 * Cases: the ESN preset (100 units, state in ordinary arrays) and a 400-unit sparse reservoir,
 * whose state lives in the kernels' memory (fused WASM update, products in place), in float64
 * and in float32 mode.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { parseDocumentText } from '../src/model/index.ts';
import { Recorder, Simulator, parseProbe } from '../src/engine/index.ts';

function largeReservoir(precision: 'float64' | 'float32'): object {
  return {
    format: 'recurrence-graph',
    version: 1,
    title: `400-unit sparse reservoir (${precision})`,
    seed: 11,
    precision,
    nodes: [
      { id: 'u', kind: 'input', params: { signal: { type: 'sine', period: 31 } } },
      { id: 'res', kind: 'rate', params: { size: 400, activation: 'tanh', leak: 0.4, bias: 0.05 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 } } },
      { id: 'rec', source: 'res', target: 'res', params: { delay: 1, weight: { type: 'normal' }, connectivity: 0.1, spectralRadius: 0.95 } },
    ],
  };
}

const CASES: [string, () => string, number][] = [
  ['the ESN preset', () => readFileSync(new URL('../presets/esn-sine.json', import.meta.url), 'utf8'), 100],
  ['a 400-unit sparse reservoir (float64)', () => JSON.stringify(largeReservoir('float64')), 400],
  ['a 400-unit sparse reservoir (float32)', () => JSON.stringify(largeReservoir('float32')), 400],
];

for (const [name, source, units] of CASES) {
  test(`${name}: traces are bit-identical in Chromium and in Node`, async ({ app }) => {
    const text = source();
    const parsed = parseDocumentText(text);
    if (!parsed.ok) throw new Error(`${name}: invalid document`);
    const steps = 300;

    const sim = Simulator.fromDocument(parsed.doc);
    const rec = new Recorder(sim, parseProbe('res'), steps);
    sim.run(steps, () => rec.record());
    const expected = rec.rows();
    sim.program.dispose();

    expect(await app.loadDocument(JSON.parse(text))).toEqual({ ok: true });
    const result = await app.page.evaluate((n) => window.__recurrence!.sim.run(n), steps);
    expect(result.ok).toBe(true);
    const trace = await app.getTrace('res');
    expect(trace).not.toBeNull();
    expect(trace!.length).toBe(steps);
    expect(trace![0].length).toBe(units);
    expect(trace).toEqual(expected); // exact: same doubles, not just close
  });
}
