/**
 * Keyboard work and the view (issue #17): the Add-panel menu adds on Enter only, "Connect to…"
 * from a focused node, visible focus rings, focus back after a dialog; New keeps a dropped node
 * where it was dropped at zoom 1; the view re-fits when the window changes, taking in self-loops
 * and edge labels; one Step draws a
 * point; wide tick labels keep clear of the axis title; times carry their unit.
 */
import type { Page } from '@playwright/test';
import { test, expect, fileCommand } from './fixtures.ts';
import { dropKind, nodeEl } from './editor-helpers.ts';
import { preset } from './panel-helpers.ts';

const zoomOf = (page: Page) => page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]));

test('the Add-panel menu: arrow keys only move, Enter adds, and the new panel scrolls into view', async ({ app }) => {
  const { page } = app;
  await expect(page.locator('.panel-card')).toHaveCount(1);
  const button = page.getByTestId('add-panel');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('.panel-card')).toHaveCount(1); // moving is not choosing
  const chosen = await page.evaluate(() => document.activeElement?.getAttribute('data-menu-item'));
  await page.screenshot({ path: 'test-results/keyboard-add-panel-menu.png' });
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(page.locator('.panel-card')).toHaveCount(2);
  await expect(page.getByTestId(`panel-${chosen}`)).toBeInViewport();
  await expect(button).toBeFocused(); // focus is back where the menu was opened
  // Escape closes without adding.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.locator('.panel-card')).toHaveCount(2);
});

test('Connect to… from a focused node: a visible focus ring, the target chosen in a list, focus back on the node', async ({ app }) => {
  const { page } = app;
  const doc = preset('leaky-unit');
  doc.edges = doc.edges.filter((e: { id: string }) => e.id !== 'in');
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  const u = nodeEl(page, 'u');
  // The canvas may still be laying out the loaded network (its nodes re-render): focus until it holds.
  await expect(async () => {
    await u.focus();
    await expect(u).toBeFocused({ timeout: 500 });
  }).toPass();
  const ring = await u.locator('.graph-node').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
  await page.screenshot({ path: 'test-results/keyboard-focus-ring.png' });

  await page.keyboard.press('c');
  const dialog = page.getByTestId('module-connect-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toContainText('Connect');
  const to = dialog.getByTestId('module-connect-to');
  await expect(to).toBeFocused();
  await to.selectOption('x');
  await page.screenshot({ path: 'test-results/keyboard-connect-to.png' });
  await to.press('Enter');
  await expect(dialog).toHaveCount(0);
  const edges = (await app.getDocument()).edges;
  expect(edges.some((e) => e.source === 'u' && e.target === 'x')).toBe(true);
  await expect(u).toBeFocused();

  // The ? dialog gives focus back too.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).toBeHidden();
  await expect(u).toBeFocused();
});

test('New: an empty canvas says what to do; the first node stays where it was dropped, at zoom 1', async ({ app }) => {
  const { page } = app;
  page.on('dialog', (d) => void d.accept());
  await fileCommand(page, 'New network');
  await expect(page.getByTestId('empty-canvas-hint')).toBeVisible();
  await page.screenshot({ path: 'test-results/new-empty-canvas.png' });
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const at = { x: 260, y: 190 };
  await dropKind(page, 'rate', at);
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page.getByTestId('empty-canvas-hint')).toHaveCount(0);
  await page.waitForTimeout(400);
  expect(await zoomOf(page)).toBe(1);
  const node = (await page.locator('.react-flow__node').boundingBox())!;
  // Dropped by its top middle: the drop point lies on the node's top edge region, not re-centred.
  expect(Math.abs(node.x + node.width / 2 - (canvas.x + at.x))).toBeLessThan(node.width / 2);
  expect(Math.abs(node.y - (canvas.y + at.y))).toBeLessThan(40);
  await page.screenshot({ path: 'test-results/new-first-node.png' });
});

test('the view re-fits the network when the window changes size, until the user moves it', async ({ app }) => {
  const { page } = app;
  const inside = () =>
    page.evaluate(() => {
      const c = document.querySelector('.app-layout__canvas')!.getBoundingClientRect();
      return [...document.querySelectorAll('.react-flow__node')].every((n) => {
        const b = n.getBoundingClientRect();
        return b.left >= c.left && b.right <= c.right && b.top >= c.top && b.bottom <= c.bottom;
      });
    });
  const before = await zoomOf(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(inside).toBe(true);
  await expect.poll(() => zoomOf(page)).toBeLessThan(before);
  await page.screenshot({ path: 'test-results/refit-after-resize.png' });
  // Zoomed by hand: a resize leaves the view alone.
  await page.getByRole('button', { name: /zoom in/i }).click();
  await page.waitForTimeout(300);
  const chosen = await zoomOf(page);
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.waitForTimeout(500);
  expect(await zoomOf(page)).toBe(chosen);
});

test('a fit takes in self-loops and edge labels: at 1,024 px with both sides open, nothing drawn is cut off or under the zoom controls', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  for (const name of ['edge-of-chaos', 'self-connected-unit', 'cpg', 'esn-mackey-glass']) {
    await page.goto(`/?preset=${name}`);
    await page.waitForFunction(() => window.__recurrence !== undefined);
    await expect(page.locator('.react-flow__edgelabel-renderer > *').first()).toBeVisible();
    const outside = () =>
      page.evaluate(() => {
        const c = document.querySelector('.react-flow')!.getBoundingClientRect();
        const controls = document.querySelector('.react-flow__controls')!.getBoundingClientRect();
        return [...document.querySelectorAll<Element>('.react-flow__node, .react-flow__edge-path, .react-flow__edgelabel-renderer > *')]
          .filter((el) => {
            const b = el.getBoundingClientRect();
            const cut = b.left < c.left - 1 || b.right > c.right + 1 || b.top < c.top - 1 || b.bottom > c.bottom + 1;
            const underControls = b.left < controls.right && b.right > controls.left && b.top < controls.bottom && b.bottom > controls.top;
            return cut || underControls;
          })
          .map((el) => el.textContent || el.closest('[data-id]')?.getAttribute('data-id') || el.className);
      });
    await expect.poll(outside, { message: name }).toEqual([]);
    await page.locator('.app-layout__canvas').screenshot({ path: `test-results/fit-drawn-${name}-1024.png` });
  }
});

test('one Step draws a point; the clock and read-outs give times in ms for a continuous-time network', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('step-one').click();
  await expect.poll(async () => (await app.marks('traces'))?.dots).toBe(1);
  await page.screenshot({ path: 'test-results/one-step-point.png' });
  await expect(page.getByTestId('run-clock')).toHaveText('step 1'); // a discrete map counts steps

  expect(await app.loadDocument(preset('single-lif'))).toEqual({ ok: true });
  await page.evaluate(() => window.__recurrence!.sim.step(875));
  const dt = preset('single-lif').dt;
  await expect(page.getByTestId('run-clock')).toHaveText(new RegExp(`^step 875 · t = ${Number((875 * dt).toPrecision(6))} ms`));
  const chart = page.getByTestId('panel-traces').first().locator('.chart__overlay');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.getByTestId('panel-traces').first().getByTestId('readout')).toContainText(/t = [\d.]+ ms \(step \d+\)/);
});

test('large values: the y tick labels keep clear of the axis title', async ({ app }) => {
  const { page } = app;
  const doc = preset('leaky-unit');
  doc.nodes[0].params.signal = { type: 'constant', value: 123456 };
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  await page.evaluate(() => window.__recurrence!.sim.step(50));
  const card = page.getByTestId('panel-traces');
  await expect(card.locator('.chart')).toHaveAttribute('data-empty', 'false');
  const overlap = await card.evaluate((el) => {
    const title = el.querySelectorAll<SVGTextElement>('.chart__label')[1].getBoundingClientRect();
    const ticks = [...el.querySelectorAll<SVGTextElement>('.chart__axis--y text')].map((t) => t.getBoundingClientRect());
    const svg = el.querySelector('svg')!.getBoundingClientRect();
    return { hits: ticks.filter((t) => t.left < title.right && t.right > title.left && t.top < title.bottom && t.bottom > title.top).length, widest: Math.max(...ticks.map((t) => t.width)), titleLeft: title.left - svg.left };
  });
  expect(overlap.widest).toBeGreaterThan(30); // "200,000"-wide labels
  expect(overlap.hits).toBe(0);
  expect(overlap.titleLeft).toBeGreaterThanOrEqual(0);
  await card.screenshot({ path: 'test-results/wide-tick-labels.png' });
});

test('Run becomes Pause in place: the button keeps its width and draws its icon', async ({ app }) => {
  const { page } = app;
  const run = page.getByTestId('run-toggle');
  const before = (await run.boundingBox())!;
  const step = (await page.getByTestId('step-one').boundingBox())!;
  await run.click();
  await expect(run).toHaveText(/Pause/);
  const after = (await run.boundingBox())!;
  expect(after.width).toBe(before.width);
  expect((await page.getByTestId('step-one').boundingBox())!.x).toBe(step.x);
  await expect(run.locator('svg')).toHaveCount(1);
  expect(await run.textContent()).not.toMatch(/[⏸▶]/);
  await run.click();
});
