/**
 * The toolbar's rows (issue #17): one row from 1,280 px with the task buttons (Train, Memory…),
 * also for a teacher running a class (room code and count, Gather, Class), a student in one, a
 * locked link, Run ↔ Pause and Train ↔ Training… (which move nothing); at
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
    if (width >= 1280) expect(await toolbarRows(page)).toBe(1);
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

// ---- Every toolbar state at 1,280 and 1,024 px, light and dark ----------------------------

interface ToolbarLayout {
  /** Rows of visible controls (controls whose vertical middles lie within 12 px share a row). */
  rows: number;
  /** Controls taller than one line: a button whose words wrapped inside it. */
  tall: string[];
  /** Left edge and width of each visible control, by name. */
  boxes: Record<string, [number, number]>;
}

/** The toolbar's layout as drawn now (done in the page, so it can run inside a mutation observer too). */
function readToolbar(page: Page): Promise<ToolbarLayout> {
  return page.evaluate(() => (window as unknown as { __toolbarLayout: () => ToolbarLayout }).__toolbarLayout());
}

/** Installs `window.__toolbarLayout` in the page (the measure readToolbar calls). */
async function installToolbarMeasure(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __toolbarLayout: () => unknown }).__toolbarLayout = () => {
      const controls = [...document.querySelectorAll<HTMLElement>('.toolbar :is(button, select, input:not(.visually-hidden), .class-buttons__room, .toolbar__title)')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 2 && r.height > 2;
      });
      const middles = controls.map((c) => c.getBoundingClientRect()).map((r) => r.top + r.height / 2).sort((a, b) => a - b);
      const rows = middles.filter((m, i) => i === 0 || m - middles[i - 1] > 12).length;
      const name = (c: HTMLElement) => c.getAttribute('aria-label') ?? c.getAttribute('data-testid') ?? c.textContent!.trim();
      const tall = controls.filter((c) => c.matches('button') && c.getBoundingClientRect().height > 44).map(name);
      const boxes = Object.fromEntries(controls.map((c) => [name(c), [Math.round(c.getBoundingClientRect().left), Math.round(c.getBoundingClientRect().width)]]));
      return { rows, tall, boxes };
    };
  });
}

const THEMES = ['light', 'dark'] as const;
const WIDTHS = [
  [1280, 1],
  [1024, 2],
] as const;

/**
 * For each theme and width: sizes the window, checks the toolbar's rows and that no button
 * wrapped inside itself, screenshots the header as `toolbar-STATE-WIDTH-THEME.png`, and runs
 * `more` (further checks of this state at this size).
 */
async function eachSize(page: Page, state: string, more?: (width: number) => Promise<void>): Promise<void> {
  await installToolbarMeasure(page);
  for (const theme of THEMES) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [width, rows] of WIDTHS) {
      await page.setViewportSize({ width, height: 760 });
      await expect.poll(async () => (await readToolbar(page)).rows, { message: `${state} at ${width} px (${theme}): toolbar rows` }).toBeLessThanOrEqual(rows);
      expect((await readToolbar(page)).tall, `${state} at ${width} px: buttons wrapped inside`).toEqual([]);
      await page.locator('.app-layout__header').screenshot({ path: `test-results/toolbar-${state}-${width}-${theme}.png` });
      await more?.(width);
    }
  }
}

test.describe('every toolbar state keeps one row at 1,280 px and two at most at 1,024 px, light and dark', () => {
  test('a lesson open with Train and Memory capacity; Run ↔ Pause and Train ↔ Training… move nothing', async ({ page }) => {
    test.setTimeout(60_000);
    await openAt(page, LESSON);
    await expect(page.getByTestId('toggle-course')).toHaveAttribute('aria-expanded', 'true');
    await eachSize(page, 'lesson', async () => {
      const idle = (await readToolbar(page)).boxes;
      // The Run button is as wide as its widest label (Run, Pause, Loading… while a large network loads).
      const widths = await page.getByTestId('run-toggle').evaluate((run) =>
        ['Run', 'Pause', 'Loading…'].map((label) => {
          const twin = run.cloneNode(true) as HTMLElement;
          twin.lastChild!.textContent = label;
          run.after(twin);
          const w = twin.getBoundingClientRect().width;
          twin.remove();
          return Math.round(w);
        }),
      );
      expect(new Set(widths).size, `Run / Pause / Loading… widths ${widths}`).toBe(1);
      // Run → Pause: every control keeps its place and width.
      await page.getByTestId('run-toggle').click();
      await expect(page.getByTestId('run-toggle')).toHaveText('Pause');
      expect((await readToolbar(page)).boxes).toEqual(idle);
      await page.getByTestId('run-toggle').click();
      await expect(page.getByTestId('run-toggle')).toHaveText('Run');
      // Train → Training…: measured the moment the label changes (a readout trains in well under a second).
      const during = page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const train = [...document.querySelectorAll('.toolbar button')].find((b) => b.textContent === 'Train')!;
            new MutationObserver((_, observer) => {
              if (train.textContent !== 'Training…') return;
              observer.disconnect();
              resolve((window as unknown as { __toolbarLayout: () => ToolbarLayout }).__toolbarLayout().boxes);
            }).observe(train, { childList: true, characterData: true, subtree: true });
          }),
      );
      await page.getByRole('button', { name: 'Train' }).click();
      const { Train: trainIdle, ...restIdle } = idle;
      const { ['Training…']: training, ...restDuring } = (await during) as Record<string, [number, number]>;
      expect(training).toEqual(trainIdle);
      expect(restDuring).toEqual(restIdle);
      // the training report, once the training is over
      await expect(page.locator('.toolbar').getByRole('button', { name: 'Train', exact: true })).toBeEnabled({ timeout: 30_000 });
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });
  });

  test("a teacher's class", async ({ page }) => {
    await openAt(page, `${LESSON}&server=${encodeURIComponent(server.url)}`);
    await page.evaluate(() => window.__recurrence!.classroom.start());
    await page.getByRole('dialog', { name: 'Your class' }).getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: 'Gather' })).toBeVisible();
    await eachSize(page, 'teacher');
  });

  test('a student in a class: following, exploring (the button keeps its width), and the code field open', async ({ page, browser }) => {
    test.setTimeout(60_000);
    const teacher = await browser.newPage();
    await openAt(teacher, `${LESSON}&server=${encodeURIComponent(server.url)}`);
    const { room } = await teacher.evaluate(() => window.__recurrence!.classroom.start());
    await openAt(page, `/?room=${room}&server=${encodeURIComponent(server.url)}`);
    await page.getByTestId('class-name').fill('Ada');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('button', { name: 'Explore on my own' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Train' })).toBeVisible();
    await eachSize(page, 'student', async () => {
      const following = (await readToolbar(page)).boxes;
      await page.getByRole('button', { name: 'Explore on my own' }).click();
      const exploring = (await readToolbar(page)).boxes;
      expect(exploring['Follow the teacher']).toEqual(following['Explore on my own']);
      await page.getByRole('button', { name: 'Follow the teacher' }).click();
      await expect(page.getByRole('button', { name: 'Explore on my own' })).toBeVisible();
    });
    await teacher.close();
    // Before joining: the "Join a class" code field open beside Train and Memory capacity.
    await openAt(page, `${LESSON}&server=${encodeURIComponent(server.url)}&theme=light`);
    await page.getByRole('button', { name: 'Join a class' }).click();
    await expect(page.getByLabel('Class code')).toBeFocused();
    await eachSize(page, 'join');
    await page.getByLabel('Class code').press('Escape');
    await expect(page.getByRole('button', { name: 'Join a class' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Start a class' })).toBeVisible();
  });

  test('a locked classroom link (no editing commands)', async ({ page }) => {
    await openAt(page, `/?lesson=self-connected-unit&step=2&classroom=1&expose=self.params.weight.value:-1:3`);
    await page.getByTestId('file-menu').click();
    await expect(page.getByRole('menuitem')).toHaveText([/Share link/]);
    await page.keyboard.press('Escape');
    await eachSize(page, 'locked');
  });

  test('projector mode (large=1): the locked link keeps one row at 1,280 px, a lesson with Train and Memory capacity one at 1,440 and 1,280 px, two at most at 1,024 px', async ({ page }) => {
    for (const [path, width, rows] of [
      ['/?lesson=self-connected-unit&step=2&classroom=1&expose=self.params.weight.value:-1:3&large=1', 1280, 1],
      ['/?lesson=self-connected-unit&step=2&classroom=1&expose=self.params.weight.value:-1:3&large=1', 1024, 2],
      [`${LESSON}&large=1`, 1440, 1],
      [`${LESSON}&large=1`, 1280, 1],
      [`${LESSON}&large=1`, 1024, 2],
    ] as const) {
      await page.setViewportSize({ width, height: 760 });
      await openAt(page, path);
      await installToolbarMeasure(page);
      await expect.poll(async () => (await readToolbar(page)).rows, { message: `${path} at ${width} px` }).toBeLessThanOrEqual(rows);
      expect((await readToolbar(page)).tall).toEqual([]);
      // Icons grow with the projector's text, in square buttons.
      const gallery = (await page.getByTestId('open-gallery').boundingBox())!;
      expect(gallery.width).toBeCloseTo(gallery.height, 0);
      expect((await page.getByTestId('open-gallery').locator('svg').boundingBox())!.width).toBe(20);
      await page.locator('.app-layout__header').screenshot({ path: `test-results/toolbar-projector-${path.includes('classroom=1') ? 'locked' : 'lesson'}-${width}.png` });
    }
  });
});
