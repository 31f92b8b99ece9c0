/** The app shell against the built app: preset on the canvas, Run and its trace, files, errors. */
import { readFile } from 'node:fs/promises';
import { test, expect, fileCommand } from './fixtures.ts';

/** The toolbar's "Step N" button (runs the number of steps in the steps field). */
const stepButton = (page: import('@playwright/test').Page) => page.getByTestId('step-n');

test('opens with the leaky-unit preset on the canvas', async ({ app: { page } }) => {
  await expect(page.getByTestId('document-title')).toHaveText('Leaky unit with self-excitation');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.locator('.react-flow__node[data-id="u"]')).toContainText('Input');
  await expect(page.locator('.react-flow__node[data-id="x"]')).toContainText('Rate population');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // The self-loop is drawn as a dashed loop above the node, labelled with its delay.
  const loop = page.locator('.react-flow__edge[data-id="self"] path.graph-edge--self-loop');
  await expect(loop).toBeVisible();
  await expect(loop).toHaveClass(/graph-edge--delayed/);
  const loopBox = (await loop.boundingBox())!;
  const nodeBox = (await page.locator('.react-flow__node[data-id="x"]').boundingBox())!;
  expect(loopBox.y).toBeLessThan(nodeBox.y);
  await expect(page.locator('.graph-edge__label', { hasText: 'z⁻¹' })).toBeVisible();

  // The instantaneous input edge is solid.
  await expect(page.locator('.react-flow__edge[data-id="in"] path.graph-edge')).toHaveClass(/graph-edge--instant/);
});

test('Step 200 draws the trace of the geometric series', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('panel-traces').getByTestId('panel-node')).toHaveValue('x');
  await stepButton(page).click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '200');

  // The line of x goes through all 200 steps (fewer than 4 per pixel column: none dropped).
  await expect.poll(async () => (await app.marks('traces'))?.lines.find((l) => l.name === 'x')?.points.length).toBe(200);

  const trace = (await app.getTrace('x'))!;
  expect(trace).toHaveLength(200);
  expect(trace.slice(0, 3)).toEqual([[1], [1.5], [1.75]]);
  trace.forEach(([v], t) => expect(v).toBeCloseTo(2 - 2 ** -t, 12)); // x[t+1] = 1 + 0.5·x[t]

  await page.screenshot({ path: 'test-results/app-shell.png' });
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/app-shell-dark.png' });
});

test('a bad file shows its errors and leaves the document untouched', async ({ app }) => {
  const { page } = app;
  const before = await app.getDocument();
  const bad = structuredClone(before) as unknown as { nodes: { params: Record<string, unknown> }[]; edges: { target: string }[] };
  bad.nodes[1].params.leak = 3;
  bad.edges[0].target = 'nowhere';

  await page.getByTestId('open-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const dialog = page.getByTestId('load-error-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Could not open bad.json');
  await expect(dialog).toContainText('nodes[1].params.leak');
  expect(await app.getDocument()).toEqual(before);
  await page.screenshot({ path: 'test-results/load-error.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('open-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(dialog).toContainText('not valid JSON');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await app.getDocument()).toEqual(before);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});

test('a good file replaces the document and Save downloads it', async ({ app }) => {
  const { page } = app;
  const doc = await app.getDocument();
  const bigger = {
    ...doc,
    title: 'Two populations',
    nodes: [...doc.nodes, { id: 'pop', kind: 'rate', position: { x: 450, y: 120 }, params: { size: 20, activation: 'tanh', leak: 0.5 } }],
    edges: [...doc.edges, { id: 'x-pop', source: 'x', target: 'pop', params: { weight: { type: 'normal', mean: 0, std: 1 }, delay: 2 } }],
  };
  await page.getByTestId('open-file').setInputFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bigger)) });
  await expect(page.getByTestId('document-title')).toHaveText('Two populations');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__node[data-id="pop"] .graph-node--population')).toBeVisible();
  await expect(page.locator('.graph-edge__label', { hasText: 'z⁻²' })).toBeVisible();

  const traces = page.getByTestId('panel-traces');
  await traces.getByTestId('panel-node').selectOption('pop');
  await stepButton(page).click();
  // mean ± sd and the first 3 of 20 units
  await expect.poll(async () => (await app.marks('traces'))?.lines.map((l) => l.name)).toEqual(['pop[0]', 'pop[1]', 'pop[2]']);
  expect((await app.marks('traces'))!.band).toEqual({ name: 'pop mean', points: 200 });
  await expect(traces.locator('.chart__legend')).toContainText(/\+\d+ more/);
  await page.screenshot({ path: 'test-results/population.png' });

  const download = page.waitForEvent('download');
  await fileCommand(page, 'Save');
  const file = await download;
  expect(file.suggestedFilename()).toBe('two-populations.json');
  const saved = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(saved).toEqual(await app.getDocument());
});

test('the steps field is validated', async ({ app: { page } }) => {
  const steps = page.getByTestId('steps');
  await expect(steps).toHaveValue('200');
  await steps.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'at least 1' })).toBeVisible();
  await expect(stepButton(page)).toBeDisabled();
  await steps.fill('2.5');
  await expect(page.getByText('whole number')).toBeVisible();
  await expect(stepButton(page)).toBeDisabled();
  await steps.fill('30');
  await expect(stepButton(page)).toBeEnabled();
  await steps.press('Enter');
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '30');
});

test('a diverging run shows where it blew up', async ({ app }) => {
  const { page } = app;
  const doc = await app.getDocument();
  doc.edges[1].params.weight = { type: 'constant', value: 1e200 };
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  const result = await page.evaluate(() => window.__recurrence!.sim.run(100));
  expect(result.ok && result.frame.divergence?.node).toBe('x');
  await expect(page.getByTestId('divergence')).toContainText('x');
});

test('the bridge reports invalid documents and moving a node updates the document', async ({ app }) => {
  const { page } = app;
  const result = await app.loadDocument({ format: 'recurrence-graph', version: 99, nodes: [] });
  expect(result.ok).toBe(false);
  await page.keyboard.press('Escape');

  const node = page.locator('.react-flow__node[data-id="x"]');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60, { steps: 12 });
  await page.mouse.up();
  const moved = (await app.getDocument()).nodes.find((n) => n.id === 'x')!;
  expect(moved.position.x).toBeGreaterThan(200);
  expect(moved.position.y).toBeGreaterThan(0);
  await expect(page.getByTestId('document-title')).toContainText('•');
});

test('follows the system colour scheme until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
