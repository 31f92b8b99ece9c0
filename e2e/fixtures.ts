/**
 * Shared fixtures: every test fails on a console error or an uncaught page error, and
 * `app` opens the app and waits until its test bridge and canvas are ready.
 */
import { test as base, expect, type Page } from '@playwright/test';
// the specs compute reference runs in Node (Simulator, trainReadouts): the compiler needs the kinds' builders
import '../src/kinds/registry.ts';
import type { GraphDocument } from '../src/model/index.ts';
import type { RecurrenceBridge } from '../src/app/testBridge.ts';
import type { DrawnMarks } from '../src/store/index.ts';

export interface AppPage {
  page: Page;
  /** The open document, via the test bridge. */
  getDocument(): Promise<GraphDocument>;
  /** The last run's values of a node (rows per step), via the test bridge. */
  getTrace(nodeId: string): Promise<number[][] | null>;
  /** Loads a document through the bridge (same path as Open). */
  loadDocument(doc: unknown): Promise<ReturnType<RecurrenceBridge['loadDocument']>>;
  /** The line marks the first open panel of this type painted on its canvas (lines' points, band, dots), via the test bridge. */
  marks(panelType: string): Promise<DrawnMarks | null>;
}

export const test = base.extend<{ consoleErrors: string[]; app: AppPage }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await page.goto('/');
    await page.waitForFunction(() => window.__recurrence !== undefined, undefined, { timeout: 10_000 });
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await use({
      page,
      getDocument: () => page.evaluate(() => window.__recurrence!.getDocument()),
      getTrace: (nodeId) => page.evaluate((id) => window.__recurrence!.sim.getTrace(id), nodeId),
      loadDocument: (doc) => page.evaluate((d) => window.__recurrence!.loadDocument(d), doc),
      marks: (panelType) =>
        page.evaluate((type) => {
          const r = window.__recurrence!;
          const panel = r.panels.list().find((p) => p.type === type);
          return panel ? r.panels.marks(panel.id) : null;
        }, panelType),
    });
  },
});

/** Runs a command of a toolbar or panels-bar menu: opens the menu button `menu` (a test id) and clicks the item named `item`. */
export async function menuCommand(page: Page, menu: string, item: string | RegExp): Promise<void> {
  await page.getByTestId(menu).click();
  await page.getByRole('menuitem', { name: item, exact: typeof item === 'string' }).click();
}

/** Runs a File-menu item by its name ("Save", "Save as…", "New network", "Open…", "Share link…"). */
export const fileCommand = (page: Page, item: string) => menuCommand(page, 'file-menu', item);

/** Adds a panel of this type from the panels bar's "Add panel" menu. */
export async function addPanel(page: Page, type: string): Promise<void> {
  await page.getByTestId('add-panel').click();
  await page.getByTestId(`add-panel-${type}`).click();
}

export { expect };
