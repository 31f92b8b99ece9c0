/**
 * Edge weights in the panels (`EDGE.w`, issue 14): the Traces and heatmap panels offer an edge's
 * weights beside the nodes; what they draw is the probe's record, and it moves under plasticity.
 */
import { test, expect } from './fixtures.ts';
import { openWith } from './panel-helpers.ts';

/** The CSV of the panel at `index` (exactly what it draws), as rows of numbers under the header. */
async function panelCsv(page: import('@playwright/test').Page, index: number) {
  const text = (await page.evaluate((i) => window.__recurrence!.panels.csv(window.__recurrence!.panels.list()[i].id), index))!;
  const [header, ...lines] = text.trim().split('\n');
  return { header: header.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}

test('Traces and heatmap of an edge’s weights: picked like a node, the probe’s values, changing under STDP', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'poisson-lif-stdp', [{ type: 'traces', nodes: ['n'] }]);
  // the node picker offers the edge's weights (100 synapses, within the probe's 10,000 entries)
  const picker = page.getByTestId('panel-traces').getByTestId('panel-node');
  await expect(picker.locator('option[value="syn.w"]')).toHaveText('syn.w (weights, 100)');
  await picker.selectOption('syn.w');
  expect((await app.getDocument()).panels).toMatchObject([{ type: 'traces', nodes: ['syn.w'] }]);
  await expect(page.getByTestId('panel-traces').locator('svg.chart__svg')).toHaveAttribute('aria-label', 'Weights of syn (syn.w)');
  await page.getByTestId('add-panel').click();
  await page.getByTestId('add-panel-heatmap').click();
  await page.getByTestId('panel-heatmap').getByTestId('panel-node').selectOption('syn.w');

  await page.evaluate(() => window.__recurrence!.sim.step(3000));
  await expect(page.getByTestId('panel-traces').locator('.chart')).toHaveAttribute('data-empty', 'false');
  await expect(page.getByTestId('panel-heatmap').locator('.chart')).toHaveAttribute('data-empty', 'false');

  // what the Traces panel draws is the recorded EDGE.w probe: its mean and first synapses per step
  const { header, rows } = await panelCsv(page, 0);
  expect(header).toEqual(['step', 'syn.w mean.mean', 'syn.w mean.sd', 'syn.w[0]', 'syn.w[1]', 'syn.w[2]']);
  const trace = (await app.getTrace('syn.w'))!;
  expect(trace[0]).toHaveLength(100);
  const first = await page.evaluate(() => window.__recurrence!.sim.firstStep('syn.w')!);
  const last = rows[rows.length - 1];
  const recorded = trace[last[0] - first];
  expect(last.slice(3)).toEqual(recorded.slice(0, 3));
  expect(last[1]).toBeCloseTo(recorded.reduce((s, w) => s + w, 0) / 100, 12);
  // STDP moves the weights, within [w_min, w_max] = [0, 0.5]
  const moved = trace[0].filter((w, k) => Math.abs(trace[trace.length - 1][k] - w) > 1e-6).length;
  expect(moved).toBeGreaterThan(50);
  for (const w of trace[trace.length - 1]) {
    expect(w).toBeGreaterThanOrEqual(0);
    expect(w).toBeLessThanOrEqual(0.5);
  }
  const means = rows.map((r) => r[1]);
  expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1e-3);
  await page.screenshot({ path: 'test-results/weight-probes.png' });
});

test('the pickers offer only edges within the weight probe’s 10,000 entries (sorn: EE has 40,000)', async ({ app }) => {
  const { page } = app;
  await openWith(app, 'sorn', [{ type: 'traces', nodes: ['E'] }]);
  const values = await page.getByTestId('panel-traces').getByTestId('panel-node').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual(expect.arrayContaining(['u', 'E', 'I', 'input.w', 'EI.w', 'IE.w']));
  expect(values).not.toContain('EE.w');
});
