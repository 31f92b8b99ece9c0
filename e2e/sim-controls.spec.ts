/**
 * Live simulation controls against the built app: run changes the trace, pause freezes it,
 * step advances exactly one step, reset reproduces the first run, a live parameter change
 * shows in the trace, and a diverging network stops with its node and step.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type AppPage } from './fixtures.ts';

const esn = () => JSON.parse(readFileSync(new URL('../presets/esn-sine.json', import.meta.url), 'utf8'));
const bridge = <T>(app: AppPage, fn: () => T | Promise<T>) => app.page.evaluate(fn);
/** The points of the traces panel's first line, as drawn (plot pixels). */
const tracePath = async (app: AppPage) => JSON.stringify((await app.marks('traces'))?.lines[0]?.points ?? null);

test('Run animates the trace; Pause freezes it; Space toggles', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(esn())).toEqual({ ok: true });
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-toggle')).toHaveText(/Pause/);
  await expect.poll(() => bridge(app, () => window.__recurrence!.sim.t()), { timeout: 5000 }).toBeGreaterThan(50);
  const d1 = await tracePath(app);
  await expect.poll(() => tracePath(app)).not.toBe(d1);
  await expect(page.getByTestId('run-clock')).toContainText('steps/s');

  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-toggle')).toHaveText(/Run/);
  await bridge(app, () => window.__recurrence!.sim.pause());
  const t = await bridge(app, () => window.__recurrence!.sim.t());
  const frozen = await tracePath(app);
  await page.waitForTimeout(500);
  expect(await bridge(app, () => window.__recurrence!.sim.t())).toBe(t);
  expect(await tracePath(app)).toBe(frozen);

  await page.locator('body').press(' ');
  await expect.poll(() => bridge(app, () => window.__recurrence!.sim.status())).toBe('running');
  await page.locator('body').press(' ');
  await expect.poll(() => bridge(app, () => window.__recurrence!.sim.status())).toBe('paused');
});

test('Step advances exactly one step (button and "."), Step N exactly N', async ({ app }) => {
  const { page } = app;
  const t0 = await bridge(app, () => window.__recurrence!.sim.t());
  await page.getByTestId('step-one').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', String(t0 + 1));
  await page.locator('body').press('.');
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', String(t0 + 2));
  await page.getByTestId('steps').fill('25');
  await page.getByTestId('step-n').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', String(t0 + 27));
  const trace = await app.getTrace('x');
  expect(trace).toHaveLength(t0 + 27);
  expect(trace![t0 + 26][0]).toBeCloseTo(2 - 2 ** -(t0 + 26), 12);
});

test('Reset gives the identical trace; Reseed a different one', async ({ app }) => {
  const { page } = app;
  const doc = esn();
  doc.nodes[0].params.signal = { type: 'gaussian', mean: 0, std: 1 }; // noise input: the seed matters
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  await bridge(app, () => window.__recurrence!.sim.step(120));
  const first = await app.getTrace('res');
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '0');
  await bridge(app, () => window.__recurrence!.sim.step(120));
  expect(await app.getTrace('res')).toEqual(first);
  await page.getByTestId('reseed').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '0');
  await bridge(app, () => window.__recurrence!.sim.step(120));
  expect(await app.getTrace('res')).not.toEqual(first);
});

test('a parameter change mid-run changes the trace from the next step, without a reset', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(esn())).toEqual({ ok: true });
  await bridge(app, () => window.__recurrence!.sim.step(100));
  const before = await app.getTrace('u');
  // The amplitude of the input: a live change through the document store (what the inspector does).
  await page.evaluate(() => {
    const doc = window.__recurrence!.getDocument();
    (doc.nodes[0].params as { signal: { amplitude: number } }).signal.amplitude = 3;
    window.__recurrence!.editDocument(doc);
  });
  await expect(page.getByTestId('live-notice')).toContainText('applied to u');
  await bridge(app, () => window.__recurrence!.sim.step(50));
  const after = (await app.getTrace('u'))!;
  expect(after).toHaveLength(150);
  expect(after.slice(0, 100)).toEqual(before);
  const peak = Math.max(...after.slice(100).map((r) => Math.abs(r[0])));
  expect(peak).toBeGreaterThan(2.5);
  expect(await bridge(app, () => window.__recurrence!.sim.t())).toBe(150);

  // A structural change (a new node) recompiles, says so and keeps the reservoir's state.
  await page.evaluate(() => {
    const doc = window.__recurrence!.getDocument();
    doc.nodes.push({ ...doc.nodes[1], id: 'res2', position: { x: 500, y: 200 } });
    window.__recurrence!.editDocument(doc);
  });
  await expect(page.getByTestId('live-notice')).toContainText(/recompiled.*kept the state of .*res/);
  await bridge(app, () => window.__recurrence!.sim.step(1));
  expect(await bridge(app, () => window.__recurrence!.sim.t())).toBe(151);
});

test('a diverging network stops with the node and step and keeps the finite data', async ({ app }) => {
  const { page } = app;
  const doc = await app.getDocument();
  doc.edges[1].params.weight = { type: 'constant', value: 1e200 };
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('divergence')).toContainText('node “x” at step 3');
  expect(await bridge(app, () => window.__recurrence!.sim.status())).toBe('diverged');
  const trace = (await app.getTrace('x'))!;
  expect(trace).toHaveLength(2);
  expect(trace.flat().every(Number.isFinite)).toBe(true);
  await expect(page.getByTestId('run-toggle')).toBeDisabled();
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('divergence')).toHaveCount(0);
});
