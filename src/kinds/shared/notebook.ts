/**
 * What a kind declares to be written in a notebook (its `notebook` export, src/kinds/<kind>/notebook.ts):
 * the body of the schedule's `update` step for one node, written from the compiled runtime (its
 * sizes and state) and the kind's params, with the same arithmetic in the same order as the
 * engine's builder; the markdown cell that states the kind's equation with its source; and, for
 * ODE kinds, the pieces of an integrate operation. src/export/notebook writes the notebook.
 *
 * Names in the generated code: `state[ID][VAR]` the node's state variables (numpy arrays, updated
 * in place), `inp[ID]` its summed input of the step, `param[ID]` its per-unit parameters,
 * `draws[ID]` random draws taken from the engine (one row per step), `act[ID]` a rate node's
 * activation, `phi[ID]`, `W_out[ID]`, `P_rls[ID]` a readout's features, weights and RLS matrix.
 */
import type { NodeRuntime } from '../../engine/index.ts';
import type { Activation } from '../rate/schema.ts';
import { pyArray, pyNumber } from '../../common/python.ts';

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
  /** Body of the node's own learn operation (intrinsic plasticity, a readout's online training). */
  learn?(node: NodeRuntime, params: P, ctx: KindContext): string;
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
export function activation(name: Activation, h: string): string {
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

/** A per-unit parameter as a numpy array of `size` values. */
export function perUnit(value: number | number[], size: number): string {
  return typeof value === 'number' ? `np.full(${size}, ${pyNumber(value)})` : pyArray(value, [size]);
}
