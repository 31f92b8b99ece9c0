/**
 * Editor benchmark (issue 4): the built app in Chromium (playwright-core, the same Chromium finder
 * as the end-to-end tests), with a 500-node, 2,000-edge document:
 *  - load time: from `loadDocument` (the Open path: validation, store, React Flow) until every
 *    node is on the page and two frames have been painted;
 *  - frame rate while dragging one node with the real mouse: requestAnimationFrame timestamps
 *    recorded in the page during the drag (target ≥ 50 fps), with the 95th-percentile frame time.
 * The app is built into a temporary folder and served by `vite preview` on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { printTable } from './timing.ts';

export const BENCH_NODES = 500;
export const BENCH_EDGES = 2000;

/**
 * A 25 × 20 grid of rate units with 2,000 edges: 500 delay-0 edges that go forward in the node
 * order (so no delay-0 loop) and 1,500 recurrent delay-1 edges between random nodes.
 */
export function benchDocument(nodes = BENCH_NODES, edges = BENCH_EDGES) {
  let seed = 12345;
  const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
  const cols = 25;
  const list = Array.from({ length: nodes }, (_, i) => ({
    id: `n${i}`,
    kind: 'rate',
    position: { x: (i % cols) * 220, y: Math.floor(i / cols) * 140 },
    params: { size: 1 + (i % 5) * 10, activation: 'tanh', leak: 0.5 },
  }));
  const out = [];
  for (let k = 0; k < edges; k++) {
    const forward = k < edges / 4;
    let s = rand(nodes);
    let t = rand(nodes);
    if (forward && s === t) t = (t + 1) % nodes;
    if (forward && s > t) [s, t] = [t, s];
    out.push({ id: `e${k}`, source: `n${s}`, target: `n${t}`, params: { weight: { type: 'uniform', low: -0.1, high: 0.1 }, delay: forward ? 0 : 1 } });
  }
  return { format: 'recurrence-graph', version: 1, title: 'Editor benchmark', seed: 1, dt: 1, nodes: list, edges: out };
}

/*
 * Scripts run in the page are plain strings: tsx's transform would add helpers (`__name`) to
 * functions handed to page.evaluate, which do not exist in the page.
 */
/** Loads a document through the bridge and resolves with the ms until every node is painted. */
const IN_PAGE_LOAD = `(d) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const r = window.__recurrence.loadDocument(d);
  if (!r.ok) return reject(new Error(JSON.stringify(r.errors.slice(0, 3))));
  const wait = () => {
    if (document.querySelectorAll('.react-flow__node').length < d.nodes.length) return requestAnimationFrame(wait);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  };
  wait();
})`;
/** Records requestAnimationFrame timestamps in window.__frames while window.__recording. */
const IN_PAGE_RECORD = `(() => {
  window.__frames = [];
  window.__recording = true;
  const tick = (t) => { if (!window.__recording) return; window.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

export interface EditorBenchResult {
  nodes: number;
  edges: number;
  /** Open path to two painted frames with every node on the page, ms (median of runs). */
  loadMs: number;
  loadRuns: number[];
  /** Frames per second while dragging. */
  dragFps: number;
  /** 95th-percentile frame time while dragging, ms. */
  frameP95Ms: number;
  dragSeconds: number;
  /** Whether the dragged node's document position followed the mouse. */
  moved: boolean;
  target: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchEditor(opts: { json: boolean }): Promise<EditorBenchResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'recurrence-bench-'));
  await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({ logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('window.__recurrence !== undefined');
    const doc = benchDocument();

    const loadRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.evaluate(`window.__recurrence.loadDocument({ format: 'recurrence-graph', version: 1, nodes: [] })`);
      await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length === 0`);
      loadRuns.push(await page.evaluate(`(${IN_PAGE_LOAD})(${JSON.stringify(doc)})`));
    }

    // Drag a node in the middle of the view with the real mouse, recording frames in the page.
    const id = 'n262';
    const positionOf = () => page.evaluate(`window.__recurrence.getDocument().nodes.find((x) => x.id === '${id}').position`) as Promise<{ x: number; y: number }>;
    const before = await positionOf();
    const box = (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.evaluate(IN_PAGE_RECORD);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const steps = 150;
    for (let k = 1; k <= steps; k++) {
      const a = (k / steps) * Math.PI * 2;
      await page.mouse.move(start.x + 160 * Math.sin(a) + k, start.y + 100 * (1 - Math.cos(a)));
    }
    await page.mouse.up();
    const frames = (await page.evaluate('window.__recording = false, window.__frames')) as number[];
    const after = await positionOf();
    const gaps = frames.slice(1).map((t, i) => t - frames[i]);
    const seconds = (frames.at(-1)! - frames[0]) / 1000;
    const result: EditorBenchResult = {
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      loadMs: Math.round(median(loadRuns)),
      loadRuns: loadRuns.map(Math.round),
      dragFps: Math.round(((frames.length - 1) / seconds) * 10) / 10,
      frameP95Ms: Math.round([...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.95)] * 10) / 10,
      dragSeconds: Math.round(seconds * 100) / 100,
      moved: after.x !== before.x || after.y !== before.y,
      target: '≥ 50 fps while dragging',
    };
    if (!opts.json) {
      printTable(`Editor: ${result.nodes} nodes, ${result.edges} edges (Chromium, built app)`, ['measure', 'value'], [
        ['load (median of 3)', `${result.loadMs} ms`],
        ['drag frame rate', `${result.dragFps} fps`],
        ['drag frame time p95', `${result.frameP95Ms} ms`],
        ['drag duration', `${result.dragSeconds} s`],
        ['node followed the mouse', result.moved ? 'yes' : 'NO'],
      ]);
    }
    return result;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
