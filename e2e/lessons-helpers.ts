/** Shared steps of the lessons specs: open the app at a URL (classroom flags) and read presets. */
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { IndexEntry } from '../src/app/lessons/catalog.ts';

export const presetIndex = JSON.parse(readFileSync(new URL('../presets/lessons/index.json', import.meta.url), 'utf8')) as IndexEntry[];

export function presetDoc(name: string): { title: string; nodes: { id: string }[] } {
  return JSON.parse(readFileSync(new URL(`../presets/${name}.json`, import.meta.url), 'utf8'));
}

/** Opens the app at `path` (e.g. "/?lesson=…") and waits for the bridge and the canvas. */
export async function openAt(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => window.__recurrence !== undefined, undefined, { timeout: 10_000 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** Switches to the dark theme with the toolbar toggle. */
export async function darkTheme(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
}
