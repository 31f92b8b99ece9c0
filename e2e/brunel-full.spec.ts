/**
 * brunel-full runs live in the browser: 12,500 LIF neurons and 15.6 million synapses compiled in
 * the stepping worker, its raster and rates drawn, and the population firing at about Brunel's
 * mean-field rate (37.9 Hz) in the page's probe window and in I's rate histogram since Run.
 */
import { test, expect } from './fixtures.ts';
import { preset } from './panel-helpers.ts';

test('brunel-full runs live: raster and rates drawn, E fires near the mean-field rate', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  expect(await app.loadDocument(preset('brunel-full'))).toEqual({ ok: true });
  await expect(page.locator('.panel-card')).toHaveCount(3);
  await page.evaluate(() => window.__recurrence!.sim.run());
  // 150 ms of network time: past the transient, and the E window (200 steps) filled
  await expect.poll(() => page.evaluate(() => window.__recurrence!.sim.t()), { timeout: 150_000, intervals: [500] }).toBeGreaterThan(1500);
  await page.evaluate(() => window.__recurrence!.sim.pause());
  await expect(page.getByTestId('panel-raster').locator('.chart')).toHaveAttribute('data-empty', 'false');
  await expect(page.getByTestId('panel-rates').locator('.chart')).toHaveAttribute('data-empty', 'false');
  // spikes per neuron per step over the window, in Hz (dt = 0.1 ms)
  const { rows, rate } = await page.evaluate(() => {
    const trace = window.__recurrence!.sim.getTrace('E')!;
    let spikes = 0;
    for (const row of trace) for (const s of row) spikes += s;
    return { rows: trace.length, rate: spikes / (trace.length * trace[0].length) / 0.0001 };
  });
  expect(rows).toBeGreaterThanOrEqual(100);
  expect(Math.abs(rate - 37.9) / 37.9).toBeLessThan(0.15);
  // I's rate histogram counts every step since Run, not only its 800-step window (80 ms)
  const ratesCard = page.getByTestId('panel-rates');
  const span = Number((await ratesCard.locator('.chart').textContent())!.match(/2,500 values over (\d+) ms/)![1]);
  expect(span).toBeGreaterThanOrEqual(150);
  const bins = ((await page.evaluate(() => window.__recurrence!.panels.csv(window.__recurrence!.panels.list().find((p) => p.type === 'rates')!.id))) ?? '')
    .trim().split('\n').slice(1).map((r) => r.split(',').map(Number));
  const meanRate = bins.reduce((sum, [x0, x1, count]) => sum + ((x0 + x1) / 2) * count, 0) / bins.reduce((n, b) => n + b[2], 0);
  expect(Math.abs(meanRate - 37.9) / 37.9).toBeLessThan(0.15);
  await expect(page.getByTestId('panel-isi').locator('.chart')).toContainText(/values over \d+ ms/);
  await page.screenshot({ path: 'test-results/brunel-full-live.png' });
});
