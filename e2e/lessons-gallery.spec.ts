/** The preset gallery: every preset of presets/lessons/index.json opens from its card and runs. */
import { test, expect } from './fixtures.ts';
import { presetDoc, presetIndex } from './lessons-helpers.ts';

test('the gallery shows a card per preset with a drawn thumbnail and its chapter', async ({ app: { page } }) => {
  await page.getByTestId('open-gallery').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery).toBeVisible();
  await expect(gallery.locator('.card')).toHaveCount(presetIndex.length);
  for (const p of presetIndex.slice(0, 3)) {
    const card = gallery.getByTestId(`preset-${p.name}`);
    await expect(card).toContainText(p.title);
    await expect(card).toContainText(p.summary);
    await expect(card).toContainText(`Chapter ${p.chapter}`);
  }
  // Thumbnails are generated from the documents: one circle per node.
  const hopfieldNodes = gallery.getByTestId('preset-hopfield').locator('svg .thumb__node');
  await expect(hopfieldNodes).toHaveCount(presetDoc('hopfield').nodes.length);
  await expect(gallery.getByTestId('preset-esn-narma10')).toContainText('Chapter 5 · Reservoirs · lesson');
  await expect(gallery.getByTestId('preset-single-neuron')).toBeFocused();
  await page.screenshot({ path: 'test-results/lessons-gallery.png' });
  await page.keyboard.press('Escape');
  await expect(gallery).toBeHidden();
});

test('the gallery fetches nothing: presets are in the bundle', async ({ app: { page } }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('preset-hopfield').click();
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('hopfield').title);
  expect(requests.filter((u) => /presets|\.json|\.md/.test(u))).toEqual([]);
});

for (const entry of presetIndex) {
  test(`preset ${entry.name} opens from the gallery and runs`, async ({ app }) => {
    const { page } = app;
    await page.getByTestId('open-gallery').click();
    await page.getByTestId(`preset-${entry.name}`).click();
    await expect(page.getByTestId('gallery')).toBeHidden();
    await expect(page.getByTestId('document-title')).toHaveText(presetDoc(entry.name).title);
    await expect(page.getByTestId('load-error-dialog')).toBeHidden();
    const doc = await app.getDocument();
    expect(doc.nodes.map((n) => n.id)).toEqual(presetDoc(entry.name).nodes.map((n) => n.id));
    const outcome = await page.evaluate(() => Promise.race([window.__recurrence!.sim.step(20), new Promise((r) => setTimeout(() => r({ ok: false, error: 'timeout' }), 20_000))]));
    expect(outcome).toMatchObject({ ok: true });
    expect(await page.evaluate(() => window.__recurrence!.sim.t())).toBe(20);
    // A preset with a lesson opens it beside the network.
    if (entry.lesson) await expect(page.getByTestId('lesson')).toBeVisible();
  });
}

test('opening a preset over unsaved changes offers to reopen them', async ({ app }) => {
  const { page } = app;
  const doc = await app.getDocument();
  await page.evaluate((d) => window.__recurrence!.editDocument({ ...d, title: 'My work' }), doc);
  await expect(page.getByTestId('document-title')).toContainText('My work');
  await page.getByTestId('open-gallery').click();
  await expect(page.getByTestId('gallery')).toContainText('unsaved changes');
  await page.getByTestId('preset-jordan').click();
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('jordan').title);
  await page.getByRole('button', { name: 'Reopen it' }).click();
  await expect(page.getByTestId('document-title')).toContainText('My work');
});
