/**
 * `npm run bench -- --only browser`: the engine benchmark inside real Chromium. Starts the Vite
 * dev server (the app's config, so the same COOP/COEP headers and worker bundling), opens
 * bench/browser/index.html with Playwright, and prints what its Web Worker measured: steps/s of
 * the reservoir cases with the JS fallback, WASM, WASM×2 (a nested helper worker over a
 * SharedArrayBuffer), float32, the 10,000-neuron LIF network and the brunel-full preset (12,500
 * neurons, 15.6 M synapses) in simulated s per wall s.
 */
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { formatRate, printTable } from './timing.ts';
import type { BrowserBenchResult } from './browser/worker.ts';

/** `only: 'brunel-full'`: that case alone (the brunel-full benchmark's Chromium half). */
export async function benchBrowser(opts: { json: boolean; minSeconds?: number; only?: 'brunel-full' }): Promise<object> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await createServer({ root, configFile: `${root}/vite.config.ts`, logLevel: 'error', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const base = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (err) => console.error(`bench page: ${err.message}`));
    await page.goto(`${base}bench/browser/index.html?minSeconds=${opts.minSeconds ?? 0.5}${opts.only ? `&only=${opts.only}` : ''}`);
    const handle = await page.waitForFunction(() => window.__bench, null, { timeout: 900_000, polling: 500 });
    const result = (await handle.jsonValue()) as BrowserBenchResult;
    const load = loadavg()[0];
    if (!opts.json) {
      const e = result.env;
      if (result.cases.length > 0) printTable(
        `Chromium worker: leaky-tanh reservoir, steps/s (${e.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; crossOriginIsolated ${e.crossOriginIsolated}, WASM SIMD ${e.wasmSimd}, shared memory ${e.sharedMemory}; load average ${load.toFixed(2)})`,
        ['case', 'JS', 'WASM', 'WASM×2', 'f32', 'f32×2', 'WASM/JS', '×2/WASM'],
        result.cases.map((c) => {
          const r = c.stepsPerSec;
          const two = c.threads.wasm2 === 2 ? formatRate(r.wasm2) : `${formatRate(r.wasm2)} (1 thr)`;
          return [c.case, formatRate(r.js), formatRate(r.wasm), two, formatRate(r.f32), formatRate(r.f32x2), (r.wasm / r.js).toFixed(2), (r.wasm2 / r.wasm).toFixed(2)];
        }),
      );
      if (result.lif.length > 0) printTable(
        'Chromium worker: LIF 10,000 neurons × 100 synapses, dt 0.1 ms',
        ['kernels', 'steps/s', 'simulated s / wall s'],
        result.lif.map((l) => [l.kernels, formatRate(l.stepsPerSec), l.simulatedSecondsPerWallSecond.toFixed(3)]),
      );
      const b = result.brunelFull;
      printTable(
        'Chromium worker: brunel-full (Brunel 2000 at full scale: 12,500 LIF neurons, 15.6 M synapses, Poisson drive, dt 0.1 ms)',
        ['compile s', 'rate Hz', 'simulated s / wall s'],
        [[b.compileSeconds.toFixed(1), b.rateHz.toFixed(1), b.simulatedSecondsPerWallSecond.toFixed(3)]],
      );
    }
    return { loadAverage: load, ...result };
  } finally {
    await browser.close();
    await server.close();
  }
}
