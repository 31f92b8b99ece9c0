/**
 * How each plasticity rule's learn operation reads in numpy (the rules of
 * engine/plasticity/{intrinsic,synaptic}.ts and the readout's online training), with the same
 * arithmetic in the same order. A synaptic rule changes only the synapses its edge has
 * (`mask[EDGE]`) and, as the engine does, only those of units that took part (rows with y ≠ 0,
 * columns with x ≠ 0); bounds clip exactly the weights a rule changed.
 *
 * Names: `x` the presynaptic output as it arrives (after the edge's delay), `y` the postsynaptic
 * output of the step, `W[EDGE]` the weights, `mask[EDGE]` the synapses, `trace[EDGE]` a rule's
 * own state (STDP traces, the BCM threshold), `W_out`, `P` a readout's weights and RLS matrix.
 */
import type { SynapticRule } from '../../model/index.ts';
import { exp } from '../../engine/math/detmath.ts';
import { pyNumber } from '../../common/python.ts';

export interface RuleContext {
  /** Python literal of the node the rule belongs to (the edge's target). */
  readonly node: string;
  /** Python literal of the edge (synaptic rules). */
  readonly edge?: string;
  /** Python expression of the presynaptic output arriving at step t. */
  readonly pre?: string;
  /** Python expression of the source's output of step t, at emission (sorn-stdp). */
  readonly emitted?: string;
  /** Step duration (the document's dt, ms for the spike-timing rule). */
  readonly dt: number;
}

/** Markdown of the rules (one cell for all the rules the network uses). */
export const RULE_DOCS: Readonly<Record<string, string>> = {
  'ip-triesch': `**ip-triesch** — intrinsic plasticity of logistic units towards an exponential output distribution of mean μ (Triesch 2005):
$\\Delta b = \\eta\\,(1 - (2 + 1/\\mu)\\,y + y^2/\\mu)$, $\\Delta g = \\eta/g + x\\,\\Delta b$.`,
  'ip-schrauwen': `**ip-schrauwen** — intrinsic plasticity of tanh units towards a Gaussian $N(\\mu, \\sigma^2)$ (Schrauwen et al. 2008):
$\\Delta b = -\\eta\\,(-\\mu/\\sigma^2 + (y/\\sigma^2)(2\\sigma^2 + 1 - y^2 + \\mu y))$, $\\Delta g = \\eta/g + x\\,\\Delta b$.`,
  'ip-threshold': `**ip-threshold** — threshold intrinsic plasticity (Lazar, Pipa & Triesch 2009): $T_i \\leftarrow T_i + \\eta\\,(y_i - h_{ip})$.`,
  hebbian: `**hebbian** — Hebb's rule (Hebb 1949): $\\Delta w_{ij} = \\eta\\,y_i\\,x_j$ (clipped to $[w_{min}, w_{max}]$ when given).`,
  'anti-hebbian': `**anti-hebbian** — $\\Delta w_{ij} = -\\eta\\,y_i\\,x_j$.`,
  oja: `**oja** — Oja's rule (Oja 1982): $\\Delta w_{ij} = \\eta\\,y_i\\,(x_j - y_i\\,w_{ij})$; w converges to the first principal component.`,
  bcm: `**bcm** — BCM (Bienenstock, Cooper & Munro 1982; sliding threshold after Intrator & Cooper 1992):
$\\Delta w_{ij} = \\eta\\,x_j\\,y_i\\,(y_i - \\theta_i)$, then $\\theta_i \\leftarrow \\theta_i + (dt/\\tau_\\theta)(y_i^2 - \\theta_i)$.`,
  stdp: `**stdp** — pair-based spike-timing-dependent plasticity with traces (Song, Miller & Abbott 2000; Morrison et al. 2008).
Per step: traces decay ($p_j \\leftarrow p_j e^{-dt/\\tau_+}$, $q_i \\leftarrow q_i e^{-dt/\\tau_-}$), $p_j \\mathrel{+}= x_j$,
depression at presynaptic spikes $w_{ij} \\mathrel{-}= \\eta a_- q_i x_j$, potentiation at postsynaptic spikes $w_{ij} \\mathrel{+}= \\eta a_+ p_j y_i$,
then $q_i \\mathrel{+}= y_i$; weights clipped to $[w_{min}, w_{max}]$.`,
  'sorn-stdp': `**sorn-stdp** — SORN's discrete STDP (Lazar, Pipa & Triesch 2009): $\\Delta w_{ij} = \\eta\\,(y_i(t)\\,x_j(t-1) - y_i(t-1)\\,x_j(t))$,
x the source's output at emission, y the target's; changed weights clipped to $[w_{min}, w_{max}]$; the first step only records the outputs.`,
  normalise: `**normalise** — synaptic normalisation (Lazar et al. 2009): each target unit's incoming weights rescaled to sum to the target.`,
  'readout-lms': `**readout-lms** — least mean squares (Widrow & Hoff 1960): $W_{out} \\leftarrow W_{out} + \\eta\\,(d - y)\\,\\varphi^\\top$ during the training window.`,
  'readout-rls': `**readout-rls** — recursive least squares (Haykin 2002, §13): $k = P\\varphi/(\\lambda + \\varphi^\\top P \\varphi)$,
$W_{out} \\leftarrow W_{out} + (d - y)\\,k^\\top$, $P \\leftarrow (P - k\\,\\varphi^\\top P)/\\lambda$ during the training window.`,
  'readout-ridge': `**readout-ridge** — the target of a ridge-regression readout is copied each step; $W_{out}$ is fitted offline (\`recurrence train\`).`,
};

/** Python setup of a synaptic rule's own state (run once before the loop). */
export function synapticSetup(rule: SynapticRule, c: RuleContext & { rows: number; cols: number; slot: string }): string {
  if (rule.rule === 'bcm') return `trace[${c.slot}] = {"theta": np.full(${c.rows}, ${pyNumber(rule.theta_init)})}`;
  if (rule.rule === 'stdp') return `trace[${c.slot}] = {"pre": np.zeros(${c.cols}), "post": np.zeros(${c.rows})}`;
  if (rule.rule === 'sorn-stdp') return `trace[${c.slot}] = {"pre": None, "post": None}`;
  return '';
}

const bounds = (lo: number | undefined, hi: number | undefined) => `${pyNumber(lo ?? -Infinity)}, ${pyNumber(hi ?? Infinity)}`;

export function synapticCode(rule: SynapticRule, c: RuleContext & { slot: string }): string {
  const W = `W[${c.edge}]`;
  const M = `mask[${c.edge}]`;
  const head = [`x = ${c.pre}`, `y = state[${c.node}]["output"]`];
  switch (rule.rule) {
    case 'hebbian':
    case 'anti-hebbian': {
      const eta = (rule.rule === 'hebbian' ? 1 : -1) * rule.eta;
      return [
        ...head,
        `g = ${pyNumber(eta)} * y`,
        `sel = ${M} & (g != 0)[:, None]`,
        `${W}[:] = np.where(sel, np.clip(${W} + g[:, None] * x[None, :], ${bounds(rule.w_min, rule.w_max)}), ${W})`,
      ].join('\n');
    }
    case 'oja':
      return [
        ...head,
        `sel = ${M} & (y != 0)[:, None]`,
        `${W}[:] = np.where(sel, ${W} + ${pyNumber(rule.eta)} * y[:, None] * (x[None, :] - y[:, None] * ${W}), ${W})`,
      ].join('\n');
    case 'bcm':
      return [
        ...head,
        `theta = trace[${c.slot}]["theta"]`,
        `g = ${pyNumber(rule.eta)} * y * (y - theta)`,
        `sel = ${M} & (g != 0)[:, None]`,
        `${W}[:] = np.where(sel, np.clip(${W} + g[:, None] * x[None, :], ${bounds(rule.w_min, rule.w_max)}), ${W})`,
        `theta += ${pyNumber(c.dt / rule.tau_theta)} * (y * y - theta)`,
      ].join('\n');
    case 'stdp': {
      const up = rule.eta * rule.a_plus;
      const down = rule.eta * rule.a_minus;
      return [
        ...head,
        `p, q = trace[${c.slot}]["pre"], trace[${c.slot}]["post"]`,
        `p[:] = p * ${pyNumber(exp(-c.dt / rule.tau_plus))} + x`,
        `q *= ${pyNumber(exp(-c.dt / rule.tau_minus))}`,
        `sel = ${M} & (x != 0)[None, :]`,
        `${W}[:] = np.where(sel, np.clip(${W} - ${pyNumber(down)} * q[:, None] * x[None, :], ${pyNumber(rule.w_min)}, ${pyNumber(rule.w_max)}), ${W})`,
        `sel = ${M} & (y != 0)[:, None]`,
        `${W}[:] = np.where(sel, np.clip(${W} + ${pyNumber(up)} * p[None, :] * y[:, None], ${pyNumber(rule.w_min)}, ${pyNumber(rule.w_max)}), ${W})`,
        `q += y`,
      ].join('\n');
    }
    case 'sorn-stdp':
      return [
        `x = ${c.emitted}`,
        `y = state[${c.node}]["output"]`,
        `prev = trace[${c.slot}]`,
        `if prev["pre"] is not None:`,
        `    d = ${pyNumber(rule.eta)} * (y[:, None] * prev["pre"][None, :] - prev["post"][:, None] * x[None, :])`,
        `    sel = ${M} & (d != 0)`,
        `    ${W}[:] = np.where(sel, np.clip(${W} + d, ${bounds(rule.w_min, rule.w_max)}), ${W})`,
        `prev["pre"], prev["post"] = x.copy(), y.copy()`,
      ].join('\n');
    case 'normalise':
      return [
        `total = seqsum(np.where(${M}, ${W}, 0.0))`,
        `ok = (total != 0) & np.isfinite(total)`,
        `f = ${pyNumber(rule.target)} / np.where(ok, total, 1.0)`,
        `${W}[:] = np.where(${M} & ok[:, None], ${W} * f[:, None], ${W})`,
      ].join('\n');
  }
}
