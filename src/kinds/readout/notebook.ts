/** How a `readout` node reads in a notebook: W_out·[φ; 1], the target copied, LMS/RLS online. */
import { pyNumber } from '../../common/python.ts';
import type { NotebookKind } from '../shared/notebook.ts';
import { parseSignalRef, type ReadoutParams } from './schema.ts';

export const readoutNotebook: NotebookKind<ReadoutParams> = {
  doc: `**readout** — a linear readout (Jaeger 2001): $y[t] = W_{out}\\,[\\varphi[t]; 1]$, φ the outputs of the nodes wired in,
side by side. $W_{out}$ is the readout's weights as the engine holds them (trained in the app, or zero before training);
LMS (Widrow & Hoff 1960) and RLS (Haykin 2002, §13) readouts learn online during their training window; a BPTT readout
with the cross-entropy loss is a logistic unit $y[t] = \\sigma(W_{out}\\,[\\varphi[t]; 1])$.`,
  setup(_node, _p, ctx) {
    return `phi[${ctx.id}][-1] = 1.0`;
  },
  update(_node, p, ctx) {
    // BPTT with the cross-entropy loss: a logistic output unit y = σ(W_out·φ)
    const z = `W_out[${ctx.id}] @ phi[${ctx.id}]`;
    const logistic = p.training.method === 'bptt' && p.training.loss === 'bce';
    return `state[${ctx.id}]["output"][:] = ${logistic ? `1.0 / (1.0 + np.exp(-(${z})))` : z}`;
  },
  learn(node, p, ctx) {
    return readoutLearnCode(p, ctx.id, node.size);
  },
};

/** The learn operation of a readout: copy the target; LMS/RLS learn during the training window. */
function readoutLearnCode(p: ReadoutParams, node: string, size: number): string {
  const s = `state[${node}]`;
  const ref = p.target === undefined ? null : parseSignalRef(p.target);
  if (!ref) return 'pass  # no target';
  const lines = [`${s}["target"][:] = state[${JSON.stringify(ref.node)}][${JSON.stringify(ref.variable)}][:${size}]`];
  // ridge and BPTT readouts are trained offline (W_out and the network's weights come as the engine holds them)
  if (p.training.method === 'ridge' || p.training.method === 'bptt') return lines.join('\n');
  lines.push(`if ${p.washout} <= t < ${p.washout + p.train}:`);
  const d = `${s}["target"]`;
  const y = `${s}["output"]`;
  if (p.training.method === 'lms') {
    lines.push(`    W_out[${node}] += (${pyNumber(p.training.eta)} * (${d} - ${y}))[:, None] * phi[${node}][None, :]`);
  } else {
    const lam = pyNumber(p.training.forgetting);
    lines.push(
      `    P, f = P_rls[${node}], phi[${node}]`,
      `    Pf = P @ f`,
      `    denom = ${lam} + seqdot(f, Pf)`,
      `    W_out[${node}] += ((${d} - ${y}) / denom)[:, None] * Pf[None, :]`,
      `    P[:] = (P - (Pf / denom)[:, None] * Pf[None, :]) * ${pyNumber(1 / p.training.forgetting)}`,
    );
  }
  return lines.join('\n');
}
