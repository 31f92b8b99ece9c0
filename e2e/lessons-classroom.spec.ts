/** Classroom mode: a link that hides the editor's side bars, locks editing, exposes a slider and opens a lesson at a step. */
import { test, expect } from './fixtures.ts';
import { openAt, presetDoc } from './lessons-helpers.ts';

const LINK = '/?lesson=self-connected-unit&step=2&classroom=1&expose=self.params.weight.value:-1:3&large=1';

test('a classroom link walks a lesson: the slider satisfies a try-this step', async ({ page }) => {
  await openAt(page, LINK);
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('self-connected-unit').title);
  // Hidden side bars, large type, locked.
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-large', '');
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(18);
  // The lesson is open at step 2.
  const step2 = page.getByTestId('try-step-2');
  await expect(step2).toHaveAttribute('aria-current', 'step');
  await expect(step2).toHaveAttribute('data-done', 'false');

  // Locked: an edit through the store is refused and said so.
  const before = await page.evaluate(() => window.__recurrence!.getDocument());
  await page.evaluate((d) => window.__recurrence!.editDocument({ ...d, title: 'Changed' }), before);
  await expect(page.getByText(/locked in classroom mode/)).toBeVisible();
  expect((await page.evaluate(() => window.__recurrence!.getDocument())).title).toBe(before.title);
  await page.locator('.react-flow__node[data-id="x"]').click();
  await page.keyboard.press('Delete');
  expect((await page.evaluate(() => window.__recurrence!.getDocument())).nodes).toHaveLength(2);

  // The slider has the link's bounds and edits the self-weight.
  const slider = page.getByRole('slider', { name: /self · weight value/ });
  await expect(slider).toHaveAttribute('min', '-1');
  await expect(slider).toHaveAttribute('max', '3');
  await expect(slider).toHaveValue('2');
  await page.screenshot({ path: 'test-results/lessons-classroom-large.png' });
  await slider.fill('0.9');
  const weight = async () => (await page.evaluate(() => window.__recurrence!.getDocument())).edges.find((e) => e.id === 'self')!.params.weight;
  expect(await weight()).toMatchObject({ type: 'constant', value: 0.9 });

  // Run: both pulses fade back to 0, and the app ticks step 2.
  await page.getByTestId('run-toggle').click();
  await expect(step2).toHaveAttribute('data-done', 'true', { timeout: 15_000 });
  await page.getByTestId('run-toggle').click();
  await page.screenshot({ path: 'test-results/lessons-classroom-step-done.png' });

  // Undo is locked too, but the slider's edit was one gesture.
  await page.keyboard.press('Control+z');
  expect(await weight()).toMatchObject({ value: 0.9 });
});

test('classroom flags one by one: only the palette hidden, dark theme, gallery open', async ({ page }) => {
  await openAt(page, '/?palette=0&theme=dark&gallery=1');
  await expect(page.getByRole('complementary', { name: 'Palette' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('gallery')).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-gallery-dark.png' });
});
