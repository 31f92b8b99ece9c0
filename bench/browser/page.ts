/**
 * The browser benchmark page (served by the Vite dev server with the app's COOP/COEP headers):
 * runs bench/browser/worker.ts in a module Web Worker — as the app runs its engine — and leaves
 * the result on `window.__bench` for the Playwright driver (bench/browser.ts).
 */
import type { BrowserBenchResult } from './worker.ts';

declare global {
  interface Window {
    __bench?: BrowserBenchResult;
    __benchProgress?: string[];
  }
}

const params = new URLSearchParams(location.search);
const minSeconds = Number(params.get('minSeconds') ?? 0.5);
const only = params.get('only') ?? undefined;
const out = document.getElementById('out')!;
window.__benchProgress = [];
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'recurrence-bench' });
worker.onmessage = (e: MessageEvent<{ progress?: string; result?: BrowserBenchResult }>) => {
  if (e.data.progress) {
    window.__benchProgress!.push(e.data.progress);
    out.textContent += `\n${e.data.progress}`;
  }
  if (e.data.result) {
    window.__bench = e.data.result;
    out.textContent += `\n${JSON.stringify(e.data.result, null, 2)}`;
  }
};
worker.postMessage({ minSeconds, only });
