/**
 * The built app served by `vite preview` in headless Chromium, for the benchmarks that drive
 * the app through its test bridge (ui, runtime). Builds the working tree afresh into a temporary
 * folder unless UI_BENCH_DIST names a build of your own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function waitForServer(url: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

/** Runs `fn` with a page of the app (its test bridge ready), then closes the browser and the server. */
export async function withServedApp<T>(port: number, fn: (page: Page) => Promise<T>): Promise<T> {
  // A fresh build of the working tree (a dist/ left from an earlier build once measured old code).
  const own = process.env.UI_BENCH_DIST;
  const dist = own ?? mkdtempSync(join(tmpdir(), 'recurrence-ui-bench-'));
  if (!own) spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(`${dist}/index.html`)) throw new Error(`bench: no build in ${dist}`);
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    await waitForServer(`http://127.0.0.1:${port}/`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => window.__recurrence !== undefined);
    return await fn(page);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
    if (!own) rmSync(dist, { recursive: true, force: true });
  }
}
