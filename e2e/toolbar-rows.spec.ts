/**
 * The toolbar's rows (issue #17): one row from 1,280 px with the task buttons (Train, Memory…),
 * one row at 1,440 px for a teacher running a class (room code and count, Gather, Class), at
 * most two at 1,024 px; the Class panel and the class banner open below the toolbar, never over it.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openAt } from './lessons-helpers.ts';
import { startClassroomServerProcess, type ClassroomServerProcess } from './classroom-server.ts';

let server: ClassroomServerProcess;
test.beforeAll(async () => {
  server = await startClassroomServerProcess();
});
test.afterAll(async () => {
  await server?.stop();
});

/** Distinct tops of the toolbar's visible controls: one per row. */
function toolbarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = [...document.querySelectorAll<HTMLElement>('.toolbar button, .toolbar select, .toolbar input:not(.visually-hidden)')]
      .map((b) => b.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => Math.round(r.top / 20));
    return new Set(tops).size;
  });
}

const LESSON = '/?lesson=esn-memory-capacity&step=2&expose=res.params.leak:0.1:1';

for (const [width, rows] of [
  [1440, 1],
  [1280, 1],
  [1024, 2],
] as const) {
  test(`at ${width} px the toolbar with Train and Memory capacity keeps ${rows} row${rows > 1 ? 's' : ''}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openAt(page, LESSON);
    await expect(page.getByRole('button', { name: 'Train' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Memory capacity…' })).toBeVisible();
    expect(await toolbarRows(page)).toBeLessThanOrEqual(rows);
    // No button wraps its words onto a second line inside itself.
    const tall = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.toolbar .button')].filter((b) => b.getBoundingClientRect().height > 40).map((b) => b.textContent));
    expect(tall).toEqual([]);
  });
}

for (const width of [1440, 1280, 1024]) {
  test(`a teacher's class at ${width} px: the toolbar rows, and the Class panel opens below the toolbar`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openAt(page, `${LESSON}&server=${encodeURIComponent(server.url)}`);
    const { room } = await page.evaluate(() => window.__recurrence!.classroom.start());
    await page.getByRole('dialog', { name: 'Your class' }).getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('class-room')).toContainText(room);
    await expect(page.getByTestId('class-room')).toHaveAttribute('title', new RegExp(`Class ${room} · 0 students`));
    if (width >= 1440) expect(await toolbarRows(page)).toBe(1);
    else expect(await toolbarRows(page)).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'Class', exact: true }).click();
    const panel = page.getByTestId('class-panel');
    await expect(panel).toBeVisible();
    const header = (await page.locator('.app-layout__header').boundingBox())!;
    const box = (await panel.boundingBox())!;
    expect(box.y, 'the panel starts below the toolbar').toBeGreaterThanOrEqual(header.y + header.height);
    expect(box.height, 'an empty class makes a short panel').toBeLessThan(300);
    // Every toolbar button stays clickable (none is under the panel).
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.toolbar .button')]
        .filter((b) => b.offsetWidth > 0)
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return !b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        })
        .map((b) => b.getAttribute('aria-label') ?? b.textContent),
    );
    expect(covered).toEqual([]);
    await page.screenshot({ path: `test-results/class-panel-${width}.png` });
  });
}
