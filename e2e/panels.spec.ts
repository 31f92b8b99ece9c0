/**
 * Panels against the built app: every panel type renders non-empty data for a suitable preset,
 * the CSV export is exactly the bridge's data, the layout is saved with the document, and
 * screenshots of a running ESN with several panels (light and dark) go to test-results/.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, addPanel, menuCommand, type AppPage } from './fixtures.ts';
import { openWith } from './panel-helpers.ts';

/** Every card's chart shows data (no "empty" state). */
async function expectAllDrawn(app: AppPage) {
  const charts = app.page.locator('.panel-card .chart');
  const n = await charts.count();
  for (let i = 0; i < n; i++) await expect(charts.nth(i)).toHaveAttribute('data-empty', 'false');
}

test('rate panels draw the ESN: traces, heatmap, raster, phase (PCA), histogram, weights, eigenvalues', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'esn-sine', [
    { type: 'traces', nodes: ['res'] },
    { type: 'heatmap', nodes: ['res'] },
    { type: 'raster', nodes: ['res'] },
    { type: 'phase', nodes: ['res', 'res'], mode: 'pca' },
    { type: 'histogram', nodes: ['res'] },
    { type: 'weights', edge: 'rec' },
    { type: 'spectrum', edge: 'rec' },
  ]);
  await page.evaluate(() => window.__recurrence!.sim.step(300));
  await expectAllDrawn(app);
  const spectrum = page.getByTestId('panel-spectrum');
  await expect(spectrum.locator('.chart__eigenvalue')).toHaveCount(100);
  await expect(spectrum.locator('.chart__legend')).toContainText('ρ = 0.9000');
  expect((await app.marks('traces'))?.band?.name).toBe('res mean');
  await expect(page.getByTestId('panel-histogram').locator('.chart__bar').first()).toBeVisible();

  // Hover read-out on the traces.
  const traces = page.getByTestId('panel-traces').locator('.chart__overlay');
  const box = (await traces.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId('panel-traces').getByTestId('readout')).toContainText(/step \d+/);
});

test('spiking panels: raster, firing rates, ISI and live STDP weights', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'poisson-lif-stdp', [
    { type: 'raster', nodes: ['inputs'] },
    { type: 'rates', nodes: ['inputs'] },
    { type: 'isi', nodes: ['inputs'] },
    { type: 'weights', edge: 'syn' },
  ]);
  await page.evaluate(() => window.__recurrence!.sim.step(2000));
  await expectAllDrawn(app);
  await expect(page.getByTestId('panel-raster').locator('.chart__legend')).toContainText(/spike \([\d,]+ events\)/);
  await expect(page.getByTestId('panel-rates').locator('.chart__label').first()).toHaveText('firing rate (Hz)');
  const csv = (await page.evaluate(() => window.__recurrence!.panels.csv(window.__recurrence!.panels.list()[0].id)))!;
  expect(csv.split('\n')[0]).toBe('step,unit');
  expect(csv.trim().split('\n').length).toBeGreaterThan(10);
});

test('the traces CSV export is exactly the data from the bridge', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'leaky-unit', [{ type: 'traces', nodes: ['x'] }]);
  await page.evaluate(() => window.__recurrence!.sim.step(40));
  await expect(page.locator('.panel-card .chart')).toHaveAttribute('data-empty', 'false');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export panel' }).click();
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('traces-x.csv');
  const lines = (await readFile((await file.path())!, 'utf8')).trim().split('\n');
  expect(lines[0]).toBe('step,x');
  const trace = (await app.getTrace('x'))!;
  expect(lines.slice(1).map((l) => l.split(',').map(Number))).toEqual(trace.map((row, t) => [t + 1, ...row]));

  for (const kind of ['PNG', 'SVG']) {
    const d = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export panel' }).click();
    await page.getByRole('menuitem', { name: kind }).click();
    expect((await d).suggestedFilename()).toBe(`traces-x.${kind.toLowerCase()}`);
  }
  const json = page.waitForEvent('download');
  await menuCommand(page, 'export-run', 'Run JSON');
  const run = JSON.parse(await readFile((await (await json).path())!, 'utf8'));
  expect(run.probes.x.rows).toEqual(trace);
});

test('panels can be added, moved, resized and removed; the layout is saved in the document', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'esn-sine', [{ type: 'traces', nodes: ['res'] }]);
  await addPanel(page, 'heatmap');
  await expect(page.locator('.panel-card')).toHaveCount(2);
  await page.getByTestId('panel-heatmap').getByRole('button', { name: 'Move panel left' }).click();
  await expect(page.locator('.panel-card').first()).toHaveAttribute('data-testid', 'panel-heatmap');
  const before = (await page.getByTestId('panel-heatmap').boundingBox())!.width;
  const handle = page.getByTestId('panel-heatmap').getByRole('separator');
  await handle.focus();
  await handle.press('ArrowRight');
  let saved = (await app.getDocument()).panels!;
  expect(saved.map((p) => p.type)).toEqual(['heatmap', 'traces']);
  expect(saved[0].width).toBeCloseTo(before + 40, 0);
  await page.getByTestId('panel-traces').getByTestId('panel-option-units').selectOption('10');
  await page.getByTestId('panel-heatmap').getByRole('button', { name: /Remove/ }).click();
  saved = (await app.getDocument()).panels!;
  expect(saved).toMatchObject([{ type: 'traces', nodes: ['res'], units: '10' }]);
});

test('screenshots: a running ESN with several panels, light and dark', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'esn-sine', [
    { type: 'traces', nodes: ['res'], width: 320 },
    { type: 'heatmap', nodes: ['res'], width: 310 },
    { type: 'phase', nodes: ['res', 'res'], mode: 'pca', width: 290 },
    { type: 'spectrum', edge: 'rec', width: 300 },
  ]);
  await page.evaluate(() => window.__recurrence!.sim.run());
  await expect.poll(() => page.evaluate(() => window.__recurrence!.sim.t()), { timeout: 10_000 }).toBeGreaterThan(400);
  await page.evaluate(() => window.__recurrence!.sim.pause());
  await expectAllDrawn(app);
  await page.screenshot({ path: 'test-results/panels-esn-light.png' });
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.waitForTimeout(100);
  await page.screenshot({ path: 'test-results/panels-esn-dark.png' });
  await page.getByTestId('panels').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await page.locator('.app-layout__panels').screenshot({ path: 'test-results/panels-esn-dark-region.png' });
});
