/** Building a network by hand: palette, connecting, self-loops, the auto-delay rule, undo/redo. */
import { test, expect } from './fixtures.ts';
import { clickPane, connect, dragNode, dropKind, edgeEl, expectToast, MOD, nodeEl } from './editor-helpers.ts';

test('drag from the palette creates a node at the drop point; undo and redo it', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('[data-palette-kind]')).toHaveCount(await page.locator('[data-palette-kind]').count());
  await expect(page.locator('[data-palette-kind="rate"]')).toBeVisible();
  await dropKind(page, 'rate', { x: 300, y: 380 });
  await expect(nodeEl(page, 'rate1')).toBeVisible();
  const doc = await app.getDocument();
  expect(doc.nodes.map((n) => n.id)).toEqual(['u', 'x', 'rate1']);
  // The node's centre is near the drop point.
  const box = (await nodeEl(page, 'rate1').boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + 300))).toBeLessThan(60);
  await expect(page.getByTestId('node-inspector')).toHaveAttribute('data-node-id', 'rate1');

  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect(nodeEl(page, 'rate1')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(nodeEl(page, 'rate1')).toBeVisible();
  await page.keyboard.press(`${MOD}+z`);
  await page.keyboard.press(`${MOD}+y`);
  await expect(nodeEl(page, 'rate1')).toBeVisible();
});

test('palette search filters kinds; clicking an item adds it at the centre', async ({ app }) => {
  const { page } = app;
  await page.getByPlaceholder('Search kinds…').fill('integrate');
  await expect(page.locator('[data-palette-kind="lif"]')).toBeVisible();
  await expect(page.locator('[data-palette-kind="rate"]')).toHaveCount(0);
  await page.locator('[data-palette-kind="lif"]').click();
  await expect(nodeEl(page, 'lif1')).toBeVisible();
  expect((await app.getDocument()).nodes.at(-1)!.kind).toBe('lif');
});

test('connect two nodes, then a loop gets delay 1 with the rule explained; undo/redo each', async ({ app }) => {
  const { page } = app;
  await dropKind(page, 'rate', { x: 420, y: 320 });
  await expect(nodeEl(page, 'rate1')).toBeVisible();
  await clickPane(page);

  await connect(page, 'x', 'rate1');
  await expect.poll(async () => (await app.getDocument()).edges.length).toBe(3);
  const first = (await app.getDocument()).edges[2];
  expect(first).toMatchObject({ source: 'x', target: 'rate1', params: { delay: 0 } });
  await expect(edgeEl(page, first.id).locator('path.graph-edge')).toHaveClass(/graph-edge--instant/);

  await connect(page, 'rate1', 'x');
  await expect.poll(async () => (await app.getDocument()).edges.length).toBe(4);
  const back = (await app.getDocument()).edges[3];
  expect(back).toMatchObject({ source: 'rate1', target: 'x', params: { delay: 1 } });
  await expectToast(page, /closes the loop x → rate1 → x.*delay of 1 step/);
  await expect(edgeEl(page, back.id).locator('path.graph-edge')).toHaveClass(/graph-edge--delayed/);
  await expect(page.locator('.graph-edge__label', { hasText: 'z⁻¹' })).toHaveCount(2);

  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await app.getDocument()).edges.length).toBe(3);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await app.getDocument()).edges.length).toBe(2);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect.poll(async () => (await app.getDocument()).edges.map((e) => e.params.delay)).toEqual([0, 1, 0, 1]);
});

test('a self-loop is drawn as a loop and gets delay 1', async ({ app }) => {
  const { page } = app;
  await dropKind(page, 'rate', { x: 420, y: 320 });
  await clickPane(page);
  await connect(page, 'rate1', 'rate1');
  await expect.poll(async () => (await app.getDocument()).edges.length).toBe(3);
  const loop = (await app.getDocument()).edges[2];
  expect(loop).toMatchObject({ source: 'rate1', target: 'rate1', params: { delay: 1 } });
  await expectToast(page, /self-loop .* on rate1/);
  const path = edgeEl(page, loop.id).locator('path.graph-edge--self-loop');
  await expect(path).toBeVisible();
  const nodeBox = (await nodeEl(page, 'rate1').boundingBox())!;
  expect((await path.boundingBox())!.y).toBeLessThan(nodeBox.y);
  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect(edgeEl(page, loop.id)).toHaveCount(0);
  await page.keyboard.press(`${MOD}+y`);
  await expect(edgeEl(page, loop.id)).toHaveCount(1);
});

test('dragging a node moves it in one undo step', async ({ app }) => {
  const { page } = app;
  const before = (await app.getDocument()).nodes[1].position;
  await dragNode(page, 'x', 120, 90);
  const after = (await app.getDocument()).nodes[1].position;
  expect(after.x).toBeGreaterThan(before.x + 50);
  expect(after.y).toBeGreaterThan(before.y + 40);
  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await app.getDocument()).nodes[1].position).toEqual(before);
});
