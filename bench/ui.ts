/**
 * UI benchmark (issue 5): frames per second and main-thread long tasks (> 50 ms) in Chromium
 * while the live loop runs and panels redraw every animation frame:
 *  - a 1,000-unit leaky-tanh ESN (sine input, sparse recurrent weights, ρ 0.9) with traces,
 *    raster and activity heatmap open (target ≥ 55 fps);
 *  - a 10,000-unit Poisson spiking population (20 Hz) in a raster (target ≥ 30 fps).
 * The app, built afresh (served-app.ts), is driven through its test bridge. Figures: fps (rAF callbacks per second),
 * long tasks and their total ms, simulated steps/s. Headless Chromium without a GPU on a shared
 * machine: compare runs on the same machine.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { withServedApp } from './served-app.ts';
import { printTable } from './timing.ts';

const PORT = Number(process.env.UI_BENCH_PORT ?? 4191);
const SECONDS = 6;

interface Scenario {
  name: string;
  target: number;
  doc: Record<string, unknown>;
  speed: number;
}

function esn(units: number): Record<string, unknown> {
  return {
    format: 'recurrence-graph',
    version: 1,
    title: `ESN ${units}`,
    seed: 42,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'sine', amplitude: 1, period: 40, phase: 0 } } },
      { id: 'res', kind: 'rate', position: { x: 260, y: 0 }, params: { size: units, activation: 'tanh', leak: 0.3 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -1, high: 1 } } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.01, spectralRadius: 0.9, delay: 1 } },
    ],
    panels: [
      { type: 'traces', nodes: ['res'] },
      { type: 'raster', nodes: ['res'] },
      { type: 'heatmap', nodes: ['res'] },
    ],
  };
}

function spikingRaster(units: number): Record<string, unknown> {
  return {
    format: 'recurrence-graph',
    version: 1,
    title: `Poisson ${units}`,
    seed: 7,
    dt: 1,
    nodes: [{ id: 'spikes', kind: 'poisson', position: { x: 0, y: 0 }, params: { size: units, rate: 20 } }],
    edges: [],
    panels: [{ type: 'raster', nodes: ['spikes'], width: 900 }],
  };
}

const SCENARIOS: Scenario[] = [
  { name: 'ESN 1,000 units: traces + raster + heatmap', target: 55, doc: esn(1000), speed: 5 },
  { name: 'Poisson 10,000 units: raster', target: 30, doc: spikingRaster(10_000), speed: 5 },
];

async function measure(page: Page, s: Scenario) {
  const loaded = await page.evaluate((doc) => window.__recurrence!.loadDocument(doc), s.doc);
  if (!loaded.ok) throw new Error(`${s.name}: ${JSON.stringify(loaded.errors)}`);
  await page.evaluate((speed) => window.__recurrence!.sim.setSpeed(speed), s.speed);
  await page.evaluate(() => window.__recurrence!.sim.run());
  await page.waitForTimeout(1000); // warm-up: windows fill, JIT settles
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const result = (await page.evaluate(`(async () => {
    const stats = { frames: 0, long: 0, longMs: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { stats.long++; stats.longMs += e.duration; }
    });
    observer.observe({ type: 'longtask' });
    let running = true;
    const tick = () => { stats.frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = window.__recurrence.sim.t();
    const start = performance.now();
    await new Promise((r) => setTimeout(r, ${SECONDS * 1000}));
    running = false;
    observer.disconnect();
    const elapsed = (performance.now() - start) / 1000;
    return { fps: stats.frames / elapsed, longTasks: stats.long, longTaskMs: stats.longMs, stepsPerSecond: (window.__recurrence.sim.t() - t0) / elapsed };
  })()`)) as { fps: number; longTasks: number; longTaskMs: number; stepsPerSecond: number };
  await page.evaluate(() => window.__recurrence!.sim.pause());
  return { scenario: s.name, target: s.target, speed: s.speed, ...result, meetsTarget: result.fps >= s.target };
}

export async function benchUi(opts: { json: boolean }): Promise<object> {
  const rows = await withServedApp(PORT, async (page) => {
    const out = [];
    for (const s of SCENARIOS) out.push(await measure(page, s));
    return out;
  });
  if (!opts.json) {
    printTable(
      `UI: live loop + panels in headless Chromium (fps = animation frames per second; load average ${loadavg()[0].toFixed(2)}, ${cpus().length} CPUs)`,
      ['scenario', 'steps/frame', 'fps', 'target', 'long tasks', 'long-task ms', 'steps/s'],
      rows.map((r) => [r.scenario, String(r.speed), r.fps.toFixed(1), `≥ ${r.target}`, String(r.longTasks), r.longTaskMs.toFixed(0), Math.round(r.stepsPerSecond).toLocaleString('en')]),
    );
  }
  return { seconds: SECONDS, loadAverage: loadavg(), scenarios: rows };
}
