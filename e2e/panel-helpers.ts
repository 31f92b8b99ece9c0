/** Helpers of the panel specs: presets read from disk, opened with a given panel layout. */
import { readFileSync } from 'node:fs';
import { expect, type AppPage } from './fixtures.ts';

/** A preset document as on disk. */
export const preset = (name: string) => JSON.parse(readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8'));

/** Opens a preset with these panels (instead of its own) and waits for their cards. */
export async function openWith(app: AppPage, name: string, panels: Record<string, unknown>[]) {
  const doc = preset(name);
  doc.panels = panels;
  expect(await app.loadDocument(doc)).toEqual({ ok: true });
  await expect(app.page.locator('.panel-card')).toHaveCount(panels.length);
}
