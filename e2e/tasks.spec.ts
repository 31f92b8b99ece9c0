/**
 * Tasks in the app: Train (the readouts' NRMSE, then the prediction over its target) and Memory
 * capacity (MC and the forgetting curve) — the values `recurrence train` / `task` compute in Node.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { openAt } from './lessons-helpers.ts';
import { parseDocumentText } from '../src/model/index.ts';
import { memoryCapacity, memoryCapacityOptions, Simulator, trainReadouts } from '../src/engine/index.ts';

function preset(name: string) {
  const text = readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8');
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`preset ${name} invalid`);
  return { raw: JSON.parse(text) as unknown, doc: parsed.doc };
}

test('Train reports the CLI’s errors, and Show prediction draws the readout on its target', async ({ app }) => {
  const { page } = app;
  const { raw, doc } = preset('esn-mackey-glass');
  const expected = trainReadouts(Simulator.fromDocument(doc)).out;
  expect(await app.loadDocument(raw)).toEqual({ ok: true });

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const dialog = page.getByTestId('train-dialog');
  await expect(dialog.getByTestId('train-results')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('nrmse-test-out')).toHaveText(expected.nrmse_test!.toPrecision(3));
  expect(expected.nrmse_test!).toBeLessThan(0.05);

  await dialog.getByRole('button', { name: 'Show prediction' }).click();
  const panel = page.getByTestId('panel-readout');
  await expect(panel).toBeVisible();
  const total = expected.washout + expected.train + expected.test;
  await expect.poll(() => page.evaluate(() => window.__recurrence!.sim.t()), { timeout: 30_000 }).toBe(total);
  // the panel draws exactly the run: over the test window its NRMSE is the reported one
  const id = (await page.evaluate(() => window.__recurrence!.panels.list().find((p) => p.type === 'readout')!.id)) as string;
  await expect.poll(async () => ((await page.evaluate((i) => window.__recurrence!.panels.csv(i), id)) ?? '').split('\n').length, { timeout: 10_000 }).toBeGreaterThan(expected.test);
  const csv = (await page.evaluate((i) => window.__recurrence!.panels.csv(i), id))!;
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const testRows = rows.filter(([step]) => step > expected.washout + expected.train);
  expect(testRows).toHaveLength(expected.test);
  // It shows the test window alone (zoomable), not 3,200 steps crammed into the card.
  expect(rows).toHaveLength(expected.test);
  expect(rows[0][0]).toBe(expected.washout + expected.train + 1);
  await expect(panel.getByTestId('panel-option-range')).toHaveValue('test');
  const mean = testRows.reduce((s, r) => s + r[2], 0) / testRows.length;
  const nrmse = Math.sqrt(testRows.reduce((s, r) => s + (r[1] - r[2]) ** 2, 0) / testRows.reduce((s, r) => s + (r[2] - mean) ** 2, 0));
  expect(nrmse).toBeCloseTo(expected.nrmse_test!, 4);
  await page.screenshot({ path: test.info().outputPath('train-prediction.png') });
});

test('Memory capacity computes MC and draws the forgetting curve', async ({ app }) => {
  const { page } = app;
  const { raw, doc } = preset('esn-memory-capacity');
  const chosen = memoryCapacityOptions(doc, { node: 'res' });
  if (!chosen.ok) throw new Error(chosen.error);
  const expected = memoryCapacity(Simulator.fromDocument(doc), chosen.options);
  expect(await app.loadDocument(raw)).toEqual({ ok: true });

  await page.getByRole('button', { name: 'Memory capacity…' }).click();
  const dialog = page.getByTestId('mc-dialog');
  await expect(dialog.getByTestId('mc-node')).toHaveValue('res');
  await expect(dialog.getByTestId('mc-input')).toHaveValue('u');
  await dialog.getByRole('button', { name: 'Compute' }).click();
  await expect(dialog.getByTestId('mc-value')).toHaveText(expected.mc.toFixed(2), { timeout: 30_000 });
  await expect(dialog.getByTestId('forgetting-curve').locator('rect')).toHaveCount(chosen.options.maxDelay);
  await page.screenshot({ path: test.info().outputPath('memory-capacity.png') });

  // a bad K is refused in the form, naming the rule
  await dialog.getByTestId('mc-max-delay').fill('0');
  await expect(dialog.getByText('K must be a whole number from 1 to 1,000.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Compute' })).toBeDisabled();
});

test('a lesson step about the trained error ticks once Train has run on the network', async ({ page }) => {
  await openAt(page, '/?lesson=esn-mackey-glass');
  const step1 = page.getByTestId('try-step-1').locator('input[type="checkbox"]');
  await expect(step1).not.toBeChecked();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('train-dialog').getByTestId('train-results')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('train-dialog').getByRole('button', { name: 'Close' }).click();
  await expect(step1).toBeChecked(); // test NRMSE 0.0015 < 0.05
  await expect(page.getByTestId('try-step-3').locator('input[type="checkbox"]')).not.toBeChecked(); // needs the edge ro removed
});
