/**
 * Exported PyNN scripts run on NEURON with two MPI ranks
 * (`mpirun --allow-run-as-root --oversubscribe --mca mpi_yield_when_idle 1 -np 2 /usr/bin/python3 net.py`): the mean rate of
 * every population must be within 20 % (or 1.5 Hz) of the engine's over the same duration, and
 * rank 0's results file must have the documented shape. Presets: a LIF neuron driven by a step
 * current (current source), Poisson inputs through exponential synapses with STDP (over 10 s and
 * four seeds, below), and four Izhikevich neurons of different types. single-lif and
 * poisson-lif-stdp also run on Brian2 (one process) where Debian's python3-brian is installed, and
 * `--simulator nest` without NEST ends in one line. On NEURON the Poisson sources follow the
 * export's seed: two seeds give other spike trains, one seed the same on 1 and 2 ranks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/index.ts';
import { parseDocumentText, type GraphDocument } from '../../src/model/index.ts';
import { pynnFromProgram } from '../../src/export/pynn/script.ts';
import { compareRates, engineSpikes, mismatch, parseResults, spikingPopulations, type RateComparison } from '../../src/export/results.ts';
import { repoRoot } from '../../src/test-support/reference.ts';
import { edge, loadPreset, node, rawDoc, valid } from '../../src/test-support/docs.ts';
import { spawnSync } from 'node:child_process';
import { brian2Missing, mpirunArgs, PYTHON, pynnToolsMissing, runTool } from './python-tools.ts';

const DURATION = 1000;

/**
 * `poisson-lif-stdp` (one neuron driven by 100 Poisson trains through STDP synapses) is compared
 * over 10 s and averaged over the export seeds below (each seed: the engine's weights and run at
 * that seed against the script exported with it), as one neuron's count is noisy. Measured with
 * STDP over 10 s (load 4–8): with the preset's weights kept (seed 3), the engine fires 14.5–18.2 Hz
 * over 20 seeds (mean 16.2, s.d. 1.1; seed 3: 17.1) and NEURON 11.9–17.2 Hz over 40 Poisson
 * realisations on 1 and 2 ranks (mean 14.7, s.d. 1.4, 9 % below the engine), so a single
 * realisation falls outside 20 % of seed 3's 17.1 Hz about one time in five. Over seeds 1–12 (weights
 * drawn anew each time), NEURON on 2 ranks / engine = 0.85–1.06 (engine 13.0–27.9 Hz), mean 0.94,
 * s.d. 0.07: a mean over four seeds varies by about 0.035, so the 20 % bound lies four of those below
 * the mean ratio (seeds 3–6 here: 0.90; Brian2 0.87).
 */
const POISSON_STDP_SEEDS = [3, 4, 5, 6];
const POISSON_STDP_MS = 10_000;

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

  for (const name of ['single-lif', 'izhikevich-firing-types']) {
    it(`${name}: every population's mean rate within 20 % (or 1.5 Hz) of the engine's`, () => {
      const doc = preset(name);
      const script = path.join(dir, `${name}.py`);
      writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: DURATION }));
      const out = path.join(dir, `${name}.results.json`);
      runTool('mpirun', [...mpirunArgs(2), PYTHON, script, '--out', out], dir, 600_000);
      expectAgreement(doc.title ?? name, 'neuron', checkedRates(doc, out, 'neuron', 2, DURATION));
    }, 600_000);
  }

  it(`poisson-lif-stdp: every population's mean rate over ${POISSON_STDP_MS / 1000} s, averaged over seeds ${POISSON_STDP_SEEDS.join(', ')}, within 20 % of the engine's`, () => {
    averagedAgreement(dir, 'neuron', 2, (script, out) => runTool('mpirun', [...mpirunArgs(2), PYTHON, script, '--out', out], dir, 600_000));
  }, 900_000);

  it('Poisson sources and noise currents follow --seed: two seeds give other spike trains, one seed the same trains on 1 and 2 ranks, every cell its own Poisson train', () => {
    const doc = seededSources();
    const trains = (seed: number, ranks: number) => {
      const script = path.join(dir, `poisson-seed-${seed}.py`);
      writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: 2000, seed }));
      const out = path.join(dir, `poisson-seed-${seed}.${ranks}.json`);
      runTool(ranks === 1 ? PYTHON : 'mpirun', [...(ranks === 1 ? [] : [...mpirunArgs(ranks), PYTHON]), script, '--out', out], dir, 300_000);
      return populationSpikes(out);
    };
    const seven = trains(7, 1);
    expect(trains(7, 1), 'the same seed, run again').toEqual(seven);
    expect(trains(7, 2), 'the same seed on 2 ranks').toEqual(seven);
    expect(seven.c.map((t) => t.length).every((n) => n >= 5), 'the noise makes every LIF cell fire').toBe(true);
    const eight = trains(8, 1);
    for (const id of ['a', 'b', 'c']) {
      seven[id].forEach((train, i) => expect(train, `${id}[${i}] with seeds 7 and 8`).not.toEqual(eight[id][i]));
    }
    // independent streams: no two cells (of either population) share a train, and the intervals are
    // exponential at 40 Hz (mean 25 ms; coefficient of variation 1)
    const all = [...seven.a, ...seven.b];
    expect(new Set(all.map((t) => t.join(','))).size).toBe(all.length);
    const intervals = all.flatMap((t) => t.slice(1).map((x, k) => x - t[k]));
    const mean = intervals.reduce((sum, x) => sum + x, 0) / intervals.length;
    const sd = Math.sqrt(intervals.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (intervals.length - 1));
    expect(intervals.length, '20 cells × 2 s × 40 Hz ≈ 1,600 spikes').toBeGreaterThan(1400);
    expect(mean).toBeGreaterThan(23.5);
    expect(mean).toBeLessThan(26.5);
    expect(sd / mean).toBeGreaterThan(0.9);
    expect(sd / mean).toBeLessThan(1.1);
  }, 600_000);

  it('izhikevich-1000 (1 M synapses): bulk NetCons (default) make exactly the network of PyNN\'s Projection, the same spike trains on one process', () => {
    const script = path.join(dir, 'izhikevich-1000.py');
    writeFileSync(script, pynnFromProgram(compile(preset('izhikevich-1000')), { durationMs: 100 }));
    const spikes = (projections: string) => {
      const out = path.join(dir, `izhikevich-1000.${projections}.json`);
      runTool(PYTHON, [script, '--projections', projections, '--out', out], dir, 600_000);
      return populationSpikes(out);
    };
    const bulk = spikes('bulk');
    expect(bulk.E.flat().length, 'E fires in 100 ms').toBeGreaterThan(200);
    expect(bulk).toEqual(spikes('pynn'));
  }, 600_000);

  it('independent noise per cell is made on the cell\'s own rank, and each cell gets the same noise on 1 and 2 ranks', () => {
    // izhikevich-1000 without its recurrent synapses: 1,000 cells driven by per-cell thalamic noise alone
    const doc = loadPreset('izhikevich-1000', (raw) => {
      raw.edges = raw.edges.filter((e) => (e as { source: string }).source.startsWith('th'));
    });
    expect(doc.edges.map((e) => e.id)).toEqual(['thal_E', 'thal_I']);
    const script = path.join(dir, 'thalamic-noise.py');
    writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: 200 }));
    const one = path.join(dir, 'thalamic-noise.1.json');
    const two = path.join(dir, 'thalamic-noise.2.json');
    runTool(PYTHON, [script, '--out', one], dir, 300_000);
    runTool('mpirun', [...mpirunArgs(2), PYTHON, script, '--out', two], dir, 300_000);
    const spikes = populationSpikes(one);
    expect(spikes.E.flat().length, 'the noise makes E fire').toBeGreaterThan(100);
    expect(populationSpikes(two)).toEqual(spikes);
  }, 600_000);

  it('--simulator nest without NEST installed: exit status 1 and one line naming the backend and what to install', () => {
    // not nest.py: a script of that name would shadow NEST's own module
    const script = path.join(dir, 'single-lif-on-nest.py');
    writeFileSync(script, pynnFromProgram(compile(preset('single-lif')), { durationMs: DURATION }));
    const r = spawnSync(PYTHON, [script, '--simulator', 'nest'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
    const nest = spawnSync(PYTHON, ['-c', 'import nest'], { encoding: 'utf8' });
    if (nest.status === 0) return; // NEST is there: nothing to refuse
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('nest'));
    expect(lines).toEqual([
      `${script}: PyNN's nest backend cannot be loaded (No module named 'nest'); install NEST 3.4 with its Python module nest (Debian does not package it; PyNN 0.10 runs on NEST 3.3 and 3.4)`,
    ]);
  }, 300_000);
});

const noBrian2 = missing ?? brian2Missing();
if (noBrian2) console.warn(`PyNN/Brian2 tests skipped: ${noBrian2}`);

describe.runIf(!noBrian2)(`exported PyNN scripts on Brian2${noBrian2 ? ` (skipped: ${noBrian2})` : ''}`, () => {
  const dir = noBrian2 ? '' : mkdtempSync(path.join(tmpdir(), 'recurrence-brian2-'));
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`single-lif: every population's mean rate within 20 % (or 1.5 Hz) of the engine's`, () => {
    const doc = preset('single-lif');
    const script = path.join(dir, 'single-lif.py');
    writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: DURATION }));
    const out = path.join(dir, 'single-lif.results.json');
    runTool(PYTHON, [script, '--simulator', 'brian2', '--out', out], dir, 900_000);
    expectAgreement(doc.title ?? 'single-lif', 'brian2', checkedRates(doc, out, 'brian2', 1, DURATION));
  }, 900_000);

  it(`poisson-lif-stdp: every population's mean rate over ${POISSON_STDP_MS / 1000} s, averaged over seeds ${POISSON_STDP_SEEDS.join(', ')}, within 20 % of the engine's`, () => {
    averagedAgreement(dir, 'brian2', 1, (script, out) => runTool(PYTHON, [script, '--simulator', 'brian2', '--out', out], dir, 900_000));
  }, 1_800_000);
});

/**
 * Every random source a script draws as it runs, nothing sampled: two Poisson populations of 10
 * cells at 40 Hz, and three LIF cells (starting at v_rest) each driven by its own channel of
 * Gaussian noise (a per-cell noisy current, 1.6 ± 2 nA per step) through fixed weights.
 */
function seededSources(): GraphDocument {
  const identity = [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i === j ? 1 : 0)));
  return valid(
    rawDoc(
      [
        node('a', 'poisson', { size: 10, rate: 40 }),
        node('b', 'poisson', { size: 10, rate: 40 }, 200),
        node('x', 'input', { size: 3, signal: { type: 'gaussian', mean: 1.6, std: 2 } }),
        node('c', 'lif', { size: 3 }, 400),
      ],
      [edge('noise', 'x', 'c', { type: 'matrix', values: identity })],
      { dt: 0.1 },
    ),
  );
}

/**
 * poisson-lif-stdp exported at each of POISSON_STDP_SEEDS and run by `run(script, out)`: each
 * results file checked, and every population's rate averaged over the seeds within 20 % of the
 * engine's average at the same seeds.
 */
function averagedAgreement(dir: string, simulator: string, processes: number, run: (script: string, out: string) => void): void {
  const doc = preset('poisson-lif-stdp');
  const sums: Record<string, RateComparison> = {};
  for (const seed of POISSON_STDP_SEEDS) {
    const script = path.join(dir, `poisson-lif-stdp.${seed}.py`);
    writeFileSync(script, pynnFromProgram(compile(doc), { durationMs: POISSON_STDP_MS, seed }));
    const out = path.join(dir, `poisson-lif-stdp.${seed}.results.json`);
    run(script, out);
    for (const [id, r] of Object.entries(checkedRates(doc, out, simulator, processes, POISSON_STDP_MS, seed))) {
      const sum = (sums[id] ??= { size: r.size, engine_hz: 0, imported_hz: 0, ratio: null });
      sum.engine_hz += r.engine_hz / POISSON_STDP_SEEDS.length;
      sum.imported_hz += r.imported_hz / POISSON_STDP_SEEDS.length;
    }
  }
  expectAgreement(`${doc.title} (mean over seeds ${POISSON_STDP_SEEDS.join(', ')})`, simulator, sums);
}

/** Every population's spike trains in a results file. */
function populationSpikes(out: string): Record<string, number[][]> {
  const parsed = parseResults(readFileSync(out, 'utf8'));
  if (!parsed.ok) throw new Error(`results file: ${JSON.stringify(parsed.errors)}`);
  return Object.fromEntries(Object.entries(parsed.results.populations).map(([id, p]) => [id, p.spikes]));
}

/** The results file's shape; every population's rate and the engine's at `seed` over the same duration. */
function checkedRates(doc: GraphDocument, out: string, simulator: string, processes: number, durationMs: number, seed = doc.seed): Record<string, RateComparison> {
  const parsed = parseResults(readFileSync(out, 'utf8'));
  if (!parsed.ok) throw new Error(`results file: ${JSON.stringify(parsed.errors)}`);
  const results = parsed.results;
  expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')))).toEqual(['simulator', 'processes', 'dt', 'duration_ms', 'wall_s', 'populations']);
  expect(results).toMatchObject({ simulator, processes, dt: doc.dt, duration_ms: durationMs });
  const program = compile(doc);
  expect(mismatch(results, spikingPopulations(doc, program))).toBeNull();
  for (const p of Object.values(results.populations)) {
    p.spikes.forEach((times, i) => {
      expect(p.rates_hz[i]).toBeCloseTo((times.length * 1000) / durationMs, 9);
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(durationMs);
      }
    });
  }
  return compareRates(results, engineSpikes(program, seed, durationMs));
}

/** Every population's rate within 20 % (or 1.5 Hz) of the engine's, which fires. */
function expectAgreement(title: string, simulator: string, rates: Record<string, RateComparison>): void {
  for (const [id, r] of Object.entries(rates)) {
    expect(r.engine_hz, `${id}: the engine fires`).toBeGreaterThan(1);
    expect(Math.abs(r.imported_hz - r.engine_hz), `${title} ${id}: ${simulator} ${r.imported_hz} Hz vs engine ${r.engine_hz} Hz`).toBeLessThanOrEqual(Math.max(0.2 * r.engine_hz, 1.5));
  }
}
