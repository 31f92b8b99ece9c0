/** How a `ctrnn` node reads in a notebook: an ODE member of an integrate operation. */
import { activation, integrateCode, perUnit, type NotebookKind, type NotebookOde } from '../shared/notebook.ts';
import type { CtrnnParams } from './schema.ts';

/** Beer's CTRNN as an ODE member: τ dy/dt = −y + in, output f(g(y + θ)). */
const ctrnnOde: NotebookOde<CtrnnParams> = {
  state: (ctx) => `state[${ctx.id}]["y"]`,
  derivative: (_p, ctx, y, i) => `(${i} - ${y}) / param[${ctx.id}]["tau"]`,
  output: (p, ctx, y) => activation(p.activation, `(param[${ctx.id}]["gain"] * (${y} + param[${ctx.id}]["theta"]))`),
};

export const ctrnnNotebook: NotebookKind<CtrnnParams> = {
  doc: `**ctrnn** — continuous-time recurrent neural network (Beer 1995, *Adaptive Behavior* 3:469, eq. 1):
$$\\tau_i\\,\\frac{dy_i}{dt} = -y_i + \\textstyle\\sum_j w_{ij}\\,\\sigma(g_j(y_j + \\theta_j)) + I_i, \\qquad \\sigma(z) = \\frac{1}{1+e^{-z}}$$
τ in ms; the edges deliver $\\sum_j w_{ij}\\,(\\text{source output})$; forward Euler or RK4 over dt. The output is $f(g(y+\\theta))$,
$f = \\sigma$ unless the node names another activation. Inputs from other nodes are held over the step; ODE nodes joined by
delay-0 edges are integrated as one system, every coupling evaluated in every stage (\`f_sys\`).`,
  setup(node, p, ctx) {
    return `param[${ctx.id}] = {"tau": ${perUnit(p.tau, node.size)}, "theta": ${perUnit(p.bias, node.size)}, "gain": ${perUnit(p.gain, node.size)}}`;
  },
  update(_node, p, ctx) {
    return integrateCode([{ ode: ctrnnOde as NotebookOde<never>, params: p as never, ctx }], [], p.integrator, ctx.dt);
  },
  ode: ctrnnOde,
};
