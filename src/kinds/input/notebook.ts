/** How an `input` node reads in a notebook: its signal as a formula, or the engine's draws embedded. */
import type { Signal } from '../../model/index.ts';
import { isTaskSignal } from '../../model/index.ts';
import { pyArray, pyList, pyNumber } from '../../common/python.ts';
import type { NotebookKind } from '../shared/notebook.ts';
import type { InputParams } from './schema.ts';

function signalValue(signal: Signal): string {
  switch (signal.type) {
    case 'constant':
      return typeof signal.value === 'number' ? pyNumber(signal.value) : pyList(signal.value);
    case 'sine':
      return `${pyNumber(signal.offset)} + ${pyNumber(signal.amplitude)} * np.sin((2 * np.pi * (t % ${pyNumber(signal.period)})) / ${pyNumber(signal.period)} + ${pyNumber(signal.phase)})`;
    case 'step':
      return `${pyNumber(signal.before)} if t < ${pyNumber(signal.at)} else ${pyNumber(signal.after)}`;
    case 'pulse':
      return `${pyNumber(signal.value)} if ${pyNumber(signal.at)} <= t < ${pyNumber(signal.at)} + ${pyNumber(signal.width)} else 0.0`;
    default:
      return '0.0';
  }
}

export const inputNotebook: NotebookKind<InputParams> = {
  doc: `**input** — an external signal, one value per channel: $y[t] = \\mathrm{signal}(t)$ (t the 0-based step).
Constant, sine ($y = \\mathrm{offset} + A\\sin(2\\pi t/P + \\varphi)$), step, pulse and sequence signals are written as formulas;
noise (uniform, Gaussian, Poisson counts) and task series (Mackey–Glass: Mackey & Glass 1977; NARMA: Atiya & Parlos 2000;
memory capacity: Jaeger 2001) are the engine's own draws, embedded for the exported steps.`,
  draws: (p) => (p.signal.type === 'uniform' || p.signal.type === 'gaussian' || p.signal.type === 'poisson' || isTaskSignal(p.signal) ? 'output' : null),
  setup(node, p) {
    const s = p.signal;
    if (s.type !== 'sequence') return '';
    const rows = s.values.length;
    const flat = s.values.flatMap((r) => (typeof r === 'number' ? Array<number>(node.size).fill(r) : r));
    return `param[${JSON.stringify(node.id)}] = {"values": ${pyArray(flat, [rows, node.size])}}`;
  },
  update(node, p, ctx) {
    const s = p.signal;
    if (ctx.hasDraws) {
      const lines = [`state[${ctx.id}]["output"][:] = draws[${ctx.id}]["output"][t]`];
      for (const name of ['target', 'mask']) if (name in node.vars) lines.push(`state[${ctx.id}]["${name}"][:] = draws[${ctx.id}]["${name}"][t]`);
      return lines.join('\n');
    }
    if (s.type === 'sequence') {
      const rows = s.values.length;
      const k = s.repeat ? `t % ${rows}` : 't';
      return `k = ${k}\nstate[${ctx.id}]["output"][:] = param[${ctx.id}]["values"][k] if k < ${rows} else 0.0`;
    }
    return `state[${ctx.id}]["output"][:] = ${signalValue(s)}`;
  },
};

