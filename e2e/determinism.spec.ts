/**
 * The same document and seed give bit-identical traces in the browser worker and in Node:
 * the spec computes the reference with the engine in Node and compares every value exactly.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { parseDocumentText } from '../src/model/index.ts';
import { Recorder, Simulator, parseProbe } from '../src/engine/index.ts';

test('the ESN preset traces are bit-identical in Chromium and in Node', async ({ app }) => {
  const text = readFileSync(new URL('../presets/esn-sine.json', import.meta.url), 'utf8');
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error('preset invalid');
  const steps = 300;

  const sim = Simulator.fromDocument(parsed.doc);
  const rec = new Recorder(sim, parseProbe('res'), steps);
  sim.run(steps, () => rec.record());
  const expected = rec.rows();

  expect(await app.loadDocument(JSON.parse(text))).toEqual({ ok: true });
  const result = await app.page.evaluate((n) => window.__recurrence!.sim.run(n), steps);
  expect(result.ok).toBe(true);
  const trace = await app.getTrace('res');
  expect(trace).not.toBeNull();
  expect(trace!.length).toBe(steps);
  expect(trace![0].length).toBe(100);
  expect(trace).toEqual(expected); // exact: same doubles, not just close
});
