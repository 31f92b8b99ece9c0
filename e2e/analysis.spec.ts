/**
 * Stepping is never behind analysis: eigenvalues of a large reservoir run on the analysis worker
 * while the network runs, with a progress line and Cancel; a result computed on a network that
 * has changed since is not shown. Behaviour, not timing: no test here asserts a duration.
 */
import { test, expect } from './fixtures.ts';

// Eigenvalues of 1,000–1,600 units and loads of 20 M synapses take a while on a loaded machine: the
// waits below are bounded by their own timeouts, which the test's budget must not cut short.
test.describe.configure({ timeout: 150_000 });

/** A sparse leaky-tanh reservoir (2 % connectivity, ρ 0.95) with an Eigenvalues panel on its recurrent edge. */
function reservoir(size: number, rho = 0.95) {
  return {
    format: 'recurrence-graph',
    version: 2,
    title: `Reservoir of ${size}`,
    seed: 11,
    dt: 1,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'sine', amplitude: 1, period: 50 } } },
      { id: 'res', kind: 'rate', position: { x: 250, y: 0 }, params: { size, activation: 'tanh', leak: 0.3 } },
    ],
    edges: [
      { id: 'in', source: 'u', target: 'res', params: { weight: { type: 'uniform', low: -0.5, high: 0.5 }, delay: 0 } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.02, spectralRadius: rho, delay: 1 } },
    ],
    panels: [
      { id: 'tr', type: 'traces', nodes: ['res'] },
      { id: 'eig', type: 'spectrum', edge: 'rec' },
    ],
  };
}

/**
 * The documented limits: 100,000 units with 20 M recurrent synapses (p = 0.002), scaled by the
 * circular law (ρ ≈ σ·√(N·p)) instead of computing ρ; no panels.
 */
function atTheLimits() {
  const size = 100_000;
  const big = reservoir(size);
  big.panels = [];
  Object.assign(big.edges[1].params, { connectivity: 0.002, spectralRadius: undefined, scale: 0.95 / Math.sqrt(size * 0.002) });
  return big;
}

const t = (page: import('@playwright/test').Page) => page.evaluate(() => window.__recurrence!.sim.t());
/** The eigenvalues the panel draws now: [re, im, |λ|] rows of its CSV export. */
async function drawnEigenvalues(page: import('@playwright/test').Page): Promise<number[][]> {
  const csv = (await page.evaluate(() => window.__recurrence!.panels.csv('eig'))) ?? '';
  return csv.trim().split('\n').slice(1).filter(Boolean).map((r) => r.split(',').map(Number));
}

test('Run draws steps while all eigenvalues of a 1,200-unit reservoir are still being computed; Cancel stops only the analysis', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(reservoir(1200))).toEqual({ ok: true });
  const status = page.getByTestId('panel-spectrum').getByTestId('analysis-status');
  await expect(status).toBeVisible({ timeout: 20_000 });
  await expect(status).toContainText('all 1,200 eigenvalues');
  await page.getByTestId('run-toggle').click();
  // steps are drawn while the eigenvalues are still being computed
  await expect.poll(() => t(page), { timeout: 10_000 }).toBeGreaterThan(20);
  await expect(status).toContainText('%');
  await page.screenshot({ path: test.info().outputPath('analysis-progress.png') });
  await status.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Eigenvalues cancelled.');
  await page.screenshot({ path: test.info().outputPath('analysis-cancelled.png') });
  const before = await t(page);
  await expect.poll(() => t(page), { timeout: 10_000 }).toBeGreaterThan(before + 20); // the run goes on
  expect(await drawnEigenvalues(page)).toEqual([]); // nothing drawn from the cancelled run
  await page.getByTestId('run-toggle').click();
  await status.getByRole('button', { name: 'Compute again' }).click();
  await expect(status).toBeHidden({ timeout: 120_000 });
  expect(await drawnEigenvalues(page)).toHaveLength(1200);
});

test('above the size for all eigenvalues the panel says so and shows the leading ones', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(reservoir(1600))).toEqual({ ok: true });
  const panel = page.getByTestId('panel-spectrum');
  await expect(panel).toContainText('all eigenvalues would take too long here', { timeout: 60_000 });
  await expect(panel).toContainText('leading ones (largest |λ|, Arnoldi)');
  const rows = await drawnEigenvalues(page);
  expect(rows.length).toBeGreaterThanOrEqual(40);
  const radius = Math.max(...rows.map(([, , abs]) => abs));
  expect(radius).toBeCloseTo(0.95, 6);
  await page.screenshot({ path: test.info().outputPath('analysis-leading.png') });
});

test('a spectrum computed on the network before an edit is not shown: the panel shows the edited one', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(reservoir(1000))).toEqual({ ok: true });
  const status = page.getByTestId('panel-spectrum').getByTestId('analysis-status');
  await expect(status).toBeVisible({ timeout: 20_000 });
  // while the first spectrum is computed, the radius is edited (a live rescale: a new network version)
  const edited = await page.evaluate(() => {
    const doc = window.__recurrence!.getDocument();
    doc.edges[1].params.spectralRadius = 0.5;
    return window.__recurrence!.editDocument(doc);
  });
  expect(edited).toEqual({ ok: true });
  await expect.poll(async () => (await drawnEigenvalues(page)).length, { timeout: 120_000 }).toBe(1000);
  const radius = Math.max(...(await drawnEigenvalues(page)).map(([, , abs]) => abs));
  expect(radius).toBeCloseTo(0.5, 6); // never the 0.95 of the network it started on
});

test('a long load: the Run button says it is loading, with the progress, until the network is ready', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(atTheLimits())).toEqual({ ok: true });
  const run = page.getByTestId('run-toggle');
  await expect(run).toHaveText(/Loading…/, { timeout: 10_000 });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('run-loading')).toContainText('compiling 100,001 neurons');
  await page.screenshot({ path: test.info().outputPath('long-load.png') });
  await expect(run).toHaveText(/Run/, { timeout: 120_000 });
  await expect(run).toBeEnabled();
  await run.click();
  await expect.poll(() => t(page), { timeout: 30_000 }).toBeGreaterThan(0);
});

test('closing a network while it loads: the page keeps answering, and the new network loads and runs', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(atTheLimits())).toEqual({ ok: true });
  const run = page.getByTestId('run-toggle');
  await expect(run).toHaveText(/Loading…/, { timeout: 10_000 });
  // the page's thread is free while the worker samples 20 M synapses: a menu opens at once
  await page.getByTestId('file-menu').click();
  await expect(page.getByRole('menuitem', { name: 'New network', exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('close-while-loading.png') });
  await page.getByRole('menuitem', { name: 'New network', exact: true }).click();
  await expect.poll(async () => (await app.getDocument()).title).not.toBe('Reservoir of 100000');
  await expect(run).toHaveText(/Run/, { timeout: 120_000 });
  await run.click();
  await expect.poll(() => t(page), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('run-loading')).toHaveCount(0);
});

test('opening another network while a 20 M load samples its weights stops that load: the new network runs without waiting for it', async ({ app }) => {
  const { page } = app;
  const run = page.getByTestId('run-toggle');
  // the app's first network has finished loading: its outcome is counted. A step waits for the
  // load (the Run button alone says "Run" until the load's first progress report arrives).
  expect(await page.evaluate(() => window.__recurrence!.sim.step(1))).toMatchObject({ ok: true });
  const cancelled = () => page.evaluate(() => window.__recurrence!.sim.loadsCancelled());
  const before = await cancelled();
  expect(await app.loadDocument(atTheLimits())).toEqual({ ok: true });
  await expect(page.getByTestId('run-loading')).toContainText('compiling 100,001 neurons', { timeout: 10_000 });
  expect(await app.loadDocument(reservoir(200))).toEqual({ ok: true });
  await expect(run).toHaveText(/Run/, { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('cancelled-load.png') });
  await run.click();
  await expect.poll(() => t(page), { timeout: 30_000 }).toBeGreaterThan(0);
  // the 20 M load was stopped between two chunks of its sampling, not finished before the new one
  expect(await cancelled()).toBe(before + 1);
  expect((await app.getDocument()).title).toBe('Reservoir of 200');
});

test('a network opened while another loads gets its eigenvalues: the page and the stepping worker agree on its version', async ({ app }) => {
  const { page } = app;
  // the 20 M load is still sampling when the reservoir is opened; the bridge then steps a few times
  // while the reservoir loads (each step asks the page for the loaded network, as Step and panels do)
  await page.evaluate(
    ([big, small]) => {
      const r = window.__recurrence!;
      r.loadDocument(big);
      setTimeout(() => {
        r.loadDocument(small);
        for (const ms of [5, 20, 50, 100, 200, 400]) setTimeout(() => void r.sim.step(1), ms);
      }, 150);
    },
    [atTheLimits(), reservoir(300)] as const,
  );
  await expect.poll(async () => (await drawnEigenvalues(page)).length, { timeout: 60_000 }).toBe(300);
  expect(Math.max(...(await drawnEigenvalues(page)).map(([, , abs]) => abs))).toBeCloseTo(0.95, 6);
  expect((await app.getDocument()).title).toBe('Reservoir of 300');
});

test("the page never receives the weight matrix: the analysis worker fetches it from the stepping worker; the page gets the eigenvalues and ρ", async ({ page }) => {
  // counts the typed arrays in every message a worker sends the page (Comlink's replies arrive on the Worker)
  await page.addInitScript(() => {
    const seen = { messages: 0, bytes: 0, longest: 0 };
    (window as unknown as { __fromWorkers: typeof seen }).__fromWorkers = seen;
    const visit = (v: unknown, depth: number) => {
      if (ArrayBuffer.isView(v)) {
        seen.bytes += v.byteLength;
        seen.longest = Math.max(seen.longest, v.byteLength / ((v as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1));
      } else if (v && typeof v === 'object' && depth < 12) for (const x of Object.values(v)) visit(x, depth + 1);
    };
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e) => {
          seen.messages++;
          visit(e.data, 0);
        });
      }
    };
  });
  await page.goto('/');
  await page.waitForFunction(() => window.__recurrence !== undefined, undefined, { timeout: 10_000 });
  const doc = reservoir(1000);
  doc.panels = [{ id: 'eig', type: 'spectrum', edge: 'rec' }];
  expect(await page.evaluate((d) => window.__recurrence!.loadDocument(d), doc)).toEqual({ ok: true });
  await expect.poll(async () => (await drawnEigenvalues(page)).length, { timeout: 120_000 }).toBe(1000);
  expect(Math.max(...(await drawnEigenvalues(page)).map(([, , abs]) => abs))).toBeCloseTo(0.95, 6);
  await page.locator('[data-edge-label="rec"]').click();
  await expect(page.getByTestId('edge-radius')).toHaveText('0.9500', { timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { __fromWorkers: { messages: number; bytes: number; longest: number } }).__fromWorkers);
  test.info().annotations.push({ type: 'received from the workers', description: JSON.stringify(seen) });
  // the matrix holds ≈ 20,000 weights (CSR: ≈ 240 kB); the page received the 1,000 eigenvalues' parts and small replies
  expect(seen.messages).toBeGreaterThan(3);
  expect(seen.longest).toBe(1000);
  expect(seen.bytes).toBeLessThan(40_000);
  await page.screenshot({ path: test.info().outputPath('analysis-worker-to-worker.png') });
});

test('the spectrum is square and its axes label ticks that never overlap, on a wide screen and a narrow one', async ({ app }) => {
  const { page } = app;
  for (const viewport of [{ width: 1920, height: 1000 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(viewport);
    const doc = reservoir(300);
    doc.panels = [{ id: 'eig', type: 'spectrum', edge: 'rec' }];
    expect(await app.loadDocument(doc)).toEqual({ ok: true });
    await expect.poll(async () => (await drawnEigenvalues(page)).length, { timeout: 60_000 }).toBe(300);
    const axes = page.getByTestId('panel-spectrum');
    for (const [axis, along] of [['x', 'x'], ['y', 'y']] as const) {
      const boxes = await axes.locator(`.chart__axis--${axis} .tick text`).evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.left, y: r.top, w: r.width, h: r.height })),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      const sorted = [...boxes].sort((a, b) => a[along] - b[along]);
      for (let i = 1; i < sorted.length; i++) {
        const gap = along === 'x' ? sorted[i].x - (sorted[i - 1].x + sorted[i - 1].w) : sorted[i].y - (sorted[i - 1].y + sorted[i - 1].h);
        expect(gap, `${axis} tick ${i} at ${viewport.width} px`).toBeGreaterThanOrEqual(0);
      }
    }
    await page.screenshot({ path: test.info().outputPath(`spectrum-axes-${viewport.width}.png`) });
  }
});
