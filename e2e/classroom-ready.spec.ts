/**
 * Classroom-ready (issue #17): the lab at 1440×900 and 1024×700, light and dark — the classroom
 * link draws each edge between its own nodes, a lesson leaves the canvas room and zoom, a lesson
 * step brings its panel into view, loading clears the selection, Undo clears a stale message —
 * and the page passes an accessibility scan. Each case saves a screenshot to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openAt, presetDoc } from './lessons-helpers.ts';
import { setEdgeDelay } from './editor-helpers.ts';

const LINK = '/?lesson=self-connected-unit&step=2&classroom=1&expose=self.params.weight.value:-1:3&large=1';
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;
const THEMES = ['light', 'dark'] as const;

type Box = { left: number; top: number; right: number; bottom: number };

/** Each drawn edge's two ends (screen pixels) beside its source's and target's boxes. */
function edgeGeometry(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const nodes = new Map([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id!, box(n.getBoundingClientRect())]));
    return [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].map((g) => {
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const m = path.getScreenCTM()!;
      const at = (len: number) => {
        const p = path.getPointAtLength(len);
        return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
      };
      const [, source, target] = /Edge from (\S+) to (\S+)/.exec(g.getAttribute('aria-label') ?? '') ?? [];
      return { id: g.dataset.id!, start: at(0), end: at(path.getTotalLength()), source: nodes.get(source)!, target: nodes.get(target)!, drawn: box(path.getBoundingClientRect()) };
    });
  });
}

/** How many rows the panels bar's controls take. */
function panelsBarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector('.panels__bar')!;
    return new Set([...bar.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => Math.round((r.top + r.height / 2) / 12))).size;
  });
}

/** Distance (px) from a point to a box (0 inside). */
const distance = (p: { x: number; y: number }, b: Box) => Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));

for (const viewport of VIEWPORTS) {
  for (const theme of THEMES) {
    const tag = `${viewport.width}x${viewport.height}-${theme}`;

    test.describe(`at ${tag}`, () => {
      test.use({ viewport });

      test('the classroom link draws every edge from its own source to its own target', async ({ page }) => {
        await openAt(page, `${LINK}&theme=${theme}`);
        await expect(page.locator('html')).toHaveAttribute('data-locked', '');
        const doc = await page.evaluate(() => window.__recurrence!.getDocument());
        await expect(page.locator('.react-flow__edge')).toHaveCount(doc.edges.length);
        const edges = await edgeGeometry(page);
        for (const e of edges) {
          // Each end lies on (or within a handle's reach of) its own node; a self-loop stays beside its node.
          expect(distance(e.start, e.source), `${e.id} starts at its source`).toBeLessThan(8);
          expect(distance(e.end, e.target), `${e.id} ends at its target`).toBeLessThan(14);
          if (e.source !== e.target) expect(distance(e.start, e.target), `${e.id} does not start at its target`).toBeGreaterThan(20);
          const reach = 160;
          expect(e.drawn.left).toBeGreaterThan(Math.min(e.source.left, e.target.left) - reach);
          expect(e.drawn.top).toBeGreaterThan(Math.min(e.source.top, e.target.top) - reach);
        }
        // Locked: no editing commands (New, Open, Save), handles kept in place but invisible.
        await page.getByTestId('file-menu').click();
        await expect(page.getByRole('menuitem')).toHaveText([/Share link/]);
        await page.keyboard.press('Escape');
        const handle = page.locator('.react-flow__handle').first();
        await expect(handle).toHaveCSS('visibility', 'hidden');
        expect((await handle.boundingBox())!.width).toBeGreaterThan(0);
        // Projector mode: the panels bar keeps one row, so the charts keep their height.
        expect(await panelsBarRows(page)).toBe(1);
        await page.screenshot({ path: `test-results/classroom-link-${tag}.png` });
      });

      test('with a lesson open the canvas keeps its room and the network stays readable', async ({ page }) => {
        for (const lesson of ['single-neuron', 'cpg', 'esn-mackey-glass', 'elman']) {
          await openAt(page, `/?lesson=${lesson}&theme=${theme}`);
          await expect(page.getByTestId('lesson')).toBeVisible();
          await expect(page.getByTestId('fold-palette')).toHaveAttribute('aria-expanded', 'false');
          await expect(page.getByTestId('fold-inspector')).toHaveAttribute('aria-expanded', 'false');
          // The view settles on the fitted network.
          await expect
            .poll(() => page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform))
            .toMatch(/scale/);
          await page.waitForTimeout(300);
          const m = await page.evaluate(() => {
            const c = document.querySelector('.app-layout__canvas')!.getBoundingClientRect();
            const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]);
            const inside = [...document.querySelectorAll('.react-flow__node')].every((n) => {
              const b = n.getBoundingClientRect();
              return b.left >= c.left - 1 && b.right <= c.right + 1 && b.top >= c.top - 1 && b.bottom <= c.bottom + 1;
            });
            const header = document.querySelector('.app-layout__header')!.getBoundingClientRect().height;
            return { width: c.width, height: c.height, zoom, inside, header };
          });
          expect(m.inside, `${lesson}: every node in view`).toBe(true);
          if (viewport.width === 1440) {
            expect(m.zoom, `${lesson}: zoom`).toBeGreaterThanOrEqual(0.75);
            expect(m.width).toBeGreaterThanOrEqual(880);
            expect(m.height).toBeGreaterThanOrEqual(440);
            expect(m.header, 'one toolbar row').toBeLessThan(64);
          } else {
            expect(m.zoom, `${lesson}: zoom`).toBeGreaterThanOrEqual(0.7);
            expect(m.width).toBeGreaterThanOrEqual(600);
            expect(m.height).toBeGreaterThanOrEqual(300);
            expect(m.header, 'at most two toolbar rows').toBeLessThan(100);
          }
          if (lesson === 'esn-mackey-glass') await page.screenshot({ path: `test-results/lesson-canvas-${tag}.png` });
        }
        // One click brings a folded side back.
        await page.getByTestId('fold-inspector').click();
        await expect(page.getByRole('tab', { name: 'Inspector' })).toBeVisible();
      });

      test('beside a lesson the panels bar keeps one row, running too', async ({ page }) => {
        await openAt(page, `/?lesson=esn-mackey-glass&theme=${theme}`);
        await expect(page.getByTestId('panels-more')).toBeVisible();
        // The bar narrows its words once its region's size is observed (a ResizeObserver callback).
        const rows = () => panelsBarRows(page);
        await expect.poll(rows).toBe(1);
        await page.getByTestId('run-toggle').click();
        await expect(page.getByTestId('run-status')).toContainText('steps/s');
        await expect.poll(rows).toBe(1);
        await page.getByTestId('run-toggle').click();
        // Paused, the clock shows its whole step count (no digit cut off).
        await expect(page.getByTestId('run-status')).not.toContainText('steps/s');
        expect(await page.getByTestId('run-clock').evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
        // The Window field and Export run keep their names when their words go.
        await expect(page.getByTestId('window')).toHaveAccessibleName(/Window/);
        await expect(page.getByTestId('export-run')).toHaveAccessibleName('Export run');
        await page.locator('.app-layout__panels').screenshot({ path: `test-results/panels-bar-${tag}.png` });
      });

      test('a lesson step that names a panel brings it into view, opening it when it is missing', async ({ page }) => {
        await openAt(page, `/?lesson=single-neuron&step=1&theme=${theme}`);
        const portrait = page.getByTestId('panel-phase');
        await expect(portrait).toBeInViewport({ ratio: 0.9 });
        await expectInPanelsList(page, portrait);
        await page.screenshot({ path: `test-results/lesson-step-panel-${tag}.png` });
        // Closed, then asked for again by the step's button: it comes back, in view.
        await portrait.getByRole('button', { name: /Remove/ }).click();
        await expect(portrait).toHaveCount(0);
        await page.getByTestId('show-step-panel-1').click();
        await expect(portrait).toBeInViewport({ ratio: 0.9 });
        await expectInPanelsList(page, portrait);
      });

      test('loading a preset clears the selection and the messages of the previous network', async ({ page }) => {
        await openAt(page, `/?theme=${theme}`);
        await page.locator('[data-edge-label="self"]').click();
        await expect(page.getByTestId('edge-inspector')).toBeVisible();
        await page.keyboard.press('Control+v'); // "Nothing to paste": a message about this network
        await expect(page.getByTestId('toast')).toHaveCount(1);
        await page.getByTestId('open-gallery').click();
        await page.getByTestId('gallery').getByRole('button', { name: new RegExp(presetDoc('ff-vs-recurrent').title) }).click();
        await expect(page.getByTestId('document-title')).toHaveText(presetDoc('ff-vs-recurrent').title);
        await expect(page.getByTestId('edge-inspector')).toHaveCount(0);
        // The lesson opened with the preset folded the inspector: unfolded, it shows the network, not the old edge.
        await page.getByTestId('fold-inspector').click();
        await expect(page.getByRole('heading', { name: 'Network', exact: true })).toBeVisible();
        await expect(page.getByTestId('toast')).toHaveCount(0);
        await page.screenshot({ path: `test-results/load-clears-selection-${tag}.png` });
      });

      test('a message about an edit disappears once Undo restores a valid network', async ({ page }) => {
        await openAt(page, `/?theme=${theme}`);
        await page.evaluate(() => window.__recurrence!.sim.step(5));
        // Delay 0 on the self-loop: a loop the running engine cannot take; the run waits.
        await setEdgeDelay(page, 'self', 0);
        const notice = page.getByTestId('live-notice');
        await expect(notice).toContainText('Not applied');
        await expect(notice).toContainText('edge self');
        await expect(notice).not.toContainText('edges[');
        // The canvas's banner about the loop keeps readable lines, whatever the canvas's width.
        const text = (await page.getByTestId('loop-banner').locator('.loop-banner__text').boundingBox())!;
        expect(text.width, 'the banner text is not squeezed to a word a line').toBeGreaterThan(240);
        await page.getByTestId('step-one').click();
        await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '5');
        await page.screenshot({ path: `test-results/stale-message-before-undo-${tag}.png` });
        await page.getByRole('button', { name: /^Undo/ }).click();
        await expect(notice).toHaveCount(0);
        await page.getByTestId('step-one').click();
        await expect(page.getByTestId('run-clock')).toHaveAttribute('data-step', '6');
        await page.screenshot({ path: `test-results/stale-message-after-undo-${tag}.png` });
      });
    });
  }
}

/** The card lies within the panels list's visible box. */
async function expectInPanelsList(page: Page, card: ReturnType<Page['getByTestId']>) {
  await expect
    .poll(async () => {
      const list = (await page.getByTestId('panels').boundingBox())!;
      const box = (await card.boundingBox())!;
      return box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
    })
    .toBe(true);
}

test('accessibility: no serious or critical axe violations with a lesson open, light and dark', async ({ page }) => {
  for (const theme of THEMES) {
    await openAt(page, `/?lesson=single-neuron&step=1&theme=${theme}`);
    await expect(page.getByTestId('lesson')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  }
});
