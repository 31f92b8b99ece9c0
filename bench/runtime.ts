/**
 * `npm run bench -- --only runtime`: stepping is never behind analysis (issue 13 §1), measured
 * in headless Chromium through the test bridge.
 *  - Time to the first drawn step of every preset: from opening it (compile included) and from
 *    pressing Run once it is open. "Drawn": the animation frame after the first step arrived.
 *  - Steps/s of a 1,000-unit sparse reservoir (leaky tanh, 2 % connectivity, ρ 0.95) at full
 *    speed with no panel open, with Traces only (the probe's data crossing to the page each
 *    frame), and with Traces and one analysis panel each (a phase portrait of two units, drawn the
 *    same way with nothing to analyse, sets the drawing's share apart from the PCA fits), the
 *    Eigenvalues panel while its spectrum is computed and once shown, and all of them; ratios to
 *    no panel (the goal, ≥ 0.8) and to Traces only, all measured in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { withServedApp } from './served-app.ts';
import { printTable } from './timing.ts';

const PORT = Number(process.env.RUNTIME_BENCH_PORT ?? 4192);
const SECONDS = 4;
/** Rounds of the steps/s cases (each round measures all of them once). */
const ROUNDS = Number(process.env.RUNTIME_BENCH_ROUNDS ?? 3);

type Rates = Record<'none' | 'traces' | 'phaseUnits' | 'phasePca' | 'ais' | 'eigenvaluesComputing' | 'eigenvaluesShown' | 'all', number>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const PRESETS = new URL('../presets/', import.meta.url);

/**
 * The documented limits (README, Validation): one population of 100,000 leaky-tanh units with
 * 20 M recurrent synapses (p = 0.002), scaled to ρ ≈ 0.95 by the circular law (ρ ≈ σ·√(N·p),
 * Girko 1984) rather than by computing ρ, and 100,000 input synapses.
 */
export function atTheLimits(): Record<string, unknown> {
  const n = 100_000;
  const p = 0.002;
  return {
    format: 'recurrence-graph',
    version: 2,
    title: 'At the size limits',
    seed: 5,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'sine', amplitude: 1, period: 50 } } },
      { id: 'res', kind: 'rate', position: { x: 260, y: 0 }, params: { size: n, activation: 'tanh', leak: 0.3 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -0.5, high: 0.5 }, delay: 0 } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: p, scale: 0.95 / Math.sqrt(n * p), delay: 1 } },
    ],
    panels: [],
  };
}

/** Parts to run (RUNTIME_BENCH_PARTS=first,limits,rates; default all). */
const PARTS = new Set((process.env.RUNTIME_BENCH_PARTS ?? 'first,limits,rates').split(','));

function reservoir(panels: object[]): Record<string, unknown> {
  return {
    format: 'recurrence-graph',
    version: 2,
    title: 'Sparse reservoir of 1,000',
    seed: 5,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'sine', amplitude: 1, period: 50 } } },
      { id: 'res', kind: 'rate', position: { x: 260, y: 0 }, params: { size: 1000, activation: 'tanh', leak: 0.3 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -0.5, high: 0.5 }, delay: 0 } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.02, spectralRadius: 0.95, delay: 1 } },
    ],
    panels,
  };
}

const TRACES = { id: 'tr', type: 'traces', nodes: ['res'] };
const EIGENVALUES = { id: 'eig', type: 'spectrum', edge: 'rec' };
/** The phase portrait of two units: drawn like the PCA one, with nothing to analyse. */
const PHASE_UNITS = { id: 'pc', type: 'phase', nodes: ['res', 'res'] };
const PHASE_PCA = { id: 'pc', type: 'phase', nodes: ['res', 'res'], mode: 'pca' };
const AIS = { id: 'ais', type: 'information', nodes: ['res'], measure: 'ais', estimator: 'discrete' };
const ANALYSIS_PANELS = [TRACES, EIGENVALUES, PHASE_PCA, AIS];

/** Milliseconds from opening `doc` (compile included) and from Run (once open) to the first drawn step. */
async function firstStep(page: Page, doc: unknown): Promise<{ openMs: number; runMs: number }> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return (await page.evaluate(`(async (doc) => {
    const r = window.__recurrence;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const drawn = async () => { while (r.sim.t() < 1) await frame(); await frame(); };
    const t0 = performance.now();
    const loaded = r.loadDocument(doc);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    await r.sim.run();
    await drawn();
    const openMs = performance.now() - t0;
    await r.sim.pause();
    await r.sim.reset();
    const t1 = performance.now();
    await r.sim.run();
    await drawn();
    const runMs = performance.now() - t1;
    await r.sim.pause();
    return { openMs, runMs };
  })(${JSON.stringify(doc)})`)) as { openMs: number; runMs: number };
}

/**
 * Steps per second of `doc` at full speed over SECONDS, after a second of warm-up. `afterSpectrum`:
 * the measurement starts once the Eigenvalues panel "eig" shows its spectrum (else while it is
 * still computed).
 */
async function stepsPerSecond(page: Page, doc: unknown, afterSpectrum = false): Promise<number> {
  return (await page.evaluate(`(async (doc) => {
    const r = window.__recurrence;
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const loaded = r.loadDocument(doc);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    r.sim.setSpeed(0);
    await r.sim.run();
    await sleep(1000);
    if (${afterSpectrum}) {
      const until = performance.now() + 120000;
      while ((r.panels.csv('eig') ?? '').trim().split('\\n').length < 2) {
        if (performance.now() > until) throw new Error('no spectrum after 120 s');
        await sleep(200);
      }
    }
    const t0 = r.sim.t();
    const start = performance.now();
    await sleep(${SECONDS * 1000});
    const rate = (r.sim.t() - t0) / ((performance.now() - start) / 1000);
    await r.sim.pause();
    r.sim.setSpeed(5);
    return rate;
  })(${JSON.stringify(doc)})`)) as number;
}

export async function benchRuntime(opts: { json: boolean }): Promise<object> {
  const presets = readdirSync(PRESETS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f.replace(/\.json$/, ''), doc: JSON.parse(readFileSync(new URL(f, PRESETS), 'utf8')) as unknown }));
  const result = await withServedApp(PORT, async (page) => {
    const first = [];
    if (PARTS.has('first')) {
      for (const p of presets) first.push({ preset: p.name, ...(await firstStep(page, p.doc)) });
      first.push({ preset: 'sparse reservoir of 1,000 with Eigenvalues, PCA, AIS panels', ...(await firstStep(page, reservoir(ANALYSIS_PANELS))) });
    }
    if (PARTS.has('limits')) first.push({ preset: 'at the limits: 100,000 units, 20 M synapses', ...(await firstStep(page, atTheLimits())) });
    if (!PARTS.has('rates')) return { first, rates: null, ratios: null, tracesRatios: null, rounds: [] };
    await stepsPerSecond(page, reservoir([TRACES])); // warm-up: the first run of a page is slower
    // Rounds that each measure every case once, in turn: the load of a shared machine drifts over
    // minutes, so each ratio compares measurements of the same round; the median round is reported.
    const cases: [keyof Rates, object[], boolean][] = [
      ['none', [], false],
      ['traces', [TRACES], false],
      ['phaseUnits', [TRACES, PHASE_UNITS], false],
      ['phasePca', [TRACES, PHASE_PCA], false],
      ['ais', [TRACES, AIS], false],
      ['eigenvaluesComputing', [TRACES, EIGENVALUES], false],
      ['eigenvaluesShown', [TRACES, EIGENVALUES], true],
      ['all', ANALYSIS_PANELS, true],
    ];
    const rounds: Rates[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = {} as Rates;
      for (const [name, panels, afterSpectrum] of cases) round[name] = await stepsPerSecond(page, reservoir(panels), afterSpectrum);
      rounds.push(round);
    }
    const rates = {} as Rates;
    const ratios = {} as Rates;
    for (const [name] of cases) {
      rates[name] = median(rounds.map((r) => r[name]));
      ratios[name] = median(rounds.map((r) => r[name] / r.none));
    }
    const tracesRatios = {} as Rates;
    for (const [name] of cases) tracesRatios[name] = median(rounds.map((r) => r[name] / r.traces));
    return { first, rates, ratios, tracesRatios, rounds };
  });
  const load = loadavg()[0].toFixed(2);
  if (!opts.json) {
    if (result.first.length > 0) {
      printTable(
        `Time to the first drawn step, headless Chromium (load average ${load}, ${cpus().length} CPUs; goal: Run → first step ≤ 250 ms)`,
        ['preset', 'open → first step (ms)', 'Run → first step (ms)'],
        result.first.map((r) => [r.preset, r.openMs.toFixed(0), r.runMs.toFixed(0)]),
      );
    }
    const { rates, ratios, tracesRatios } = result;
    if (!rates || !ratios || !tracesRatios) return { loadAverage: loadavg(), firstStep: result.first };
    const row = (what: string, name: keyof Rates) => [what, Math.round(rates[name]).toLocaleString('en'), ratios[name].toFixed(2), tracesRatios[name].toFixed(2)];
    printTable(
      `Steps/s of a 1,000-unit sparse reservoir at full speed, median of ${ROUNDS} rounds (load average ${load}, ${cpus().length} CPUs; goal: ≥ 0.8 of no panel)`,
      ['panels open', 'steps/s', 'ratio to none', 'ratio to traces'],
      [
        row('none', 'none'),
        row('traces', 'traces'),
        row('traces, phase of two units (drawing only)', 'phaseUnits'),
        row('traces, phase PCA (fits on the analysis worker)', 'phasePca'),
        row('traces, AIS (windows measured on the analysis worker)', 'ais'),
        row('traces, eigenvalues being computed', 'eigenvaluesComputing'),
        row('traces, eigenvalues shown', 'eigenvaluesShown'),
        row('traces, eigenvalues shown, PCA phase, AIS', 'all'),
      ],
    );
  }
  return { seconds: SECONDS, rounds: ROUNDS, loadAverage: loadavg(), firstStep: result.first, stepsPerSecond: result.rates, ratioToNone: result.ratios, perRound: result.rounds };
}
