/**
 * Exported PyNN scripts run on NEURON with two MPI ranks
 * (`mpirun --allow-run-as-root --oversubscribe -np 2 /usr/bin/python3 net.py`): the mean rate of
 * every population must be within 20 % (or 1.5 Hz) of the engine's over the same duration, and
 * rank 0's results file must have the documented shape. Presets: a LIF neuron driven by a step
 * current (current source), Poisson inputs through exponential synapses with STDP, and four
 * Izhikevich neurons of different types.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index.ts';
import { parseDocumentText, type GraphDocument } from '../../src/model/index.ts';
import { pynnFromProgram } from '../../src/export/pynn/script.ts';
import { compareRates, engineSpikes, mismatch, parseResults, spikingPopulations } from '../../src/export/results.ts';
import { repoRoot } from '../../src/test-support/reference.ts';
import { PYTHON, pynnToolsMissing, runTool } from './python-tools.ts';

const DURATION = 1000;

function preset(name: string): GraphDocument {
  const parsed = parseDocumentText(readFileSync(path.join(repoRoot, 'presets', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`preset ${name} does not validate`);
  return parsed.doc;
}

const missing = pynnToolsMissing();
if (missing) console.warn(`PyNN/NEURON tests skipped: ${missing}`);

describe.runIf(!missing)(`exported PyNN scripts on NEURON, mpirun -np 2${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const dir = missing ? '' : mkdtempSync(path.join(tmpdir(), 'recurrence-pynn-'));
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['single-lif', 'poisson-lif-stdp', 'izhikevich-firing-types']) {
    it(`${name}: every population's mean rate within 20 % (or 1.5 Hz) of the engine's`, () => {
      const doc = preset(name);
      const script = path.join(dir, `${name}.py`);
      writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: DURATION }));
      const out = path.join(dir, `${name}.results.json`);
      runTool('mpirun', ['--allow-run-as-root', '--oversubscribe', '-np', '2', PYTHON, script, '--out', out], dir, 600_000);
      const parsed = parseResults(readFileSync(out, 'utf8'));
      if (!parsed.ok) throw new Error(`results file: ${JSON.stringify(parsed.errors)}`);
      const results = parsed.results;
      expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')))).toEqual(['simulator', 'processes', 'dt', 'duration_ms', 'wall_s', 'populations']);
      expect(results).toMatchObject({ simulator: 'neuron', processes: 2, dt: doc.dt, duration_ms: DURATION });
      const program = compile(doc);
      expect(mismatch(results, spikingPopulations(doc, program))).toBeNull();
      const rates = compareRates(results, engineSpikes(program, doc.seed, DURATION));
      for (const [id, r] of Object.entries(rates)) {
        expect(r.engine_hz, `${id}: the engine fires`).toBeGreaterThan(1);
        expect(Math.abs(r.imported_hz - r.engine_hz), `${name} ${id}: NEURON ${r.imported_hz} Hz vs engine ${r.engine_hz} Hz`).toBeLessThanOrEqual(Math.max(0.2 * r.engine_hz, 1.5));
      }
      for (const p of Object.values(results.populations)) {
        p.spikes.forEach((times, i) => {
          expect(p.rates_hz[i]).toBeCloseTo((times.length * 1000) / DURATION, 9);
          for (const t of times) {
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThanOrEqual(DURATION);
          }
        });
      }
    }, 600_000);
  }
});
