/** Names on the canvas: renaming by double-click, edge labels from the inspector, edges of collapsed groups, the minimap toggle. */
import { test, expect } from './fixtures.ts';
import { clickPane, edgeEl, MOD, nodeEl } from './editor-helpers.ts';

const threeNodes = {
  format: 'recurrence-graph', version: 1, title: 'Names', seed: 1,
  nodes: [
    { id: 'u', kind: 'input', position: { x: 0, y: 60 }, params: { signal: { type: 'sine', period: 20 } } },
    { id: 'a', kind: 'rate', position: { x: 260, y: 0 }, params: { size: 10 } },
    { id: 'b', kind: 'rate', position: { x: 260, y: 200 }, params: { size: 10 } },
    { id: 'out', kind: 'rate', position: { x: 560, y: 100 }, params: { activation: 'linear' } },
  ],
  edges: [
    { id: 'ua', source: 'u', target: 'a', params: { weight: { type: 'uniform' } } },
    { id: 'ab', source: 'a', target: 'b', params: { weight: { type: 'uniform' } } },
    { id: 'ba', source: 'b', target: 'a', params: { weight: { type: 'uniform' }, delay: 1 } },
    { id: 'bo', source: 'b', target: 'out', params: { weight: { type: 'uniform' } } },
  ],
};

test('double-clicking a node renames it on the canvas: Enter renames, Escape cancels, undo restores', async ({ app }) => {
  const { page } = app;
  const title = nodeEl(page, 'x').locator('.graph-node__title');
  await title.dblclick();
  const field = page.getByRole('textbox', { name: 'Name' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('x');
  await page.keyboard.type('leaky unit');
  await page.screenshot({ path: 'test-results/editor-rename.png' });
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(title).toHaveText('leaky unit');
  await expect.poll(async () => (await app.getDocument()).nodes[1].label).toBe('leaky unit');

  await title.dblclick();
  await page.keyboard.type('never mind');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(title).toHaveText('leaky unit');

  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect(title).toHaveText('x');
  expect((await app.getDocument()).nodes[1].label).toBeUndefined();
});

test('an edge label typed in the inspector is shown on the edge; undo removes it', async ({ app }) => {
  const { page } = app;
  await page.locator('[data-edge-label="in"]').click();
  const inspector = page.getByTestId('edge-inspector');
  const field = inspector.locator('.form-row').filter({ hasText: 'label' }).locator('input');
  await field.click();
  await page.keyboard.type('drive');
  await page.keyboard.press('Enter');
  const label = page.locator('[data-edge-label="in"]');
  await expect(label.locator('.graph-edge__name')).toHaveText('drive');
  await expect.poll(async () => (await app.getDocument()).edges[0].label).toBe('drive');
  await page.screenshot({ path: 'test-results/editor-edge-label.png' });

  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect(label.locator('.graph-edge__name')).toHaveCount(0);
  expect((await app.getDocument()).edges[0].label).toBeUndefined();
});

test('edges into and out of a collapsed group are drawn to its module card; it can be renamed by double-click', async ({ app }) => {
  const { page } = app;
  await app.loadDocument(threeNodes);
  await nodeEl(page, 'a').click();
  await nodeEl(page, 'b').click({ modifiers: ['Shift'] });
  await page.keyboard.press(`${MOD}+g`);
  await page.getByRole('button', { name: 'Collapse group Module 1' }).click();
  const module = page.locator('.react-flow__node-groupCollapsed');
  await expect(module).toBeVisible();
  // u → a and b → out cross the border and end on the module; a ⇄ b are inside it and hidden.
  await expect(edgeEl(page, 'ua')).toBeVisible();
  await expect(edgeEl(page, 'bo')).toBeVisible();
  await expect(edgeEl(page, 'ab')).toHaveCount(0);
  const card = (await module.boundingBox())!;
  const end = async (id: string) => {
    const b = (await edgeEl(page, id).locator('path.react-flow__edge-path').boundingBox())!;
    return b;
  };
  const into = await end('ua');
  const outOf = await end('bo');
  expect(Math.abs(into.x + into.width - card.x)).toBeLessThan(12); // ends at the card's left side
  expect(Math.abs(outOf.x - (card.x + card.width))).toBeLessThan(12); // starts at its right side
  await page.screenshot({ path: 'test-results/editor-collapsed-edges.png' });

  // Opened with the group already collapsed: the same edges, on the module card.
  await app.loadDocument(await app.getDocument());
  await expect(module).toBeVisible();
  await expect(edgeEl(page, 'ua')).toBeVisible();
  await expect(edgeEl(page, 'bo')).toBeVisible();
  await expect(edgeEl(page, 'ab')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/editor-collapsed-edges-opened.png' });

  await module.locator('.graph-node__title').dblclick();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.type('Core');
  await page.keyboard.press('Enter');
  await expect(module.locator('.graph-node__title')).toHaveText('Core');
  expect((await app.getDocument()).groups![0].label).toBe('Core');
});

test('the minimap can be hidden and shown again', async ({ app }) => {
  const { page } = app;
  const minimap = page.locator('.react-flow__minimap');
  const toggle = page.getByTestId('minimap-toggle');
  const shown = await minimap.count();
  await toggle.click();
  await expect(minimap).toHaveCount(1 - shown);
  await toggle.click();
  await expect(minimap).toHaveCount(shown);
  await expect(toggle).toHaveAttribute('aria-pressed', shown ? 'true' : 'false');
});
