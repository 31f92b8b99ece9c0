/** How a `rate` node (and its intrinsic plasticity) reads in a notebook. */
import type { RateIpSpec } from '../../model/index.ts';
import { pyArray, pyNumber } from '../../common/python.ts';
import { activation, perUnit, type NotebookKind } from '../shared/notebook.ts';
import type { RateParams } from './schema.ts';

export const rateNotebook: NotebookKind<RateParams> = {
  doc: `**rate** — leaky rate units (leaky-integrator echo state network; Jaeger 2001; Jaeger et al. 2007):
$$\\mathrm{net}[t] = \\textstyle\\sum_{\\text{edges}} W\\,y_{\\text{src}} + b, \\qquad x[t] = (1-a)\\,x[t-1] + a\\,f(\\mathrm{net}[t])$$
with leak rate $a \\in (0, 1]$ and activation $f$ (linear, tanh, logistic sigmoid, ReLU or step). With intrinsic plasticity
each unit has a gain $g$ and a bias $b$ learnt online: $\\mathrm{net} = g\\cdot\\sum W y + b$.`,
  setup(node, p, ctx) {
    // the bias the runtime holds: the document's, or BPTT's trained one
    const bias = node.adjoint?.params.find((q) => q.name === 'bias')?.values;
    return `param[${ctx.id}] = {"bias": ${bias ? pyArray(bias, [node.size]) : perUnit(p.bias, node.size)}}\nact[${ctx.id}] = np.zeros(${node.size})`;
  },
  update(_node, p, ctx) {
    const a = pyNumber(p.leak);
    const s = `state[${ctx.id}]`;
    const h = p.plasticity ? `${s}["gain"] * inp[${ctx.id}] + ${s}["bias"]` : `inp[${ctx.id}] + param[${ctx.id}]["bias"]`;
    return [
      `${s}["net"][:] = ${h}`,
      `act[${ctx.id}][:] = ${activation(p.activation, `${s}["net"]`)}`,
      `${s}["output"][:] = (1 - ${a}) * ${s}["output"] + ${a} * act[${ctx.id}]`,
    ].join('\n');
  },
  learn(_node, p, ctx) {
    return p.plasticity ? rateIpCode(p.plasticity, ctx.id) : 'pass';
  },
};

/** Node intrinsic plasticity (rate units: x is the net input before gain and bias, y = f(g·x + b)). */
function rateIpCode(spec: RateIpSpec, node: string): string {
  const s = `state[${node}]`;
  const head = [`x, y = inp[${node}], act[${node}]`];
  const eta = pyNumber(spec.eta);
  const mu = pyNumber(spec.mu);
  const db =
    spec.rule === 'ip-triesch'
      ? `${eta} * (1 - ${pyNumber(2 + 1 / spec.mu)} * y + (y * y) / ${mu})`
      : `-${eta} * (-${mu} / ${pyNumber(spec.sigma * spec.sigma)} + (y / ${pyNumber(spec.sigma * spec.sigma)}) * (2 * ${pyNumber(spec.sigma * spec.sigma)} + 1 - y * y + ${mu} * y))`;
  return [...head, `db = ${db}`, `${s}["gain"] += ${eta} / ${s}["gain"] + x * db`, `${s}["bias"] += db`].join('\n');
}
