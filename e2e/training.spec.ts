/**
 * Gradient training in Chromium (issue #15): Train on the Elman preset runs BPTT on the task
 * worker, the Loss panel fills epoch by epoch with the numbers `recurrence train` computes in
 * Node (and falls), the training can be paused and resumed, the results report the accuracy,
 * the Gradient flow panel shows the flow before and after training, "Keep trained weights" writes
 * the trained matrices into the document as one edit and Undo takes them out again.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { parseDocumentText } from '../src/model/index.ts';
import { Simulator, trainReadouts } from '../src/engine/index.ts';
import { AnalysisSession } from '../src/engine/worker/analysis-session.ts';

function preset(name: string) {
  const text = readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8');
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`preset ${name} invalid`);
  return { raw: JSON.parse(text) as unknown, doc: parsed.doc };
}

/** A panel's CSV rows (header dropped), as numbers ('' → NaN). */
async function csvRows(page: import('@playwright/test').Page, type: string): Promise<number[][]> {
  const csv = await page.evaluate((t) => {
    const b = window.__recurrence!;
    const p = b.panels.list().find((x) => x.type === t);
    return p ? b.panels.csv(p.id) : null;
  }, type);
  if (!csv) return [];
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map((v) => (v === '' ? NaN : Number(v))));
}

test('Train runs BPTT on the Elman network: the loss falls live, pause and resume, accuracy, keep the weights, undo', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const { raw, doc } = preset('elman');
  const expected = trainReadouts(Simulator.fromDocument(doc)).out;
  const epochs = expected.loss_curve!.length;
  await page.setViewportSize({ width: 1440, height: 900 });

  // a long training (400 epochs): paused, it holds; resumed, it goes on; cancelled, it stops and says so
  const long = structuredClone(raw) as { nodes: { id: string; params: { training?: { epochs: number } } }[] };
  long.nodes.find((n) => n.id === 'out')!.params.training!.epochs = 400;
  expect(await app.loadDocument(long)).toEqual({ ok: true });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const loss = page.getByTestId('panel-loss');
  await expect(loss).toBeVisible();
  await expect(page.getByTestId('panel-gradient-flow')).toBeVisible();
  const controls = loss.getByTestId('training-controls');
  await expect.poll(async () => (await csvRows(page, 'loss')).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  await controls.getByTestId('training-pause').click();
  await expect(controls).toContainText('Paused');
  await page.waitForTimeout(1000); // an epoch under way may finish
  const held = (await csvRows(page, 'loss')).length;
  await page.waitForTimeout(1500);
  expect((await csvRows(page, 'loss')).length).toBe(held);
  await page.screenshot({ path: test.info().outputPath('training-paused.png') });
  await controls.getByTestId('training-pause').click();
  await expect(controls).not.toContainText('Paused');
  await expect.poll(async () => (await csvRows(page, 'loss')).length, { timeout: 30_000 }).toBeGreaterThan(held);
  await controls.getByTestId('training-cancel').click();
  await expect(controls).toBeHidden();
  await expect(loss).toContainText('cancelled at epoch');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();

  // the preset as it is, trained to the end
  expect(await app.loadDocument(raw)).toEqual({ ok: true });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const dialog = page.getByTestId('train-dialog');
  await expect(dialog.getByTestId('train-results')).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByTestId('accuracy-test-out')).toHaveText(`${(100 * expected.accuracy_test!).toFixed(1)} %`);
  expect(expected.accuracy_test!).toBeGreaterThan(0.6);

  // the Loss panel drew exactly the Node training's curves: epoch 0 (before training) to the last, falling
  const rows = await csvRows(page, 'loss');
  expect(rows.map((r) => r[0])).toEqual(Array.from({ length: epochs + 1 }, (_, e) => e));
  const train = rows.slice(1).map((r) => r[1]);
  train.forEach((v, i) => expect(v).toBeCloseTo(expected.loss_curve![i], 9));
  rows.slice(1).forEach((r, i) => expect(r[2]).toBeCloseTo(expected.test_loss_curve![i], 9));
  expect(train.at(-1)!).toBeLessThan(0.8 * train[0]);

  // the gradient flow before training and after the last epoch, over 50 steps back
  const flow = await csvRows(page, 'gradient-flow');
  expect(flow).toHaveLength(50);
  expect(flow.every((r) => r[1] > 0 && r[2] > 0)).toBe(true);

  // Keep trained weights: one edit; the trained edges become matrices
  const before = await page.evaluate(() => window.__recurrence!.getDocument());
  await dialog.getByTestId('train-keep').click();
  await expect(dialog.getByTestId('train-keep')).toHaveCount(0);
  const kept = (await page.evaluate(() => window.__recurrence!.getDocument())) as typeof doc;
  const weightOf = (d: typeof doc, id: string) => d.edges.find((e) => e.id === id)!.params.weight as { type: string; values?: number[][] };
  expect(weightOf(kept, 'w_ctx').type).toBe('matrix');
  expect(weightOf(kept, 'w_in').type).toBe('matrix');
  expect(weightOf(kept, 'copy')).toEqual(weightOf(before as typeof doc, 'copy')); // frozen: "trainable": false
  expect((kept.nodes.find((n) => n.id === 'out')!.params as { weights?: number[][] }).weights).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.screenshot({ path: test.info().outputPath('training-done.png') });

  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await page.evaluate(() => window.__recurrence!.getDocument())).toEqual(before);
});

test('the Gradient flow panel shows the untrained network’s flow and follows its spectral radius', async ({ app }) => {
  const { page } = app;
  const { raw, doc } = preset('vanishing-gradients');
  const withRadius = (r: number) => ({ ...doc, edges: doc.edges.map((e) => (e.id === 'rec' ? { ...e, params: { ...e.params, spectralRadius: r } } : e)) });
  const session = new AnalysisSession();
  const flowOf = async (d: typeof doc) => {
    const reply = await session.gradientFlow(d, d.seed);
    if (!reply.ok) throw new Error(reply.error);
    return reply.flow;
  };
  expect(await app.loadDocument(raw)).toEqual({ ok: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  const panel = page.getByTestId('panel-gradient-flow');
  await expect(panel).toBeVisible();

  for (const radius of [1, 0.5]) {
    const expected = await flowOf(withRadius(radius));
    if (radius !== 1) expect(await page.evaluate((d) => window.__recurrence!.editDocument(d), withRadius(radius))).toEqual({ ok: true });
    await expect.poll(async () => (await csvRows(page, 'gradient-flow')).map((r) => r[1]), { timeout: 30_000 }).toHaveLength(expected.length);
    await expect.poll(async () => Math.abs((await csvRows(page, 'gradient-flow'))[10][1] / expected[10] - 1), { timeout: 30_000 }).toBeLessThan(1e-9);
    const flow = (await csvRows(page, 'gradient-flow')).map((r) => r[1]);
    flow.forEach((v, k) => expect(v / expected[k]).toBeCloseTo(1, 9));
    // ρ = 1 keeps the gradient within a factor of a few over 50 steps; ρ = 0.5 loses about ln 0.5 per step
    const slope = Math.log(flow[49] / flow[0]) / 49;
    if (radius === 1) expect(Math.abs(slope)).toBeLessThan(0.05);
    else expect(slope).toBeLessThan(-0.4);
    await page.screenshot({ path: test.info().outputPath(`gradient-flow-rho-${radius}.png`) });
  }
});
