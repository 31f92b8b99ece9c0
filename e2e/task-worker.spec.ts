/**
 * Tasks run on a worker of their own (the task worker): while Train runs BPTT — and while it is
 * paused, which holds its worker between two segments — the information panel keeps measuring
 * the running network; the Eigenvalues panel of a 1,000-unit reservoir completes while a
 * memory-capacity run is still computing. On one analysis worker both would wait for the task.
 * Behaviour, not timing: no test here asserts a duration.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';

type Page = import('@playwright/test').Page;

/** How many rows a panel's CSV export holds (what it draws; 0 before it draws anything). */
async function csvRows(page: Page, type: string): Promise<number> {
  const csv = await page.evaluate((t) => {
    const b = window.__recurrence!;
    const p = b.panels.list().find((x) => x.type === t);
    return p ? b.panels.csv(p.id) : null;
  }, type);
  return csv ? csv.trim().split('\n').length - 1 : 0;
}

/** The eigenvalues the spectrum panel draws now: [re, im, |λ|] rows of its CSV export. */
async function drawnEigenvalues(page: Page): Promise<number[][]> {
  const csv = await page.evaluate(() => {
    const b = window.__recurrence!;
    const p = b.panels.list().find((x) => x.type === 'spectrum');
    return p ? b.panels.csv(p.id) : null;
  });
  return (csv ?? '').trim().split('\n').slice(1).filter(Boolean).map((r) => r.split(',').map(Number));
}

test('while Train runs BPTT on the Elman network, running or paused, the information panel keeps measuring the running network', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  const raw = JSON.parse(readFileSync(new URL('../presets/elman.json', import.meta.url), 'utf8')) as {
    nodes: { id: string; params: { training?: { epochs: number } } }[];
    panels?: unknown[];
  };
  // a training far longer than the test: it is cancelled at the end
  raw.nodes.find((n) => n.id === 'out')!.params.training!.epochs = 100_000;
  raw.panels = [{ id: 'ais', type: 'information', nodes: ['hidden', 'hidden'], measure: 'ais' }];
  expect(await app.loadDocument(raw)).toEqual({ ok: true });

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const controls = page.getByTestId('panel-loss').getByTestId('training-controls');
  await expect.poll(() => csvRows(page, 'loss'), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => window.__recurrence!.sim.run());

  // the training goes on, and the panel's measures of the running network come meanwhile
  await expect.poll(() => csvRows(page, 'information'), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await expect(controls).toBeVisible();
  await expect(controls).not.toContainText('Paused');
  const epochs = await csvRows(page, 'loss');
  await expect.poll(() => csvRows(page, 'loss'), { timeout: 60_000 }).toBeGreaterThan(epochs);
  await page.screenshot({ path: test.info().outputPath('measures-while-training.png') });

  // paused, the training holds its worker; the measures still come
  await controls.getByTestId('training-pause').click();
  await expect(controls).toContainText('Paused');
  const measured = await csvRows(page, 'information');
  await expect.poll(() => csvRows(page, 'information'), { timeout: 60_000 }).toBeGreaterThanOrEqual(measured + 3);
  await expect(controls).toContainText('Paused');
  await page.screenshot({ path: test.info().outputPath('measures-while-training-paused.png') });

  await controls.getByTestId('training-cancel').click();
  await expect(controls).toBeHidden();
  expect(await page.evaluate(() => window.__recurrence!.sim.status())).toBe('running');
});

test('the Eigenvalues panel of a 1,000-unit reservoir completes while a memory-capacity run computes', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  // `res` (1,000 units) has the spectrum; memory capacity runs on `big` (2,000 units: its ridge
  // regression over 4,000 steps takes many times longer than the 1,000 eigenvalues)
  const reservoir = (id: string, size: number, connectivity: number) => [
    { id, kind: 'rate', position: { x: 250, y: id === 'res' ? 0 : 200 }, params: { size, activation: 'tanh', leak: 0.3 } },
    { id: `in_${id}`, source: 'u', target: id, params: { weight: { type: 'uniform', low: -0.5, high: 0.5 }, delay: 0 } },
    { id: `rec_${id}`, source: id, target: id, params: { weight: { type: 'normal', mean: 0, std: 1 }, connectivity, spectralRadius: 0.95, delay: 1 } },
  ];
  const parts = [...reservoir('res', 1000, 0.02), ...reservoir('big', 2000, 0.01)];
  const doc = {
    format: 'recurrence-graph',
    version: 2,
    title: 'Two reservoirs',
    seed: 11,
    dt: 1,
    nodes: [{ id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 1, signal: { type: 'memory-capacity' } } }, ...parts.filter((p) => 'kind' in p)],
    edges: parts.filter((p) => 'source' in p),
    panels: [],
  };
  expect(await app.loadDocument(doc)).toEqual({ ok: true });

  await page.getByRole('button', { name: 'Memory capacity…' }).click();
  const dialog = page.getByTestId('mc-dialog');
  await dialog.getByTestId('mc-node').selectOption('big');
  await expect(dialog.getByTestId('mc-input')).toHaveValue('u');
  await dialog.getByRole('button', { name: 'Compute' }).click();
  const progress = dialog.getByTestId('task-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('memory capacity: step', { timeout: 60_000 });

  await page.evaluate(() => window.__recurrence!.panels.add({ type: 'spectrum', edge: 'rec_res' }));
  await expect.poll(async () => (await drawnEigenvalues(page)).length, { timeout: 120_000 }).toBe(1000);
  expect(Math.max(...(await drawnEigenvalues(page)).map(([, , abs]) => abs))).toBeCloseTo(0.95, 6);
  // the memory-capacity run is still computing
  await expect(progress).toBeVisible();
  await expect(dialog.getByTestId('mc-result')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('eigenvalues-during-memory-capacity.png') });

  await progress.getByTestId('task-cancel').click();
  await expect(progress).toBeHidden();
});
