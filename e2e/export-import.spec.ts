/**
 * Export ▸ notebook / PyNN script (downloads captured, their content checked) and Import ▸
 * simulation results (a results file for the open spiking network: rates table and one raster
 * pair per population; a file for another network is refused with the reason, the network kept).
 * After Train, the exported notebook carries the trained W_out.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { parseDocumentText } from '../src/model/index.ts';
import { Simulator, trainReadouts } from '../src/engine/index.ts';

function preset(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8'));
}

async function exportAs(page: Page, label: string) {
  await page.getByTestId('export-menu').click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: label }).click();
  return download;
}

async function importResults(page: Page, name: string, results: unknown) {
  await page.getByTestId('import-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Simulation results (.json)' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(results)) });
}

/** Regular spike trains: cell i of a population fires every `period` ms from i·0.7 ms. */
function trains(size: number, period: number, duration: number): number[][] {
  return Array.from({ length: size }, (_, i) => Array.from({ length: Math.floor((duration - i * 0.7) / period) }, (__, k) => i * 0.7 + k * period));
}

test('Export ▸ Python notebook downloads an nbformat 4 notebook of the open network', async ({ app }) => {
  const file = await exportAs(app.page, 'Python notebook (.ipynb)');
  expect(file.suggestedFilename()).toBe('leaky-unit-with-self-excitation.ipynb');
  const nb = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(nb.nbformat).toBe(4);
  expect(nb.cells.find((c: { metadata: { tags?: string[] } }) => c.metadata.tags?.includes('parameters')).source.join('')).toBe('STEPS = 1000\nOUT = "trace.json"');
});

test('after Train, Export ▸ Python notebook carries the trained W_out (the one recurrence train fits), not the untrained zeros', async ({ app }) => {
  test.setTimeout(90_000); // training waits up to 60 s below
  const { page } = app;
  const raw = preset('esn-mackey-glass');
  const parsed = parseDocumentText(JSON.stringify(raw));
  if (!parsed.ok) throw new Error('preset invalid');
  const sim = Simulator.fromDocument(parsed.doc);
  trainReadouts(sim);
  const expected = Array.from((sim.program.nodeById.get('out') as unknown as { readout: { weights: Float64Array } }).readout.weights);
  expect((await app.loadDocument(raw)).ok).toBe(true);

  const before = JSON.parse(await readFile((await (await exportAs(page, 'Python notebook (.ipynb)')).path())!, 'utf8'));
  const source = (nb: { cells: { source: string[] }[] }) => nb.cells.map((c) => c.source.join('')).join('\n');
  expect(source(before)).toContain('W_out["out"] = np.zeros((1, 102), dtype=np.float64)  # W_out as the engine holds it at step 0');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const dialog = page.getByTestId('train-dialog');
  await expect(dialog.getByTestId('train-results')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const after = source(JSON.parse(await readFile((await (await exportAs(page, 'Python notebook (.ipynb)')).path())!, 'utf8')));
  const m = /W_out\["out"\] = unpack\("([^"]+)", "<f8", \(1, 102\)\) {2}# W_out as trained in the app/.exec(after);
  expect(m, 'the trained W_out, embedded').not.toBeNull();
  const bytes = Buffer.from(m![1], 'base64');
  const got = Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8));
  expect(got).toHaveLength(expected.length);
  got.forEach((w, k) => expect(Math.abs(w - expected[k]), `W_out[${k}]`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[k]))));
});

test('Export refuses a spiking network as a notebook with a message; PyNN script downloads', async ({ app }) => {
  const { page } = app;
  expect((await app.loadDocument(preset('poisson-lif-stdp'))).ok).toBe(true);
  await page.getByTestId('export-menu').click();
  await page.getByRole('menuitem', { name: 'Python notebook (.ipynb)' }).click();
  await expect(page.getByText(/cannot export to a notebook: nodes "inputs" \(poisson\), "n" \(lif\)/)).toBeVisible();
  const file = await exportAs(page, 'PyNN script (.py)');
  expect(file.suggestedFilename()).toMatch(/\.py$/);
  const text = await readFile((await file.path())!, 'utf8');
  expect(text).toContain('sim.STDPMechanism(');
  expect(text).toContain('poisson("inputs", 100, 15.0)');
});

test('Import ▸ simulation results: a rates table and rasters per population beside the engine; another network is refused', async ({ app }) => {
  const { page } = app;
  expect((await app.loadDocument(preset('poisson-lif-stdp'))).ok).toBe(true);
  const base = { simulator: 'neuron', processes: 2, dt: 0.1, duration_ms: 1000, wall_s: 1.5 };
  const inputs = trains(100, 66, 1000);
  const n = trains(1, 80, 1000);
  const rate = (l: number[][]) => l.map((s) => s.length);
  await importResults(page, 'other.json', { ...base, populations: { inputs: { size: 10, rates_hz: Array(10).fill(1), spikes: Array.from({ length: 10 }, () => []) }, n: { size: 1, rates_hz: [1], spikes: [[]] } } });
  await expect(page.getByText(/population "inputs" has 10 cells in the results and 100 in the network/)).toBeVisible();
  await importResults(page, 'bad.json', { ...base, populations: { n: { size: 1, rates_hz: ['fast'], spikes: [[]] } } });
  await expect(page.getByText(/populations\.n\.rates_hz\[0\]/)).toBeVisible();
  expect((await app.getDocument()).nodes.map((x) => x.id)).toEqual(['inputs', 'n']);

  await importResults(page, 'results.json', { ...base, populations: { inputs: { size: 100, rates_hz: rate(inputs), spikes: inputs }, n: { size: 1, rates_hz: rate(n), spikes: n } } });
  const dialog = page.getByTestId('results-dialog');
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const rows = dialog.getByTestId('results-rates').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('inputs');
  const importedHz = rate(inputs).reduce((a, b) => a + b, 0) / 100;
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText(importedHz.toFixed(2));
  const engineHz = Number(await rows.nth(0).locator('td').nth(2).textContent());
  expect(engineHz).toBeGreaterThan(12);
  expect(engineHz).toBeLessThan(18);
  for (const id of ['inputs', 'n']) {
    await expect(dialog.getByTestId(`results-raster-imported-${id}`).locator('canvas')).toBeVisible();
    await expect(dialog.getByTestId(`results-raster-engine-${id}`).locator('canvas')).toBeVisible();
  }
  await expect(dialog.getByTestId('results-raster-imported-inputs')).toContainText(/spikes/);
  await page.screenshot({ path: 'test-results/export-import-results.png' });
});
