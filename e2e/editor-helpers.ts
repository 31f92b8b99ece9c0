/** Real-mouse gestures on the editor, shared by the editor specs. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export const nodeEl = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
export const edgeEl = (page: Page, id: string) => page.locator(`.react-flow__edge[data-id="${id}"]`);
export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

export async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Presses at `from`, moves in ≥ 10 steps (React Flow swallows the first pixels), releases at `to`. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 15) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

/** Drags a palette item onto the canvas at the given offset from the canvas's top-left. */
export async function dropKind(page: Page, kind: string, at: { x: number; y: number }) {
  const item = page.locator(`[data-palette-kind="${kind}"]`);
  await item.scrollIntoViewIfNeeded();
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await drag(page, await centre(item), { x: canvas.x + at.x, y: canvas.y + at.y });
}

/** Draws an edge from `source`'s output handle to `target`'s input handle. */
export async function connect(page: Page, source: string, target: string) {
  const from = await centre(nodeEl(page, source).locator('.react-flow__handle.source'));
  const to = await centre(nodeEl(page, target).locator('.react-flow__handle.target'));
  await drag(page, from, to);
}

/** Drags a node by its title by (dx, dy) screen pixels. */
export async function dragNode(page: Page, id: string, dx: number, dy: number) {
  const from = await centre(nodeEl(page, id).locator('.graph-node__title'));
  await drag(page, from, { x: from.x + dx, y: from.y + dy }, 20);
}

/**
 * Clicks on empty canvas (clears the selection): the first of a few spots near the canvas's
 * edges where nothing but the pane is (not a node, an edge, the zoom buttons or the minimap).
 */
export async function clickPane(page: Page) {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const spots = [
    [0.5, 0.92], [0.35, 0.92], [0.65, 0.92], [0.5, 0.3], [0.1, 0.5], [0.9, 0.5],
  ].map(([fx, fy]) => ({ x: canvas.x + canvas.width * fx, y: canvas.y + canvas.height * fy }));
  const free = await page.evaluate(
    (points) => points.find((p) => document.elementFromPoint(p.x, p.y)?.classList.contains('react-flow__pane')) ?? null,
    spots,
  );
  if (!free) throw new Error('clickPane: no empty spot on the canvas');
  await page.mouse.click(free.x, free.y);
}

/** Selects an edge by its label on the canvas and types a delay into its inspector (Enter commits). */
export async function setEdgeDelay(page: Page, id: string, delay: number) {
  await page.locator(`[data-edge-label="${id}"]`).click();
  const field = page.locator('[data-testid="edge-inspector"] [data-field="delay"] input');
  await field.fill(String(delay));
  await field.press('Enter');
}

export async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByTestId('toast').filter({ hasText: text })).toBeVisible();
}
