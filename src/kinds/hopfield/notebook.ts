/** How a `hopfield` node reads in a notebook: its updates in the engine's order, and its energy. */
import type { NotebookKind } from '../shared/notebook.ts';
import type { HopfieldParams } from './schema.ts';

export const hopfieldNotebook: NotebookKind<HopfieldParams> = {
  doc: `**hopfield** — ±1 units (Hopfield 1982, *PNAS* 79:2554) with local field $h_i = \\sum_j W_{ij} x_j + \\mathrm{in}_i$ and
$x_i \\leftarrow \\mathrm{sgn}(h_i)$, unchanged when $h_i = 0$. *Asynchronous*: every step updates each unit once, in a random order
(the engine's seeded order, embedded), each with the latest states; *synchronous*: all units from the previous step.
Energy $E = -\\tfrac12 x^\\top W x - \\sum_i \\mathrm{in}_i x_i$ after the step, with the step's input. Sums run in the engine's order (\`seqdot\`), so a field that is exactly 0 stays 0.`,
  draws: (p) => (p.update === 'async' ? 'order' : null),
  update(node, p, ctx) {
    const s = `state[${ctx.id}]`;
    const fields = ctx.ownedEdges.map((e) => ` + seqdot(W[${e}][i], x)`).join('');
    const rows = ctx.ownedEdges.map((e) => `x * np.array([seqdot(W[${e}][i], x) for i in range(${node.size})])`);
    const lines =
      p.update === 'sync'
        ? [`x = ${s}["output"].copy()`, `for i in range(${node.size}):`]
        : [`x = ${s}["output"]`, `${s}["order"][:] = draws[${ctx.id}]["order"][t]`, `for i in draws[${ctx.id}]["order"][t].astype(int):`];
    return [
      ...lines,
      `    h = inp[${ctx.id}][i]${fields}`,
      `    if h != 0:`,
      `        ${s}["output"][i] = 1.0 if h > 0 else -1.0`,
      `x = ${s}["output"]`,
      `${s}["energy"][0] = -0.5 * ${rows.length > 0 ? `seqdot(np.concatenate([${rows.join(', ')}]), 1.0)` : '0.0'} - seqdot(inp[${ctx.id}], x)`,
    ].join('\n');
  },
};
