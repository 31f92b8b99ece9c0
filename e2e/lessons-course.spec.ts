/** The guided course: outline, a lesson with rendered math, navigation, checklist; bad flags. */
import { test, expect } from './fixtures.ts';
import { darkTheme, openAt, presetDoc } from './lessons-helpers.ts';

test('the course outline opens a lesson with its network, KaTeX math and try-this steps', async ({ app: { page } }) => {
  await page.getByTestId('toggle-course').click();
  const outline = page.getByTestId('course-outline');
  await expect(outline).toBeVisible();
  await expect(outline.getByRole('heading', { level: 3 })).toHaveCount(8);
  await outline.getByRole('button', { name: /self-connected unit/ }).click();

  const lesson = page.getByTestId('lesson');
  await expect(lesson.getByRole('heading', { level: 2 })).toHaveText('A self-connected unit: fixed points and bistability');
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('self-connected-unit').title);
  await expect(lesson.locator('.katex-display').first()).toBeVisible();
  expect(await lesson.locator('.katex').count()).toBeGreaterThan(5);
  await expect(lesson.locator('.katex-error')).toHaveCount(0);
  await expect(lesson.locator('text=$')).toHaveCount(0);
  await expect(page.getByTestId('try-step-1')).toBeVisible();
  await expect(lesson.locator('.try-this__step')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/lessons-lesson-light.png' });
  await darkTheme(page);
  await page.screenshot({ path: 'test-results/lessons-lesson-dark.png' });

  // A step the app cannot check is ticked by hand; Tab reaches the checkboxes.
  const manual = page.getByRole('checkbox', { name: /Run it/ });
  await manual.check();
  await expect(page.getByTestId('try-step-1')).toHaveAttribute('data-done', 'true');
  await expect(lesson).toContainText('1 of 4 done');
});

test('previous / next walk the course in order and load each network', async ({ app: { page } }) => {
  await page.getByTestId('toggle-course').click();
  await page.getByTestId('course-outline').getByRole('button', { name: /single rate neuron/ }).click();
  await expect(page.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('single-lif').title);
  await expect(page.getByTestId('lesson')).toContainText('Chapter 1');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('ff-vs-recurrent').title);
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('single-lif').title);
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId('course-outline')).toBeVisible();
  await page.getByRole('button', { name: 'Close the course' }).click();
  await expect(page.getByTestId('course-drawer')).toBeHidden();
});

test('a checkable step ticks itself when the run shows it', async ({ app: { page } }) => {
  await page.getByTestId('toggle-course').click();
  await page.getByTestId('course-outline').getByRole('button', { name: /Feed-forward versus recurrent/ }).click();
  await expect(page.getByTestId('try-step-1')).toHaveAttribute('data-done', 'false');
  await page.evaluate(() => window.__recurrence!.sim.run(60));
  await expect(page.getByTestId('try-step-1')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('try-step-2')).toHaveAttribute('data-done', 'false');
});

test('bad classroom flags are listed and ignored; the app works', async ({ page }) => {
  await openAt(page, '/?lesson=self-connected&lock=maybe&expose=1bad;&zoom=2');
  const notice = page.getByTestId('flag-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('lesson=self-connected: no such lesson (did you mean “self-connected-unit”?)');
  await expect(notice).toContainText('lock=maybe: expected 1 or 0');
  await expect(notice).toContainText('unknown flag “zoom”');
  await expect(page.locator('html')).not.toHaveAttribute('data-locked');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // Not locked: edits work.
  const doc = await page.evaluate(() => window.__recurrence!.getDocument());
  await page.evaluate((d) => window.__recurrence!.editDocument({ ...d, title: 'Edited' }), doc);
  await expect(page.getByTestId('document-title')).toContainText('Edited');
});

test('an exposed value that is not a number shows why, the rest of the link works', async ({ page }) => {
  await openAt(page, '/?preset=self-connected-unit&expose=x.params.activation,x.params.leak');
  const sliders = page.getByTestId('exposed-sliders');
  await expect(sliders).toContainText('expose x.params.activation: x.params.activation is not a number — not shown.');
  await expect(sliders.getByRole('slider')).toHaveCount(1);
  await expect(page.getByTestId('document-title')).toHaveText(presetDoc('self-connected-unit').title);
});
