/** Lesson progress kept in this browser (outline, gallery, start over) and steps the app checks by measuring. */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openAt } from './lessons-helpers.ts';

const PROGRESS_KEY = 'recurrence.lessons.progress';

async function openFromOutline(page: Page, title: RegExp): Promise<void> {
  if (!(await page.getByTestId('course-drawer').isVisible())) await page.getByTestId('toggle-course').click();
  await page.getByTestId('course-outline').getByRole('button', { name: title }).click();
}

/** Sets ρ of edge `rec` and the input weights of `in` as the inspector would (a live edit), then runs `steps` steps. */
async function setAndRun(page: Page, rho: number, steps: number): Promise<void> {
  await page.evaluate(
    async ([r, n]) => {
      const bridge = window.__recurrence!;
      const doc = bridge.getDocument();
      const rec = doc.edges.find((e) => e.id === 'rec')!;
      rec.params.spectralRadius = r;
      bridge.editDocument(doc);
      await bridge.sim.step(n);
    },
    [rho, steps] as const,
  );
}

test('ticks survive a reload and show in the outline and the gallery', async ({ app: { page } }) => {
  await openFromOutline(page, /self-connected unit/);
  await page.getByRole('checkbox', { name: /Run it/ }).check();
  await page.getByRole('button', { name: 'All lessons' }).click();
  await openFromOutline(page, /Feed-forward versus recurrent/);
  await page.evaluate(() => window.__recurrence!.sim.run(60)); // step 1 is checked by the app
  await expect(page.getByTestId('try-step-1')).toHaveAttribute('data-done', 'true');

  await page.reload();
  await page.waitForFunction(() => window.__recurrence !== undefined);
  await page.getByTestId('toggle-course').click();
  const outline = page.getByTestId('course-outline');
  await expect(outline.getByTestId('progress-self-connected-unit')).toHaveText('1/4 steps');
  await expect(outline.getByTestId('progress-ff-vs-recurrent')).toHaveText('1/4 steps');
  await expect(outline.getByTestId('progress-cpg')).toHaveText('0/3 steps');
  await expect(outline.getByTestId('progress-self-connected-unit')).toHaveAttribute('aria-label', '1 of 4 steps done');
  await openFromOutline(page, /self-connected unit/);
  await expect(page.getByTestId('try-step-1')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('try-step-2')).toHaveAttribute('data-done', 'false');

  await page.getByTestId('open-gallery').click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery.getByTestId('preset-self-connected-unit')).toContainText('1/4 steps');
  await expect(gallery.getByTestId('preset-cpg').locator('.lesson-progress')).toHaveCount(0); // nothing done yet: no badge
});

test('a lesson with every step ticked is marked done; start over clears it and reloads the network', async ({ app: { page } }) => {
  await openFromOutline(page, /Half-centre oscillator/);
  for (const step of [1, 2, 3]) await page.getByTestId(`try-step-${step}`).getByRole('checkbox').check();
  await expect(page.getByTestId('lesson')).toContainText('3 of 3 done');
  await page.getByRole('button', { name: 'All lessons' }).click();
  await expect(page.getByTestId('progress-cpg')).toHaveText('✓ Done');
  await page.screenshot({ path: 'test-results/lessons-progress-outline.png' });

  await openFromOutline(page, /Half-centre oscillator/);
  // Edit the network, so "start over" visibly reloads it.
  await page.evaluate(() => {
    const doc = window.__recurrence!.getDocument();
    window.__recurrence!.editDocument({ ...doc, title: 'Edited half-centre' });
  });
  await expect(page.getByTestId('document-title')).toContainText('Edited half-centre');
  await page.getByRole('button', { name: 'Start over…' }).click();
  await expect(page.getByRole('group', { name: 'Start the lesson over' })).toContainText('Clear 3 ticks and reload the network?');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('lesson')).toContainText('3 of 3 done');
  await page.getByRole('button', { name: 'Start over…' }).click();
  await page.getByRole('button', { name: 'Start over', exact: true }).click();
  await expect(page.getByTestId('lesson')).toContainText('0 of 3 done');
  await expect(page.getByTestId('document-title')).not.toContainText('Edited');
  await expect(page.getByRole('button', { name: 'Start over…' })).toBeDisabled();
  // The edited network was unsaved: it is kept and offered back.
  await expect(page.getByRole('button', { name: 'Reopen it' })).toBeVisible();

  await page.reload();
  await page.waitForFunction(() => window.__recurrence !== undefined);
  await openFromOutline(page, /Half-centre oscillator/);
  await expect(page.getByTestId('lesson')).toContainText('0 of 3 done');
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), PROGRESS_KEY);
  expect(stored).toMatchObject({ version: 1, done: {} });
});

test('bad stored progress is set aside; the app and its ticks work', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":1,"done":{"cpg":"all"');
      sessionStorage.setItem('seeded', '1');
    }
  }, PROGRESS_KEY);
  await openAt(page, '/?lesson=cpg');
  await expect(page.getByTestId('lesson')).toContainText('0 of 3 done');
  await page.getByTestId('try-step-2').getByRole('checkbox').check();
  const kept = await page.evaluate((key) => [localStorage.getItem(`${key}.rejected`), JSON.parse(localStorage.getItem(key)!).done], PROGRESS_KEY);
  expect(kept).toEqual(['{"version":1,"done":{"cpg":"all"', { cpg: [2] }]);
  await page.reload();
  await expect(page.getByTestId('try-step-2')).toHaveAttribute('data-done', 'true');
});

test('edge of chaos: the app measures AIS and ticks the steps that compare it', async ({ app: { page } }) => {
  await openFromOutline(page, /Edge of chaos/);
  const step1 = page.getByTestId('try-step-1');
  await expect(step1.getByTestId('measured-values')).toHaveText('Measured AIS (nats): ρ = 1.25: — · ρ = 0.95: — · ratio — (needs ≥ 10)');

  await setAndRun(page, 0.95, 1300);
  await expect(step1.getByTestId('measured-values')).toContainText(/ρ = 0.95: 0\.0\d/);
  await expect(step1).toHaveAttribute('data-done', 'false');

  await setAndRun(page, 1.25, 1300);
  await expect(step1.getByTestId('measured-values')).toContainText(/ρ = 1.25: 1\.\d · ρ = 0.95: 0\.0\d+ · ratio \d\d \(needs ≥ 10\)/);
  await expect(step1).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('try-step-2')).toHaveAttribute('data-done', 'false');

  await setAndRun(page, 2, 1300);
  await expect(page.getByTestId('try-step-2')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('try-step-3')).toHaveAttribute('data-done', 'false');
  await page.getByTestId('try-step-1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/lessons-progress-measured.png' });

  // A step the app ticked stays ticked after the network changes; the student may untick it.
  await setAndRun(page, 1, 50);
  await expect(step1).toHaveAttribute('data-done', 'true');
  await step1.getByRole('checkbox').uncheck();
  await expect(step1).toHaveAttribute('data-done', 'false');
});

test('a step ticked in one tab shows in another tab of the same browser', async ({ page, context }) => {
  await openAt(page, '/?lesson=self-connected-unit');
  const other = await context.newPage();
  await openAt(other, '/?lesson=self-connected-unit');
  await page.getByRole('checkbox', { name: /Run it/ }).check();
  await expect(other.getByRole('checkbox', { name: /Run it/ })).toBeChecked();
  await other.getByRole('checkbox', { name: /Run it/ }).uncheck();
  await expect(page.getByRole('checkbox', { name: /Run it/ })).not.toBeChecked();
  await other.close();
});
