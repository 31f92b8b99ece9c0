/**
 * A large network zoomed far out draws its edges as a few plain paths (FarEdges); clicking one
 * still selects that edge (matched by geometry), and a click on empty canvas selects nothing.
 */
import { test, expect } from './fixtures.ts';
import { nodeEl } from './editor-helpers.ts';

const COLS = 20;
const ROWS = 20;

/** A 20 × 20 grid of one-unit rate nodes 400 px apart, each row a chain of delay-0 edges (780 elements). */
function gridDocument() {
  const id = (r: number, c: number) => `n${r}_${c}`;
  const nodes = [];
  const edges = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      nodes.push({ id: id(r, c), kind: 'rate', position: { x: c * 400, y: r * 300 }, params: { size: 1, activation: 'tanh', leak: 1 } });
      if (c > 0) edges.push({ id: `e${r}_${c}`, source: id(r, c - 1), target: id(r, c), params: { delay: 0, weight: { type: 'constant', value: 0.5 } } });
    }
  }
  return { format: 'recurrence-graph', version: 1, title: 'far-zoom grid', seed: 1, nodes, edges };
}

test('zoomed far out, clicking an edge of a large network selects it', async ({ app }) => {
  const { page } = app;
  expect(await app.loadDocument(gridDocument())).toEqual({ ok: true });
  await expect(page.getByTestId('far-edges')).toBeAttached(); // fitted into view: far zoom, edges as paths
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // the edge n7_9 → n7_10 runs from the source's right middle to the target's left middle
  const s = (await nodeEl(page, 'n7_9').boundingBox())!;
  const t = (await nodeEl(page, 'n7_10').boundingBox())!;
  const mid = { x: (s.x + s.width + t.x) / 2, y: (s.y + s.height / 2 + t.y + t.height / 2) / 2 };
  await page.mouse.click(mid.x, mid.y + 2);
  await expect(page.getByTestId('edge-inspector')).toHaveAttribute('data-edge-id', 'e7_10');

  // between two rows, far from every edge: nothing is selected
  await page.mouse.click(mid.x, (s.y + s.height + (await nodeEl(page, 'n8_9').boundingBox())!.y) / 2);
  await expect(page.getByTestId('edge-inspector')).toHaveCount(0);
});
