/** How a `wilson-cowan` node reads in a notebook: an ODE member of an integrate operation. */
import { pyNumber } from '../../common/python.ts';
import { integrateCode, type NotebookKind, type NotebookOde } from '../shared/notebook.ts';
import type { WilsonCowanParams } from './schema.ts';

/** F(x; a, θ) of Wilson–Cowan as Python. */
function wcGain(x: string, a: number, th: number): string {
  const n = (v: number) => pyNumber(v);
  return `(1 / (1 + np.exp(-(${n(a)} * (${x} - ${n(th)})))) - 1 / (1 + np.exp(-(-${n(a)} * ${n(th)}))))`;
}

const wilsonCowanOde: NotebookOde<WilsonCowanParams> = {
  state: (ctx) => `state[${ctx.id}]["output"]`,
  derivative(p, _ctx, r, i) {
    const n = (x: number) => pyNumber(x);
    return `np.array([(-${r}[0] + ${wcGain(`${n(p.w_EE)} * ${r}[0] - ${n(p.w_EI)} * ${r}[1] + ${n(p.I_ext_E)} + ${i}[0]`, p.a_E, p.theta_E)}) / ${n(p.tau_E)}, (-${r}[1] + ${wcGain(`${n(p.w_IE)} * ${r}[0] - ${n(p.w_II)} * ${r}[1] + ${n(p.I_ext_I)} + ${i}[1]`, p.a_I, p.theta_I)}) / ${n(p.tau_I)}])`;
  },
  output: (_p, _ctx, r) => r,
};

export const wilsonCowanNotebook: NotebookKind<WilsonCowanParams> = {
  doc: `**wilson-cowan** — excitatory and inhibitory populations (Wilson & Cowan 1972, *Biophys. J.* 12:1; the form of
Neuromatch Academy's W2D4, without the refractory factor):
$$\\tau_E\\,\\frac{dr_E}{dt} = -r_E + F(w_{EE} r_E - w_{EI} r_I + I^{ext}_E + \\mathrm{in}_E;\\ a_E, \\theta_E)$$
$$\\tau_I\\,\\frac{dr_I}{dt} = -r_I + F(w_{IE} r_E - w_{II} r_I + I^{ext}_I + \\mathrm{in}_I;\\ a_I, \\theta_I)$$
with $F(x; a, \\theta) = \\frac{1}{1+e^{-a(x-\\theta)}} - \\frac{1}{1+e^{a\\theta}}$; τ in ms; forward Euler or RK4 over dt. Output $[r_E, r_I]$.
ODE nodes joined by delay-0 edges are integrated as one system (\`f_sys\`).`,
  update(_node, p, ctx) {
    return integrateCode([{ ode: wilsonCowanOde as NotebookOde<never>, params: p as never, ctx }], [], p.integrator, ctx.dt);
  },
  ode: wilsonCowanOde,
};
