/**
 * The inspector's fields show their values whole (issue #17) at 1,024, 1,440 and 1,920 px: a
 * choice (select) is as wide as its longest option, a label or title shows its text, a key
 * breaks between words only. Choices and text fields take the inspector's width under their key.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { openAt, darkTheme } from './lessons-helpers.ts';

/** What is cut off in the inspector now: selects narrower than their longest option, text fields narrower than their text, keys broken inside a word. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const textWidth = (el: Element, text: string) => {
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(text).width;
    };
    const out: string[] = [];
    const inspector = document.querySelector('.app-layout__inspector')!;
    const name = (el: Element) => el.closest('[data-field]')?.getAttribute('data-field') ?? el.closest('.form-row')?.querySelector('.form-row__key')?.textContent ?? el.tagName;
    for (const el of inspector.querySelectorAll<HTMLElement>('select, input:not([type=checkbox]):not([type=range])')) {
      if (el.offsetWidth === 0) continue;
      const cs = getComputedStyle(el);
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (el instanceof HTMLSelectElement) {
        // the drop-down arrow takes about 20 px of the content box
        const widest = Math.max(...[...el.options].map((o) => textWidth(el, o.text)));
        if (widest > room - 20) out.push(`${name(el)}: select needs ${widest.toFixed(0)} px, has ${(room - 20).toFixed(0)}`);
      } else {
        const text = (el as HTMLInputElement).value;
        // short texts (labels, titles, numbers) show whole; a long JSON value may scroll
        if (text.length <= 32 && textWidth(el, text) > room) out.push(`${name(el)}: "${text}" needs ${textWidth(el, text).toFixed(0)} px, has ${room.toFixed(0)}`);
      }
    }
    for (const el of inspector.querySelectorAll<HTMLElement>('.form-row__key, legend, .inspector__title, dt, dd')) {
      if (el.offsetWidth === 0) continue;
      // a key may break before a capital (spectral|Radius), nowhere else
      for (const word of (el.textContent ?? '').split(el.matches('.form-row__key') ? /\s+|(?=[A-Z])/ : /\s+/)) if (textWidth(el, word) > el.clientWidth + 0.5) out.push(`"${word}" broken inside (${el.clientWidth} px)`);
    }
    return out;
  });
}

/** Selects a node or an edge (by id) the way a click on the canvas does. */
async function select(page: Page, kind: 'node' | 'edge', id: string): Promise<void> {
  if (kind === 'node') await page.locator(`.react-flow__node[data-id="${id}"]`).dispatchEvent('click');
  else await page.locator(`[data-edge-label="${id}"]`).first().dispatchEvent('click');
  await expect(page.getByTestId(`${kind}-inspector`)).toHaveAttribute(`data-${kind}-id`, id);
}

/** Elements whose inspectors hold the widest choices and labels of the presets. */
const CASES = [
  { preset: 'brunel', kind: 'edge', id: 'EE', field: 'weight', shows: 'constant' },
  { preset: 'izhikevich-1000', kind: 'node', id: 'E', field: 'integrator', shows: 'izhikevich-2003' },
  { preset: 'vanishing-gradients', kind: 'node', id: 'u', field: 'signal', shows: 'delayed-copy' },
  { preset: 'poisson-lif-stdp', kind: 'edge', id: null, field: 'synapse', shows: 'exponential' },
  { preset: 'self-connected-unit', kind: 'document', id: null, field: null, shows: null },
] as const;

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} no inspector field is cut off (choices, labels, titles, keys), light and dark`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height });
    for (const c of CASES) {
      await openAt(page, `/?preset=${c.preset}`);
      const doc = await page.evaluate(() => window.__recurrence!.getDocument());
      if (c.kind === 'node') await select(page, 'node', c.id);
      if (c.kind === 'edge') await select(page, 'edge', c.id ?? doc.edges.find((e) => 'synapse' in e.params)!.id);
      if (c.field) {
        const choice = page.locator(`.app-layout__inspector [data-field="${c.field}"] select`);
        await expect(choice).toBeVisible();
        expect(await choice.evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(c.shows);
      }
      expect(await clipped(page), `${c.preset} ${c.kind} ${c.id ?? ''} at ${width} px`).toEqual([]);
      if (c.preset === 'brunel' || c.kind === 'document') {
        await page.locator('.app-layout__inspector').screenshot({ path: `test-results/inspector-${c.preset}-${width}-light.png` });
        await darkTheme(page);
        await page.locator('.app-layout__inspector').screenshot({ path: `test-results/inspector-${c.preset}-${width}-dark.png` });
        await page.getByRole('button', { name: 'Switch to light theme' }).click();
      }
    }
  });
}
