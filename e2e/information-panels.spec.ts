/**
 * Information panels against the built app: the information panel (a measure over a sliding
 * window, computed in the engine worker) and the local AIS / TE heatmap on the edge-of-chaos and
 * ESN presets — values appear, are finite, the heatmap shows both signs, hover reads a cell, the
 * node is tinted; long tasks on the page are measured while it runs; screenshots go to
 * test-results/.
 */
import { test, expect, addPanel, type AppPage } from './fixtures.ts';
import { openWith, preset } from './panel-helpers.ts';

/** A panel's CSV export (exactly what it draws), as rows of numbers after the header. */
async function panelCsv(app: AppPage, type: string) {
  const text = await app.page.evaluate((t) => {
    const bridge = window.__recurrence!;
    const panel = bridge.panels.list().find((p) => p.type === t)!;
    return bridge.panels.csv(panel.id);
  }, type);
  const [header, ...rows] = text!.trim().split('\n');
  return { header: header.split(','), rows: rows.map((r) => r.split(',').map((v) => (v === '' ? NaN : Number(v)))) };
}

/** Pixels of the heatmap canvas that are clearly red (positive) and clearly blue (negative). */
function heatmapColours(app: AppPage) {
  return app.page.getByTestId('panel-ais-heatmap').locator('canvas.chart__canvas').evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    let blue = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      if (px[i] > px[i + 2] + 40) red++;
      else if (px[i + 2] > px[i] + 40) blue++;
    }
    return { red, blue };
  });
}

test('edge of chaos: live information panel and local AIS heatmap (values, both signs, hover, tint, long tasks, screenshot)', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'edge-of-chaos', [
    { type: 'information', nodes: ['res', 'res'], measure: 'ais', width: 370 },
    { type: 'ais-heatmap', nodes: ['res', 'res'], tint: 'on', refresh: '250', width: 530 },
  ]);
  const info = page.getByTestId('panel-information');
  const heat = page.getByTestId('panel-ais-heatmap');
  // Long tasks on the page while it runs (measured, not asserted: the measures run in the worker).
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.evaluate(() => window.__recurrence!.sim.setSpeed(20));
  await page.evaluate(() => window.__recurrence!.sim.run());
  await expect.poll(() => page.evaluate(() => window.__recurrence!.sim.t()), { timeout: 20_000 }).toBeGreaterThan(1500);
  await expect.poll(async () => (await panelCsv(app, 'information')).rows.length, { timeout: 10_000 }).toBeGreaterThan(3);
  await page.evaluate(() => window.__recurrence!.sim.pause());
  await page.waitForTimeout(700); // the last refresh after the pause

  // Information panel: a line of finite AIS values in bits, the current value read out.
  await expect(info.getByTestId('measure-value')).toHaveText(/^\d+\.\d{4} bits · 1000-step window · [\d.]+ ms$/);
  await expect(info.locator('.chart__label').nth(1)).toHaveText('AIS (bits)');
  const line = await panelCsv(app, 'information');
  expect(line.header[0]).toBe('step');
  expect(line.header[1]).toBe('mean AIS(res) over 100 units');
  for (const [step, v] of line.rows) {
    expect(step).toBeGreaterThan(0);
    expect(Number.isFinite(v) && v >= 0 && v <= 1).toBe(true);
  }

  // Heatmap: 100 units × the 1,000-step window, k = 4 blank steps, both signs of local AIS, and the colours show them.
  await expect(heat.locator('.chart')).toHaveAttribute('data-empty', 'false');
  const grid = await panelCsv(app, 'ais-heatmap');
  expect(grid.rows).toHaveLength(100);
  expect(grid.header).toHaveLength(1001);
  const values = grid.rows.flatMap((r) => r.slice(1)).filter(Number.isFinite);
  expect(values.length).toBe(100 * 996);
  expect(values.some((v) => v > 0)).toBe(true);
  expect(values.some((v) => v < 0)).toBe(true);
  const colours = await heatmapColours(app);
  expect(colours.red).toBeGreaterThan(100);
  expect(colours.blue).toBeGreaterThan(100);
  await expect(heat.locator('.chart__colorbar .chart__label')).toHaveText('local AIS (bits)');
  const ticks = await heat.locator('.chart__colorbar .tick text').allTextContents();
  expect(ticks.some((t) => /^[−-]\d/.test(t)), ticks.join(' ')).toBe(true);

  // Hover reads the unit, step and value.
  const box = (await heat.locator('.chart__overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3);
  await expect(heat.getByTestId('readout')).toContainText(/unit \d+, step \d+\nlocal AIS \(bits\) = [−-]?[\d.]+/);

  // The reservoir node is tinted by its mean AIS (and says so).
  const node = page.locator('.graph-node[data-tinted]');
  await expect(node).toHaveCount(1);
  await expect(node).toHaveAttribute('title', /mean AIS \d\.\d{4} bits/);

  const ms = Number(await heat.locator('.measure-chart').getAttribute('data-measure-ms'));
  const infoMs = Number(await info.locator('.measure-chart').getAttribute('data-measure-ms'));
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  console.log(`measure in the worker: heatmap (100 units × 1000 steps, locals) ${ms} ms, information (averages) ${infoMs} ms; page long tasks while running: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`);
  expect(ms).toBeGreaterThan(0);

  await page.screenshot({ path: 'test-results/information-edge-of-chaos.png' });
  await page.locator('.app-layout__panels').screenshot({ path: 'test-results/information-edge-of-chaos-panels.png' });
  await heat.screenshot({ path: 'test-results/information-ais-heatmap-card.png' });

  // Removing the heatmap removes the tint.
  await heat.getByRole('button', { name: /Remove/ }).click();
  await expect(page.locator('.graph-node[data-tinted]')).toHaveCount(0);
});

test('ESN: TE from the input, KSG on one unit, entropy chosen in the header; a reset clears the values', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'esn-sine', [
    { type: 'information', nodes: ['res', 'u'], measure: 'te', estimator: 'ksg', unit: '0', k: '2', window: '500', refresh: '250' },
    { type: 'ais-heatmap', nodes: ['res', 'u'], measure: 'te', k: '2', window: '500', refresh: '250' },
  ]);
  const info = page.getByTestId('panel-information');
  const heat = page.getByTestId('panel-ais-heatmap');
  await expect(info.getByTestId('panel-node-b')).toHaveValue('u');
  await page.evaluate(() => window.__recurrence!.sim.step(600));
  await expect(info.getByTestId('measure-value')).toHaveText(/^-?\d+\.\d{4} nats · 500-step window/);
  await expect(info.locator('.chart__label').nth(1)).toHaveText('TE (nats)');
  await expect(heat.getByTestId('measure-value')).toHaveText(/^mean TE -?\d+\.\d{4} bits/);
  await expect(heat.locator('.chart__colorbar .chart__label')).toHaveText('local TE (bits)');
  const grid = await panelCsv(app, 'ais-heatmap');
  expect(grid.rows.flatMap((r) => r.slice(1)).filter(Number.isFinite).length).toBe(100 * 498);
  await page.locator('.app-layout__panels').screenshot({ path: 'test-results/information-esn-te-panels.png' });

  // The card's measure menu: entropy of the population, in bits; the source picker goes away.
  await info.getByTestId('panel-option-measure').selectOption('entropy');
  // The estimator is under the card's Advanced fold.
  await info.getByTestId('panel-advanced').click();
  await info.getByTestId('panel-option-estimator').selectOption('discrete');
  await page.keyboard.press('Escape');
  await expect(info.getByTestId('panel-node-b')).toHaveCount(0);
  await page.evaluate(() => window.__recurrence!.sim.step(10));
  await expect(info.getByTestId('measure-value')).toHaveText(/^1\.0000 bits/); // a median split: exactly one bit
  await expect(info.locator('.chart__label').nth(1)).toHaveText('H (bits)');

  await page.evaluate(() => window.__recurrence!.sim.reset());
  await expect(info.getByTestId('measure-value')).toHaveText('');
  await expect(heat.locator('.chart')).toHaveAttribute('data-empty', 'true');
});

test('the information panels are in the Add-panel menu and the edge-of-chaos preset suggests the heatmap', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'edge-of-chaos', [{ type: 'traces', nodes: ['res'] }]);
  await addPanel(page, 'information');
  await addPanel(page, 'ais-heatmap');
  await expect(page.locator('.panel-card')).toHaveCount(3);
  await page.evaluate(() => window.__recurrence!.sim.step(300));
  await expect(page.getByTestId('panel-information').getByTestId('measure-value')).toHaveText(/bits/);
  await expect(page.getByTestId('panel-ais-heatmap').locator('.chart')).toHaveAttribute('data-empty', 'false');
  expect(preset('edge-of-chaos').panels.map((p: { type: string }) => p.type)).toContain('ais-heatmap');
});
