/** How a `threshold` node (and its threshold intrinsic plasticity) reads in a notebook. */
import { pyNumber } from '../../common/python.ts';
import type { NotebookKind } from '../shared/notebook.ts';
import type { ThresholdParams } from './schema.ts';

export const thresholdNotebook: NotebookKind<ThresholdParams> = {
  doc: `**threshold** — binary threshold units (McCulloch & Pitts 1943; the units of SORN, Lazar et al. 2009, eqs. 1–2):
$$x_i[t] = \\begin{cases}1 & \\sum_{\\text{edges}} W\\,y_{\\text{src}} \\ge T_i\\\\ 0 & \\text{otherwise}\\end{cases}$$
with a threshold $T_i$ per unit (learnt by threshold intrinsic plasticity where the node has it).`,
  update(_node, _p, ctx) {
    const s = `state[${ctx.id}]`;
    return [`${s}["net"][:] = inp[${ctx.id}]`, `${s}["output"][:] = np.where(inp[${ctx.id}] >= ${s}["threshold"], 1.0, 0.0)`].join('\n');
  },
  learn(_node, p, ctx) {
    if (!p.plasticity) return 'pass';
    const s = `state[${ctx.id}]`;
    return `${s}["threshold"] += ${pyNumber(p.plasticity.eta)} * (${s}["output"] - ${pyNumber(p.plasticity.h_ip)})`;
  },
};
