/**
 * Connections to and from a collapsed module: the module card has handles like a node; a
 * connection drawn to or from it asks which member it starts or ends at, then is an ordinary
 * (undoable) edge to that member.
 */
import { test, expect } from './fixtures.ts';
import { centre, drag, MOD, nodeEl } from './editor-helpers.ts';

const rate = (id: string, x: number, y: number, label?: string) => ({
  id,
  kind: 'rate',
  ...(label ? { label } : {}),
  position: { x, y },
  params: { size: 2, activation: 'tanh', leak: 1 },
});

const moduleDoc = {
  format: 'recurrence-graph',
  version: 1,
  title: 'modules',
  seed: 1,
  nodes: [
    rate('src', 0, 0, 'source'),
    { id: 'u', kind: 'input', label: 'drive', position: { x: 300, y: 0 }, params: { signal: { type: 'constant', value: 1 } } },
    rate('a', 300, 150),
    rate('b', 300, 300, 'B'),
    rate('sink', 700, 0, 'sink'),
  ],
  edges: [{ id: 'ua', source: 'u', target: 'a', params: { delay: 0, weight: { type: 'constant', value: 1 } } }],
  groups: [{ id: 'm', label: 'Module 1', nodes: ['u', 'a', 'b'], collapsed: true }],
};

test('connecting to and from a collapsed module asks which member, then adds an undoable edge', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(moduleDoc)).toEqual({ ok: true });
  const module = page.locator('.react-flow__node-groupCollapsed');
  await expect(module).toBeVisible();

  // into the module: only members that receive edges are offered (not the input "drive")
  await drag(page, await centre(nodeEl(page, 'src').locator('.react-flow__handle.source')), await centre(module.locator('.react-flow__handle.target')));
  const dialog = page.getByTestId('module-connect-dialog');
  await expect(dialog).toBeVisible();
  const to = dialog.getByTestId('module-connect-to');
  await expect(to.locator('option')).toHaveText(['a (Rate population)', 'B (Rate population)']);
  await expect(dialog.getByTestId('module-connect-from')).toHaveCount(0); // the source is a node
  await to.selectOption('b');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await app.getDocument()).edges.map((e) => [e.source, e.target])).toEqual([['u', 'a'], ['src', 'b']]);

  // out of it: every member may send
  await drag(page, await centre(module.locator('.react-flow__handle.source')), await centre(nodeEl(page, 'sink').locator('.react-flow__handle.target')));
  await expect(dialog).toBeVisible();
  const from = dialog.getByTestId('module-connect-from');
  await expect(from.locator('option')).toHaveText(['drive (Input)', 'a (Rate population)', 'B (Rate population)']);
  await from.selectOption('u');
  await page.screenshot({ path: test.info().outputPath('module-connect.png') });
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect.poll(async () => (await app.getDocument()).edges.map((e) => [e.source, e.target])).toEqual([['u', 'a'], ['src', 'b'], ['u', 'sink']]);

  // closing the chooser connects nothing; undo removes the last edge
  await drag(page, await centre(nodeEl(page, 'src').locator('.react-flow__handle.source')), await centre(module.locator('.react-flow__handle.target')));
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await app.getDocument()).edges).toHaveLength(3);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await app.getDocument()).edges).toHaveLength(2);
});
