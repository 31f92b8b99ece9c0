/** Editing: inspector fields, clipboard, delete, groups, auto-layout, schedule view, loop fix, help, screenshots. */
import { test, expect } from './fixtures.ts';
import { clickPane, drag, dragNode, edgeEl, MOD, nodeEl, setEdgeDelay } from './editor-helpers.ts';

const leakOf = async (app: { getDocument(): Promise<{ nodes: { params: unknown }[] }> }) => ((await app.getDocument()).nodes[1].params as { leak: number }).leak;

test('edit a parameter in the inspector: typing, rule messages, arrow keys, scrubbing; undo each', async ({ app }) => {
  const { page } = app;
  await nodeEl(page, 'x').click();
  const row = page.locator('[data-testid="node-inspector"] [data-field="leak"]');
  const input = row.locator('input');
  await expect(row).toContainText('in (0, 1]');
  await input.fill('3');
  await input.press('Enter');
  await expect(row.locator('[role="alert"]')).toHaveText('leak must be in (0, 1], got 3');
  expect(await leakOf(app)).toBe(1);
  await input.fill('0.5');
  await input.press('Enter');
  await expect(row.locator('[role="alert"]')).toHaveCount(0);
  await expect.poll(() => leakOf(app)).toBe(0.5);
  await input.press('ArrowDown');
  await expect.poll(() => leakOf(app)).toBe(0.49);
  await input.press('Shift+ArrowUp');
  await expect.poll(() => leakOf(app)).toBe(0.59);

  // Scrub: drag the grip sideways; the whole drag is one undo step.
  const grip = (await row.locator('.number-field__grip').boundingBox())!;
  const from = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
  await drag(page, from, { x: from.x - 60, y: from.y }, 12);
  const scrubbed = await leakOf(app);
  expect(scrubbed).toBeLessThan(0.59);
  expect(scrubbed).toBeGreaterThan(0);

  await clickPane(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => leakOf(app)).toBe(0.59);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => leakOf(app)).toBe(0.49);
  await page.keyboard.press(`${MOD}+z`);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(() => leakOf(app)).toBe(1);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect.poll(() => leakOf(app)).toBe(0.5);
});

test('edge inspector: weight initialisation with connectivity and spectral radius, and the derived facts', async ({ app }) => {
  const { page } = app;
  await app.loadDocument({
    format: 'recurrence-graph', version: 1, title: 'Reservoir', seed: 3,
    nodes: [{ id: 'res', kind: 'rate', position: { x: 0, y: 0 }, params: { size: 50 } }],
    edges: [{ id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, delay: 1 } }],
  });
  await page.locator('[data-edge-label="rec"]').click();
  const inspector = page.getByTestId('edge-inspector');
  await expect(inspector).toBeVisible();
  await expect(page.getByTestId('edge-facts')).toContainText('50 × 50');
  await expect(page.getByTestId('edge-facts')).toContainText('2,500');
  await inspector.locator('[data-field="weight"] select').selectOption('uniform');
  // the weight options sit beside the weight in the edge's params (format 2); connectivity: a picker
  const connectivity = inspector.locator('[data-field="connectivity"]');
  await expect(connectivity.locator('select option')).toHaveText(['none', 'independent', 'fixed-indegree', 'fixed-outdegree', 'fixed-total']);
  await connectivity.locator('select').selectOption('independent');
  await connectivity.locator('input').fill('0.2');
  await connectivity.locator('input').press('Enter');
  await inspector.locator('[data-field="spectralRadius"] input').fill('0.9');
  await inspector.locator('[data-field="spectralRadius"] input').press('Enter');
  await expect
    .poll(async () => (await app.getDocument()).edges[0].params)
    .toMatchObject({ weight: { type: 'uniform', low: -1, high: 1 }, connectivity: 0.2, spectralRadius: 0.9 });
  expect((await app.getDocument()).edges[0].params.weight).toEqual({ type: 'uniform', low: -1, high: 1 });
  await expect(page.getByTestId('edge-radius')).toHaveText('0.9000');
  await expect(page.getByTestId('edge-facts')).toContainText('expected 500');
  await inspector.screenshot({ path: 'test-results/edge-inspector-weight-options.png' });
  await connectivity.locator('input').fill('2');
  await connectivity.locator('input').press('Enter');
  await expect(connectivity.locator('[role="alert"]')).toContainText('connectivity must be in (0, 1]');
  // a connection rule: exactly k synapses onto every unit, no autapses
  await connectivity.locator('select').selectOption('fixed-indegree');
  const k = inspector.locator('[data-field="connectivity.k"]');
  await k.locator('input').fill('5');
  await k.locator('input').press('Enter');
  await expect.poll(async () => (await app.getDocument()).edges[0].params.connectivity).toEqual({ rule: 'fixed-indegree', k: 5 });
  await expect(page.getByTestId('edge-facts')).toContainText('expected 250');
  await expect(page.locator('[data-edge-label="rec"]')).toContainText('in-degree 5');
  // more sources than there are: refused, named by the field and the rule; the document keeps k = 5
  await k.locator('input').fill('50');
  await k.locator('input').press('Enter');
  await expect(k.locator('[role="alert"]')).toHaveText('k = 50 exceeds the 49 possible sources per target (no autapses)');
  await k.locator('input').fill('2.5');
  await k.locator('input').press('Enter');
  await expect(k.locator('[role="alert"]')).toContainText('k must be an integer ≥ 1');
  expect((await app.getDocument()).edges[0].params.connectivity).toEqual({ rule: 'fixed-indegree', k: 5 });
  await inspector.screenshot({ path: 'test-results/edge-connection-rule-refused.png' });
  // with autapses the unit's own output is a 50th source
  await inspector.locator('[data-field="connectivity.autapses"] input').check();
  await k.locator('input').fill('50');
  await k.locator('input').press('Enter');
  await expect.poll(async () => (await app.getDocument()).edges[0].params.connectivity).toEqual({ rule: 'fixed-indegree', k: 50, autapses: true });
  // fixed-total asks for n, keeping autapses
  await connectivity.locator('select').selectOption('fixed-total');
  await expect.poll(async () => (await app.getDocument()).edges[0].params.connectivity).toEqual({ rule: 'fixed-total', n: 1, autapses: true });
  const n = inspector.locator('[data-field="connectivity.n"]');
  await n.locator('input').fill('2501');
  await n.locator('input').press('Enter');
  await expect(n.locator('[role="alert"]')).toHaveText('n = 2501 exceeds the 2500 possible synapses');
  await n.locator('input').fill('300');
  await n.locator('input').press('Enter');
  await expect.poll(async () => (await app.getDocument()).edges[0].params.connectivity).toEqual({ rule: 'fixed-total', n: 300, autapses: true });
  await expect(page.getByTestId('edge-facts')).toContainText('expected 300');
  await inspector.screenshot({ path: 'test-results/edge-connection-rule-inspector.png' });
  await page.screenshot({ path: 'test-results/edge-connection-rule.png' });
});

test('copy, paste (also into another tab), cut, duplicate and delete; undo', async ({ app, page, context }) => {
  await nodeEl(page, 'x').click();
  await page.keyboard.press(`${MOD}+c`);
  await page.keyboard.press(`${MOD}+v`);
  await expect(nodeEl(page, 'x1')).toBeVisible();
  await page.keyboard.press(`${MOD}+d`); // the pasted node is selected: duplicate it
  await expect(nodeEl(page, 'x2')).toBeAttached();
  expect((await app.getDocument()).nodes.map((n) => n.id)).toEqual(['u', 'x', 'x1', 'x2']);
  await page.keyboard.press('Delete'); // the duplicate is selected
  await expect(nodeEl(page, 'x2')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(nodeEl(page, 'x2')).toBeAttached();
  await page.keyboard.press(`${MOD}+a`);
  await page.keyboard.press(`${MOD}+x`);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.locator('[data-edge-label="in"]').click();
  await page.keyboard.press('Backspace');
  await expect(edgeEl(page, 'in')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+z`);
  await expect(edgeEl(page, 'in')).toHaveCount(1);

  // Paste into another tab through the system clipboard (it holds the four cut nodes).
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.locator('.react-flow__node').first()).toBeVisible();
  await other.locator('.react-flow__pane').click({ position: { x: 300, y: 200 } });
  const count = () => other.evaluate(() => window.__recurrence!.getDocument().nodes.length);
  const before = await count(); // the first tab's autosave may already be open here
  await other.keyboard.press(`${MOD}+v`);
  await expect.poll(count).toBe(before + 4);
  expect((await other.evaluate(() => window.__recurrence!.getDocument())).nodes.at(-1)!.kind).toBe('rate');
  await other.close();
});

test('select several (shift-click, box, select all), move them together, group, collapse, copy as one, ungroup', async ({ app }) => {
  const { page } = app;
  await nodeEl(page, 'u').click();
  await nodeEl(page, 'x').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('multi-inspector')).toContainText('2 nodes');
  const before = (await app.getDocument()).nodes.map((n) => n.position);
  await dragNode(page, 'x', 0, 80);
  const moved = (await app.getDocument()).nodes.map((n) => n.position);
  expect(moved[0].y).toBeGreaterThan(before[0].y + 40);
  expect(moved[1].y).toBeGreaterThan(before[1].y + 40);

  await page.keyboard.press(`${MOD}+g`);
  const frame = page.locator('.react-flow__node-groupFrame');
  await expect(frame).toBeVisible();
  await expect(frame).toContainText('Module 1');
  await expect(frame).toContainText('2 nodes');

  // Drag the module by its title bar: both members move.
  const header = (await frame.locator('.group-frame__header').boundingBox())!;
  await drag(page, { x: header.x + header.width - 20, y: header.y + 15 }, { x: header.x + header.width + 80, y: header.y + 15 });
  const shifted = (await app.getDocument()).nodes.map((n) => n.position);
  expect(shifted[0].x).toBeGreaterThan(moved[0].x + 40);
  expect(shifted[1].x - shifted[0].x).toBe(moved[1].x - moved[0].x);

  await page.getByRole('button', { name: 'Collapse group Module 1' }).click();
  const module = page.locator('.react-flow__node-groupCollapsed');
  await expect(module).toBeVisible();
  await expect(nodeEl(page, 'x')).toHaveCount(0);
  await module.click();
  await page.keyboard.press(`${MOD}+c`);
  await page.keyboard.press(`${MOD}+v`);
  await expect(page.locator('.react-flow__node-groupCollapsed')).toHaveCount(2);
  const doc = await app.getDocument();
  expect(doc.nodes).toHaveLength(4);
  expect(doc.groups).toHaveLength(2);
  await page.keyboard.press(`${MOD}+z`);
  await page.getByRole('button', { name: 'Expand group Module 1' }).click();
  await expect(nodeEl(page, 'x')).toBeVisible();
  await frame.locator('.group-frame__label').click();
  await expect(page.getByTestId('group-inspector')).toBeVisible();
  await page.keyboard.press(`${MOD}+Shift+g`);
  await expect(frame).toHaveCount(0);
  expect((await app.getDocument()).groups ?? []).toEqual([]);

  await clickPane(page);
  await page.keyboard.press(`${MOD}+a`);
  await expect(page.getByTestId('multi-inspector')).toContainText('2 nodes, 2 edges');
  await clickPane(page);
  // Box selection: Shift+drag on the empty canvas around both nodes.
  const u = (await nodeEl(page, 'u').boundingBox())!;
  const x = (await nodeEl(page, 'x').boundingBox())!;
  await page.keyboard.down('Shift');
  await drag(page, { x: u.x - 30, y: Math.min(u.y, x.y) - 30 }, { x: x.x + x.width + 30, y: Math.max(u.y + u.height, x.y + x.height) + 30 });
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('multi-inspector')).toContainText('2 nodes');
});

test('auto-layout arranges the network in one undo step', async ({ app }) => {
  const { page } = app;
  await app.loadDocument({
    format: 'recurrence-graph', version: 1, title: 'Tangle',
    nodes: [
      { id: 'c', kind: 'rate', position: { x: 0, y: 0 } },
      { id: 'a', kind: 'input', position: { x: 400, y: 300 }, params: { signal: { type: 'constant', value: 1 } } },
      { id: 'b', kind: 'rate', position: { x: 0, y: 300 } },
    ],
    edges: [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'bc', source: 'b', target: 'c' },
      { id: 'cb', source: 'c', target: 'b', params: { delay: 1 } },
    ],
  });
  const before = await app.getDocument();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => (await app.getDocument()).nodes.map((n) => n.position)).not.toEqual(before.nodes.map((n) => n.position));
  const pos = Object.fromEntries((await app.getDocument()).nodes.map((n) => [n.id, n.position.x]));
  expect(pos.a).toBeLessThan(pos.b);
  expect(pos.b).toBeLessThan(pos.c);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await app.getDocument()).nodes).toEqual(before.nodes);
});

test('schedule view: hovering an entry highlights its node and the edges it reads', async ({ app }) => {
  const { page } = app;
  await page.getByRole('tab', { name: 'Schedule' }).click();
  const entries = page.getByTestId('schedule-entry');
  await expect(entries.first()).toBeVisible();
  await entries.filter({ hasText: 'deliver' }).filter({ hasText: 'self' }).hover();
  await expect(edgeEl(page, 'self')).toHaveClass(/is-highlighted/);
  await expect(nodeEl(page, 'x')).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId('schedule')).toContainText('z⁻¹');
  await entries.filter({ hasText: 'update' }).last().hover();
  await expect(edgeEl(page, 'in')).toHaveClass(/is-highlighted/);
  await expect(edgeEl(page, 'self')).toHaveClass(/is-highlighted/);
});

test('a loop with no delay is highlighted with its message and fixed in one click', async ({ app }) => {
  const { page } = app;
  await setEdgeDelay(page, 'self', 0);
  const banner = page.getByTestId('loop-banner');
  await expect(banner).toContainText('This loop has no delay: x → x');
  await expect(edgeEl(page, 'self')).toHaveClass(/is-in-loop/);
  await expect(nodeEl(page, 'x')).toHaveClass(/is-in-loop/);
  await page.screenshot({ path: 'test-results/editor-loop.png' });
  await banner.getByRole('button', { name: 'Delay edge self by 1' }).click();
  await expect(banner).toHaveCount(0);
  expect((await app.getDocument()).edges[1].params.delay).toBe(1);
});

test('the ? dialog lists the shortcuts from the command table', async ({ app }) => {
  const { page } = app;
  await clickPane(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  await expect(help.locator('[data-command="history.undo"]')).toContainText('Ctrl+Z');
  await expect(help.locator('[data-command="history.redo"]')).toContainText('Ctrl+Y');
  await expect(help.locator('[data-command="selection.move"]')).toContainText('one undo step per gesture');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('screenshots of the editor in light and dark theme', async ({ app }) => {
  const { page } = app;
  await app.loadDocument({
    format: 'recurrence-graph', version: 1, title: 'Echo-state sketch', seed: 2,
    nodes: [
      { id: 'u', kind: 'input', position: { x: 0, y: 80 }, params: { signal: { type: 'sine', period: 40 } } },
      { id: 'res', kind: 'rate', label: 'reservoir', position: { x: 260, y: 40 }, params: { size: 100, leak: 0.3 } },
      { id: 'spk', kind: 'lif', position: { x: 260, y: 260 }, params: { size: 20 } },
      { id: 'out', kind: 'rate', position: { x: 560, y: 80 }, params: { activation: 'linear' } },
    ],
    edges: [
      { id: 'win', source: 'u', target: 'res', params: { weight: { type: 'uniform' } } },
      { id: 'rec', source: 'res', target: 'res', params: { weight: { type: 'normal', mean: 0, std: 1 }, delay: 1, connectivity: 0.1, spectralRadius: 0.9 } },
      { id: 'wout', source: 'res', target: 'out', params: { weight: { type: 'uniform', low: -0.1, high: 0.1 } } },
      { id: 'drive', source: 'res', target: 'spk', params: { weight: { type: 'uniform' }, delay: 2 } },
    ],
  });
  await nodeEl(page, 'res').click();
  await page.screenshot({ path: 'test-results/editor-light.png' });
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.locator('[data-edge-label="rec"]').click();
  await page.screenshot({ path: 'test-results/editor-dark.png' });
  await page.getByRole('tab', { name: 'Schedule' }).click();
  await page.getByTestId('schedule-entry').filter({ hasText: 'deliver' }).first().hover();
  await page.screenshot({ path: 'test-results/editor-schedule-dark.png' });
});
