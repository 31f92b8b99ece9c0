/**
 * How each node kind's update operation reads in numpy: the body of the schedule's `update`
 * step for one node, written from the compiled runtime (its sizes and state) and the kind's
 * params, with the same arithmetic in the same order as the engine's builder, and the markdown
 * cell that states the kind's equation with its source.
 *
 * Names in the generated code: `state[ID][VAR]` the node's state variables (numpy arrays, updated
 * in place), `inp[ID]` its summed input of the step, `param[ID]` its per-unit parameters,
 * `draws[ID]` random draws taken from the engine (one row per step).
 */
import type { Signal } from '../../model/index.ts';
import type { CtrnnParams } from '../../kinds/ctrnn/schema.ts';
import type { HopfieldParams } from '../../kinds/hopfield/schema.ts';
import type { InputParams } from '../../kinds/input/schema.ts';
import type { RateParams } from '../../kinds/rate/schema.ts';
import type { ReadoutParams } from '../../kinds/readout/schema.ts';
import type { ThresholdParams } from '../../kinds/threshold/schema.ts';
import type { WilsonCowanParams } from '../../kinds/wilson-cowan/schema.ts';
import { isTaskSignal } from '../../model/index.ts';
import type { NodeRuntime } from '../../engine/index.ts';
import { pyArray, pyList, pyNumber } from '../python.ts';

/** What an emitter gets besides the runtime and params. */
export interface KindContext {
  /** Step duration (the document's dt). */
  readonly dt: number;
  /** Python literal of the node id. */
  readonly id: string;
  /** Python literals of the ids of the edges the node reads itself (Hopfield's self-edges). */
  readonly ownedEdges: readonly string[];
  /** Whether the engine's draws for this node are embedded as `draws[ID]` (noise, task series, update orders). */
  readonly hasDraws: boolean;
}

export interface NotebookKind<P> {
  /** Markdown: the update equation and its source. */
  readonly doc: string;
  /** Python statements run once before the loop (per-unit parameters). */
  setup?(node: NodeRuntime, params: P, ctx: KindContext): string;
  /** Body of the node's update operation for 0-based step t. */
  update(node: NodeRuntime, params: P, ctx: KindContext): string;
  /** Whether the engine's random draws of this node (per step) must be embedded, and which variable holds them. */
  draws?(params: P): string | null;
  /** ODE kinds (ctrnn, wilson-cowan): the pieces of an integrate operation that steps a system of them. */
  ode?: NotebookOde<P>;
}

/** An ODE node in numpy (engine/integrate.ts): its state, dy/dt and output as Python expressions. */
export interface NotebookOde<P> {
  /** The integrated state array (updated in place). */
  state(ctx: KindContext): string;
  /** dy/dt at the state expression `y` with total input `i`. */
  derivative(params: P, ctx: KindContext, y: string, i: string): string;
  /** The output at the state expression `y`. */
  output(params: P, ctx: KindContext, y: string): string;
}

/** One member of an integrate operation: its ODE, params and context. */
export interface OdeMemberCode {
  ode: NotebookOde<never>;
  params: never;
  ctx: KindContext;
}

/**
 * The body of an integrate operation: the members' states advance together by dt (Euler or RK4),
 * the couplings `W[edge] @ output(source)` evaluated from the stage's states in every stage, the
 * inputs `inp[ID]` from outside held over the step (engine/integrate.ts, OdeSystem).
 */
export function integrateCode(members: OdeMemberCode[], couplings: { source: number; target: number; edge: string; float32?: boolean }[], method: 'euler' | 'rk4', dt: number): string {
  const h = pyNumber(dt);
  const m = members.length;
  const out = members.map((x, k) => x.ode.output(x.params, x.ctx, `Y[${k}]`));
  const inputs = members.map((x, k) => [`inp[${x.ctx.id}]`, ...couplings.filter((c) => c.target === k).map((c) => (c.float32 ? `(W[${c.edge}] @ O[${c.source}].astype(np.float32)).astype(np.float64)` : `W[${c.edge}] @ O[${c.source}]`))].join(' + '));
  const lines = [
    'def f_sys(Y):',
    ...(couplings.length > 0 ? [`    O = [${out.join(', ')}]`] : []),
    `    I = [${inputs.join(', ')}]`,
    `    return [${members.map((x, k) => x.ode.derivative(x.params, x.ctx, `Y[${k}]`, `I[${k}]`)).join(', ')}]`,
    `Y = [${members.map((x) => x.ode.state(x.ctx)).join(', ')}]`,
    'K1 = f_sys(Y)',
  ];
  const range = `range(${m})`;
  if (method === 'euler') lines.push(`for k in ${range}:`, `    Y[k] += ${h} * K1[k]`);
  else {
    lines.push(
      `K2 = f_sys([Y[k] + 0.5 * ${h} * K1[k] for k in ${range}])`,
      `K3 = f_sys([Y[k] + 0.5 * ${h} * K2[k] for k in ${range}])`,
      `K4 = f_sys([Y[k] + ${h} * K3[k] for k in ${range}])`,
      `for k in ${range}:`,
      `    Y[k] += (${h} / 6) * (K1[k] + 2 * K2[k] + 2 * K3[k] + K4[k])`,
    );
  }
  members.forEach((x, k) => lines.push(`state[${x.ctx.id}]["output"][:] = ${x.ode.output(x.params, x.ctx, `Y[${k}]`)}`));
  return lines.join('\n');
}

/** Python expression of an activation f applied to the array expression `h`. */
function activation(name: RateParams['activation'], h: string): string {
  switch (name) {
    case 'linear':
      return h;
    case 'tanh':
      return `np.tanh(${h})`;
    case 'sigmoid':
      return `1 / (1 + np.exp(-${h}))`;
    case 'relu':
      return `np.where(${h} > 0, ${h}, 0.0)`;
    case 'step':
      return `np.where(${h} > 0, 1.0, 0.0)`;
  }
}

function perUnit(value: number | number[], size: number): string {
  return typeof value === 'number' ? `np.full(${size}, ${pyNumber(value)})` : pyArray(value, [size]);
}

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

const inputKind: NotebookKind<InputParams> = {
  doc: `**input** — an external signal, one value per channel: $y[t] = \\mathrm{signal}(t)$ (t the 0-based step).
Constant, sine ($y = \\mathrm{offset} + A\\sin(2\\pi t/P + \\varphi)$), step, pulse and sequence signals are written as formulas;
noise (uniform, Gaussian) and task series (Mackey–Glass: Mackey & Glass 1977; NARMA: Atiya & Parlos 2000;
memory capacity: Jaeger 2001) are the engine's own draws, embedded for the exported steps.`,
  draws: (p) => (p.signal.type === 'uniform' || p.signal.type === 'gaussian' || isTaskSignal(p.signal) ? 'output' : null),
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
      if (isTaskSignal(s)) lines.push(`state[${ctx.id}]["target"][:] = draws[${ctx.id}]["target"][t]`);
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

const rateKind: NotebookKind<RateParams> = {
  doc: `**rate** — leaky rate units (leaky-integrator echo state network; Jaeger 2001; Jaeger et al. 2007):
$$\\mathrm{net}[t] = \\textstyle\\sum_{\\text{edges}} W\\,y_{\\text{src}} + b, \\qquad x[t] = (1-a)\\,x[t-1] + a\\,f(\\mathrm{net}[t])$$
with leak rate $a \\in (0, 1]$ and activation $f$ (linear, tanh, logistic sigmoid, ReLU or step). With intrinsic plasticity
each unit has a gain $g$ and a bias $b$ learnt online: $\\mathrm{net} = g\\cdot\\sum W y + b$.`,
  setup(node, p, ctx) {
    return `param[${ctx.id}] = {"bias": ${perUnit(p.bias, node.size)}}\nact[${ctx.id}] = np.zeros(${node.size})`;
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
};

/** Beer's CTRNN as an ODE member: τ dy/dt = −y + in, output f(g(y + θ)). */
const ctrnnOde: NotebookOde<CtrnnParams> = {
  state: (ctx) => `state[${ctx.id}]["y"]`,
  derivative: (_p, ctx, y, i) => `(${i} - ${y}) / param[${ctx.id}]["tau"]`,
  output: (p, ctx, y) => activation(p.activation, `(param[${ctx.id}]["gain"] * (${y} + param[${ctx.id}]["theta"]))`),
};

const ctrnnKind: NotebookKind<CtrnnParams> = {
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

const wilsonCowanKind: NotebookKind<WilsonCowanParams> = {
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

const thresholdKind: NotebookKind<ThresholdParams> = {
  doc: `**threshold** — binary threshold units (McCulloch & Pitts 1943; the units of SORN, Lazar et al. 2009, eqs. 1–2):
$$x_i[t] = \\begin{cases}1 & \\sum_{\\text{edges}} W\\,y_{\\text{src}} \\ge T_i\\\\ 0 & \\text{otherwise}\\end{cases}$$
with a threshold $T_i$ per unit (learnt by threshold intrinsic plasticity where the node has it).`,
  update(_node, _p, ctx) {
    const s = `state[${ctx.id}]`;
    return [`${s}["net"][:] = inp[${ctx.id}]`, `${s}["output"][:] = np.where(inp[${ctx.id}] >= ${s}["threshold"], 1.0, 0.0)`].join('\n');
  },
};

const hopfieldKind: NotebookKind<HopfieldParams> = {
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

const readoutKind: NotebookKind<ReadoutParams> = {
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
};

/** The kinds a notebook can express, by kind string. */
export const NOTEBOOK_KINDS: Readonly<Record<string, NotebookKind<never>>> = {
  input: inputKind as NotebookKind<never>,
  rate: rateKind as NotebookKind<never>,
  ctrnn: ctrnnKind as NotebookKind<never>,
  'wilson-cowan': wilsonCowanKind as NotebookKind<never>,
  threshold: thresholdKind as NotebookKind<never>,
  hopfield: hopfieldKind as NotebookKind<never>,
  readout: readoutKind as NotebookKind<never>,
};

