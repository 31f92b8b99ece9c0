/**
 * Phase portraits with nullclines and fixed points (Wilson–Cowan, the self-connected unit), the
 * note where there are none, live updates on parameter edits; and the small panel behaviours that
 * came with them: step / ms time axes, Reseed writing the seed into the document, the panels
 * region's height handle. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type AppPage } from './fixtures.ts';

const preset = (name: string) => JSON.parse(readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8'));

async function open(app: AppPage, doc: Record<string, unknown>, panels?: Record<string, unknown>[]) {
  if (panels) doc.panels = panels;
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  await expect(app.page.locator('.panel-card')).toHaveCount((doc.panels as unknown[]).length);
}

test('Wilson–Cowan: two nullclines, an unstable focus inside the limit cycle; Neuromatch defaults give three fixed points live', async ({ app }) => {
  const { page } = app;
  await open(app, preset('wilson-cowan'), [{ type: 'phase', nodes: ['wc', 'wc'], mode: 'units', unitA: '0', unitB: '1', width: 520 }]);
  await page.evaluate(() => window.__recurrence!.sim.step(600));
  const panel = page.getByTestId('panel-phase');
  await expect(panel.locator('.chart__nullcline')).toHaveCount(2);
  await expect(panel.locator('.chart__fixed')).toHaveCount(1);
  await expect(panel.locator('.chart__fixed--unstable')).toHaveCount(1);
  await expect(panel.locator('.chart__legend')).toContainText('E-nullcline (dE/dt = 0)');
  await expect(panel.locator('.chart__legend')).toContainText('unstable');
  await panel.screenshot({ path: 'test-results/phase-wilson-cowan-cycle.png' });

  // A live parameter edit (no reset): the Neuromatch defaults are bistable.
  const doc = await app.getDocument();
  Object.assign(doc.nodes[0].params as Record<string, number>, { w_EE: 9, w_EI: 4, w_IE: 13, w_II: 11, I_ext_E: 0 });
  expect(await page.evaluate((d) => window.__recurrence!.editDocument(d), doc)).toEqual({ ok: true });
  await page.evaluate(() => window.__recurrence!.sim.step(400));
  await expect(panel.locator('.chart__fixed')).toHaveCount(3);
  await expect(panel.locator('.chart__fixed--stable')).toHaveCount(2);
  await expect(panel.locator('.chart__legend')).toContainText('stable fixed point');
  // Hover on the high-activity fixed point: its coordinates and eigenvalues.
  const marks = panel.locator('.chart__fixed--stable');
  const box = (await marks.nth(1).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(panel.getByTestId('readout')).toContainText(/stable fixed point\s+E \(wc\) = 0\.938/);
  await page.mouse.move(0, 0);
  await panel.screenshot({ path: 'test-results/phase-wilson-cowan-bistable.png' });
});

test('the self-connected unit: its return map, the diagonal, fixed points ±0.957 (stable) and 0 (unstable)', async ({ app }) => {
  const { page } = app;
  await open(app, preset('self-connected-unit'), [
    { type: 'traces', nodes: ['x'] },
    { type: 'phase', nodes: ['x', 'x'], width: 460 },
  ]);
  await page.evaluate(() => window.__recurrence!.sim.step(160));
  const panel = page.getByTestId('panel-phase');
  await expect(panel.locator('.chart__nullcline')).toHaveCount(2);
  await expect(panel.locator('.chart__fixed--stable')).toHaveCount(2);
  await expect(panel.locator('.chart__fixed--unstable')).toHaveCount(1);
  await expect(panel.locator('.chart__legend')).toContainText('x[t+1] = tanh(2·x)');
  await expect(panel.locator('.chart__note')).toHaveText('for the current input u = 0');
  await expect(panel.locator('.chart__label').first()).toHaveText('x[t]');
  // One unit: no second unit picker to choose.
  await panel.screenshot({ path: 'test-results/phase-self-connected-unit.png' });
  // Discrete network: the time axis counts steps.
  await expect(page.getByTestId('panel-traces').locator('.chart__label').first()).toHaveText('step');
});

test('where there are no nullclines the panel says why; PC mode hides the unit pickers', async ({ app }) => {
  const { page } = app;
  await open(app, preset('esn-sine'), [{ type: 'phase', nodes: ['res', 'res'], mode: 'units', width: 520 }]);
  await page.evaluate(() => window.__recurrence!.sim.step(50));
  const panel = page.getByTestId('panel-phase');
  await expect(panel.locator('.chart__note')).toContainText('No nullclines: res has 100 units');
  await expect(panel.locator('.chart__nullcline')).toHaveCount(0);
  await expect(panel.getByTestId('panel-option-unitA')).toBeVisible();
  await panel.getByTestId('panel-option-mode').selectOption('pca');
  await expect(panel.getByTestId('panel-option-unitA')).toHaveCount(0);
  await expect(panel.getByTestId('panel-option-unitB')).toHaveCount(0);
  await expect(panel.locator('.chart')).toHaveAttribute('data-empty', 'false');
  await panel.screenshot({ path: 'test-results/phase-no-nullclines-pca.png' });
});

test('PC1 vs PC2 while the network runs: the stepping worker streams the projected steps, the trail follows the run', async ({ app }) => {
  const { page } = app;
  await open(app, preset('esn-sine'), [{ type: 'phase', nodes: ['res', 'res'], mode: 'pca', width: 520 }]);
  const panel = page.getByTestId('panel-phase');
  const legend = panel.locator('.chart__legend');
  const steps = async () => Number(/trajectory, ([\d,]+) steps/.exec((await legend.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-toggle')).toHaveText(/Pause/);
  await expect.poll(steps).toBeGreaterThan(100);
  const before = await steps();
  await expect.poll(steps).toBeGreaterThan(before); // the trail grows while it runs
  await expect(panel.locator('.chart')).toHaveAttribute('data-empty', 'false');
  await expect(panel.locator('.chart__label').nth(0)).toHaveText(/^PC1 \(\d+%\)$/);
  await panel.screenshot({ path: 'test-results/phase-pca-running.png' });
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-toggle')).toHaveText(/Run/);
});

test('continuous-time networks label time in ms', async ({ app }) => {
  const { page } = app;
  await open(app, preset('wilson-cowan'), [{ type: 'traces', nodes: ['wc'] }]);
  await page.evaluate(() => window.__recurrence!.sim.step(20));
  await expect(page.getByTestId('panel-traces').locator('.chart__label').first()).toHaveText('time (ms)');
});

test('Reseed writes the new seed into the document (not undoable), so a link reproduces the run', async ({ app }) => {
  const { page } = app;
  await open(app, preset('esn-sine'), [{ type: 'traces', nodes: ['res'] }]);
  const before = (await app.getDocument()).seed;
  await page.getByTestId('reseed').click();
  await expect.poll(async () => (await app.getDocument()).seed).not.toBe(before);
  await page.evaluate(() => window.__recurrence!.sim.step(30));
  const reseeded = await app.getTrace('res');
  await page.evaluate(() => window.__recurrence!.sim.run(30)); // from the document's seed
  expect(await app.getTrace('res')).toEqual(reseeded);
});

test('the panels region can be made taller by its handle; the height is remembered', async ({ app }) => {
  const { page } = app;
  const region = page.locator('.app-layout__panels');
  const before = (await region.boundingBox())!.height;
  const handle = page.getByTestId('panels-height-handle');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 5 });
  await page.mouse.up();
  const after = (await region.boundingBox())!.height;
  expect(after).toBeGreaterThan(before + 100);
  expect(Number(await page.evaluate(() => localStorage.getItem('recurrence.panelsHeight')))).toBeCloseTo(after, -1);
  await page.reload();
  await page.waitForFunction(() => window.__recurrence !== undefined);
  await expect.poll(async () => (await region.boundingBox())!.height).toBeGreaterThan(before + 100);
});

test('Beer’s CTRNN oscillator: nullclines crossing at the one unstable (centre-crossing) fixed point', async ({ app }) => {
  const { page } = app;
  await open(app, preset('ctrnn-oscillator'), [{ type: 'phase', nodes: ['c', 'c'], mode: 'units', unitA: '0', unitB: '1', width: 520 }]);
  await page.evaluate(() => window.__recurrence!.sim.step(1500));
  const panel = page.getByTestId('panel-phase');
  await expect(panel.locator('.chart__nullcline')).toHaveCount(2);
  await expect(panel.locator('.chart__fixed--unstable')).toHaveCount(1);
  await expect(panel.locator('.chart__legend')).toContainText('c[0]-nullcline (dc[0]/dt = 0)');
  await panel.screenshot({ path: 'test-results/phase-ctrnn-oscillator.png' });
});
