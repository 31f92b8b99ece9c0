/** Files and links: save then open, Save as, New, drop a file, autosave restore, share links, every bad-file class. */
import { readFile } from 'node:fs/promises';
import { test, expect, fileCommand } from './fixtures.ts';
import { clickPane, dropKind, nodeEl } from './editor-helpers.ts';
import type { Page } from '@playwright/test';
import lzString from 'lz-string';

const dialog = (page: Page) => page.getByTestId('load-error-dialog');

async function openText(page: Page, name: string, text: string) {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('save then open the same file gives an identical document; the title marks unsaved changes', async ({ app }) => {
  const { page } = app;
  await dropKind(page, 'lif', { x: 360, y: 380 });
  await expect(page.getByTestId('document-title')).toContainText('•');
  await expect(page).toHaveTitle(/^• /);
  const edited = await app.getDocument();
  const download = page.waitForEvent('download');
  await fileCommand(page, 'Save');
  const file = await download;
  expect(file.suggestedFilename()).toBe('leaky-unit-with-self-excitation.json');
  const text = await readFile((await file.path())!, 'utf8');
  await expect(page.getByTestId('document-title')).not.toContainText('•');

  await app.loadDocument({ format: 'recurrence-graph', version: 1, nodes: [] });
  await openText(page, 'saved.json', text);
  await expect(nodeEl(page, 'lif1')).toBeVisible();
  expect(await app.getDocument()).toEqual(edited);
});

test('Save as names the file and the network; New opens an empty one (not an undo step)', async ({ app }) => {
  const { page } = app;
  await fileCommand(page, 'Save as…');
  const saveAs = page.getByTestId('save-as-dialog');
  await saveAs.getByLabel('File name').fill('my loop');
  const download = page.waitForEvent('download');
  await saveAs.getByRole('button', { name: 'Save' }).click();
  expect((await download).suggestedFilename()).toBe('my loop.json');
  await expect(page.getByTestId('document-title')).toHaveText('my loop');
  await fileCommand(page, 'New network');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  expect((await app.getDocument()).title).toBe('Untitled network');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('dropping a .json file on the window opens it', async ({ app }) => {
  const { page } = app;
  const doc = { ...(await app.getDocument()), title: 'Dropped' };
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(doc));
  await page.dispatchEvent('.react-flow__pane', 'drop', { dataTransfer });
  await expect(page.getByTestId('document-title')).toHaveText('Dropped');
});

test('autosave: an edit survives a reload; a bad stored copy is kept aside and the app still opens', async ({ app }) => {
  const { page } = app;
  await dropKind(page, 'izhikevich', { x: 360, y: 380 });
  await expect(nodeEl(page, 'izhikevich1')).toBeVisible();
  await page.waitForFunction(() => (localStorage.getItem('recurrence.autosave') ?? '').includes('izhikevich1'));
  const edited = await app.getDocument();
  await page.reload();
  await expect(nodeEl(page, 'izhikevich1')).toBeVisible();
  expect(await app.getDocument()).toEqual(edited);
  await expect(page.getByTestId('document-title')).toContainText('•');

  await page.evaluate(() => localStorage.setItem('recurrence.autosave', '{"version":1,"doc":"{ broken'));
  await page.reload();
  await expect(page.getByTestId('document-title')).toHaveText('Leaky unit with self-excitation');
  await expect(page.getByTestId('toast').filter({ hasText: 'could not be restored' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('recurrence.autosave.rejected'))).toContain('{ broken');
});

test('share link round trip; a too-long network gets a clear message', async ({ app }) => {
  const { page } = app;
  await dropKind(page, 'poisson', { x: 360, y: 380 });
  await clickPane(page);
  const shared = await app.getDocument();
  await fileCommand(page, 'Share link…');
  const url = await page.getByTestId('share-link').inputValue();
  expect(url).toMatch(/#doc=/);
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
  await app.loadDocument({ format: 'recurrence-graph', version: 1, title: 'Other', nodes: [] });

  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await expect(fresh.locator('.react-flow__node[data-id="poisson1"]')).toBeVisible();
  expect(await fresh.evaluate(() => window.__recurrence!.getDocument())).toEqual(shared);
  expect(new URL(fresh.url()).hash).toBe(''); // later edits autosave; a reload restores them
  await fresh.close();
  await page.bringToFront();

  const many = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, kind: 'rate', position: { x: (i * 7919) % 10007, y: (i * 104729) % 9973 }, params: { size: 1 + ((i * 31) % 97) } }));
  const big = { ...shared, nodes: [...shared.nodes, ...many] };
  expect((await app.loadDocument(big)).ok).toBe(true);
  await fileCommand(page, 'Share link…');
  await expect(page.getByTestId('share-too-long')).toContainText('too large for a link');
  await expect(page.getByTestId('share-too-long')).toContainText('Save it as a file');
});

const badFiles: [string, string, string][] = [
  ['not JSON', '{ "format": ', 'not valid JSON'],
  ['wrong format', JSON.stringify({ format: 'excalidraw', version: 2 }), 'format'],
  ['newer version', JSON.stringify({ format: 'recurrence-graph', version: 99, nodes: [] }), 'newer than this version'],
  [
    'invalid content',
    JSON.stringify({ format: 'recurrence-graph', version: 1, nodes: [{ id: 'a', kind: 'rate', params: { leak: 3 } }, { id: 'b', kind: 'nope' }] }),
    'nodes[0].params.leak',
  ],
];

for (const [name, text, expected] of badFiles) {
  test(`a bad file (${name}) shows its errors and leaves the document untouched`, async ({ app }) => {
    const { page } = app;
    const before = await app.getDocument();
    await openText(page, `${name}.json`, text);
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page)).toContainText(expected);
    await page.keyboard.press('Escape');
    expect(await app.getDocument()).toEqual(before);
  });
}

test('a bad link (damaged, or invalid content) shows its errors and leaves the document untouched', async ({ app }) => {
  const { page } = app;
  const before = await app.getDocument();
  await page.goto('/#doc=NoThInGuSeFuL');
  await expect(dialog(page)).toContainText('Could not open the share link');
  await expect(dialog(page)).toContainText('(root)');
  await page.keyboard.press('Escape');
  expect(await app.getDocument()).toEqual(before);

  const invalid = lzString.compressToEncodedURIComponent(JSON.stringify({ format: 'recurrence-graph', version: 1, nodes: [{ id: 'a', kind: 'rate', params: { size: 0 } }] }));
  await page.goto(`/#doc=${invalid}`);
  await expect(dialog(page)).toContainText('nodes[0].params.size');
  await page.keyboard.press('Escape');
  expect(await app.getDocument()).toEqual(before);
});

test('a version-1 network opens in format 2 through a file, a share link and the autosave, its weight options beside the weight', async ({ app }) => {
  const { page } = app;
  const v1 = await readFile(new URL('../test/fixtures/v1/esn-sine.json', import.meta.url), 'utf8');
  expect(JSON.parse(v1).edges[1].params.weight).toMatchObject({ connectivity: 0.1, spectralRadius: 0.9 });
  expect((await app.loadDocument(JSON.parse(await readFile(new URL('../presets/esn-sine.json', import.meta.url), 'utf8')))).ok).toBe(true);
  const expected = await app.getDocument();
  expect(expected.version).toBe(2);
  expect(expected.edges[1].params).toMatchObject({ weight: { type: 'normal', mean: 0, std: 1 }, connectivity: 0.1, spectralRadius: 0.9 });
  await app.loadDocument({ format: 'recurrence-graph', version: 2, nodes: [] });

  await openText(page, 'old.json', v1);
  await expect(page.getByTestId('document-title')).toHaveText('Echo state network driven by a sine');
  expect(await app.getDocument()).toEqual(expected);
  await page.screenshot({ path: 'test-results/format-v1-opened.png' });

  await app.loadDocument({ format: 'recurrence-graph', version: 2, nodes: [] });
  await page.goto(`/#doc=${lzString.compressToEncodedURIComponent(v1)}`);
  await expect(page.getByTestId('document-title')).toHaveText('Echo state network driven by a sine');
  expect(await page.evaluate(() => window.__recurrence!.getDocument())).toEqual(expected);

  // an autosave of an earlier visit: leaving the page writes any pending autosave, then the stored record is replaced
  await page.goto('about:blank');
  const autosaved = v1.replace('"title": "Echo state network driven by a sine"', '"title": "From the autosave"');
  await page.addInitScript((text) => {
    if (location.pathname === '/') localStorage.setItem('recurrence.autosave', JSON.stringify({ version: 1, savedAt: '2026-01-01T00:00:00Z', dirty: false, doc: text }));
  }, autosaved);
  await page.goto('/');
  await expect(page.getByTestId('document-title')).toHaveText('From the autosave');
  await page.waitForFunction(() => window.__recurrence !== undefined);
  expect(await page.evaluate(() => window.__recurrence!.getDocument())).toEqual({ ...expected, title: 'From the autosave' });
});
