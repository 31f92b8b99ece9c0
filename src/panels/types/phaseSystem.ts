/**
 * Which analysable system a phase portrait shows, read from the document (pure: no DOM, no
 * store). The plane of units a and b has nullclines and fixed points when those units are the
 * whole state of a Wilson–Cowan node, a 2-unit CTRNN or rate population, or two 1-unit nodes of
 * one of those kinds (one 1-unit rate node: its return map), and every other input is constant:
 * constant input signals, or piecewise-constant ones (step, pulse, sequence) taken at their
 * current value. Anything else gets a reason to show instead.
 */
import type { GraphDocument, GraphEdge, GraphNode } from '../../model/index.ts';
import type { PlaneSystem, ReturnMap } from '../transforms/nullclines.ts';
import { ctrnnPlane, ratePlane, rateReturnMap, swapAxes, wilsonCowanPlane, type InvertibleActivation } from '../transforms/planeModels.ts';

export interface PhaseSelection {
  a: string;
  b: string;
  ua: number;
  ub: number;
}

/** A weight matrix as the engine has it (rows = target units, cols = source units). */
export interface WeightMatrix {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export interface PhaseEnv {
  weights(edge: string): WeightMatrix | undefined;
  /** The last recorded value of an input node's channels (null: none yet). */
  inputNow(node: string): ArrayLike<number> | null;
}

/** Per-axis maps between the system's state (to) and the values the probes record (shown). */
export interface ShownAxes {
  toShown: [(v: number) => number, (v: number) => number];
  fromShown: [(v: number) => number, (v: number) => number];
}

export type PhaseModel =
  | { kind: 'plane'; system: PlaneSystem; note?: string; axes?: ShownAxes }
  | { kind: 'return-map'; map: ReturnMap; note?: string }
  | { kind: 'none'; reason: string };

const PIECEWISE_CONSTANT: ReadonlySet<string> = new Set(['constant', 'step', 'pulse', 'sequence']);
const INVERTIBLE: ReadonlySet<string> = new Set<string>(['tanh', 'sigmoid', 'linear']);

type Unit = { node: GraphNode; index: number };
type Matrix2 = [[number, number], [number, number]];

/** The nodes whose units make up the plane (one or two). */
export function systemNodes(sel: PhaseSelection): string[] {
  return sel.a === sel.b ? [sel.a] : [sel.a, sel.b];
}

/** Edges into the plane's nodes: the weights the analysis needs from the engine. */
export function neededEdges(doc: GraphDocument, sel: PhaseSelection): string[] {
  const nodes = systemNodes(sel);
  return doc.edges.filter((e) => nodes.includes(e.target)).map((e) => e.id);
}

class NotAnalysable extends Error {}
const refuse = (reason: string): never => {
  throw new NotAnalysable(reason);
};

const sizeOf = (n: GraphNode) => Number((n.params as { size?: number }).size ?? (n.kind === 'wilson-cowan' ? 2 : 1));
const perUnit = (v: unknown, i: number) => (Array.isArray(v) ? Number(v[i]) : Number(v));

/** The system of the selection, or why there is none. */
export function phaseModel(doc: GraphDocument, sel: PhaseSelection, env: PhaseEnv): PhaseModel {
  try {
    return build(doc, sel, env);
  } catch (err) {
    if (err instanceof NotAnalysable) return { kind: 'none', reason: err.message };
    throw err;
  }
}

function build(doc: GraphDocument, sel: PhaseSelection, env: PhaseEnv): PhaseModel {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nodes = systemNodes(sel).map((id) => byId.get(id) ?? refuse(`no node "${id}"`));
  const kind = nodes[0].kind;
  if (nodes.some((n) => n.kind !== kind)) refuse('nullclines need units of one kind');
  if (!['wilson-cowan', 'ctrnn', 'rate'].includes(kind)) refuse(`no nullclines for ${kind} units (Wilson–Cowan, CTRNN and rate units only)`);
  const units: Unit[] = [
    { node: byId.get(sel.a)!, index: sel.ua },
    { node: byId.get(sel.b)!, index: sel.ub },
  ];
  const state = nodes.reduce((n, node) => n + sizeOf(node), 0);
  const single = sel.a === sel.b && sel.ua === sel.ub;
  if (state !== (single ? 1 : 2)) refuse(`${nodes.map((n) => `${n.id} has ${sizeOf(n)} unit${sizeOf(n) === 1 ? '' : 's'}`).join(', ')}: nullclines need the whole state in the plane (2 units)`);
  const drive = new Drive(doc, units, env);
  if (kind === 'wilson-cowan') return wilsonCowan(units[0].node, sel.ua === 1, drive);
  if (kind === 'ctrnn') {
    if (single) refuse('one continuous unit: a phase line, not a plane');
    const [p0, p1] = units.map((u) => u.node.params as Record<string, unknown>);
    const pick = (key: string): [number, number] => [perUnit(p0[key], units[0].index), perUnit(p1[key], units[1].index)];
    const [bias, gain] = [pick('bias'), pick('gain')];
    if (gain.includes(0)) refuse('a unit with gain 0 has a constant output');
    const system = ctrnnPlane({ tau: pick('tau'), bias, gain, w: drive.w, input: drive.c }, names(units));
    // The probes record the outputs σ(g(y + θ)), not the states y: draw in output coordinates.
    const out = (i: number) => (y: number) => 1 / (1 + Math.exp(-gain[i] * (y + bias[i])));
    const state = (i: number) => (o: number) => Math.log(o / (1 - o)) / gain[i] - bias[i];
    return { kind: 'plane', system, note: drive.note(), axes: { toShown: [out(0), out(1)], fromShown: [state(0), state(1)] } };
  }
  return rate(units, single, drive);
}

function names(units: Unit[]): [string, string] {
  const name = (u: Unit) => (sizeOf(u.node) === 1 ? u.node.id : `${u.node.id}[${u.index}]`);
  return [name(units[0]), name(units[1])];
}

function wilsonCowan(node: GraphNode, swapped: boolean, drive: Drive): PhaseModel {
  const p = node.params as Record<string, number>;
  // A self-edge adds to the coupling (in_E = M[0]·[E, I], in_I = M[1]·[E, I]); inputs to I_ext.
  const m = drive.raw;
  const system = wilsonCowanPlane({
    tau_E: p.tau_E,
    a_E: p.a_E,
    theta_E: p.theta_E,
    tau_I: p.tau_I,
    a_I: p.a_I,
    theta_I: p.theta_I,
    w_EE: p.w_EE + m[0][0],
    w_EI: p.w_EI - m[0][1],
    w_IE: p.w_IE + m[1][0],
    w_II: p.w_II - m[1][1],
    I_E: p.I_ext_E + drive.rawC[0],
    I_I: p.I_ext_I + drive.rawC[1],
  });
  return { kind: 'plane', system: swapped ? swapAxes(system) : system, note: drive.note() };
}

function rate(units: Unit[], single: boolean, drive: Drive): PhaseModel {
  const params = units.map((u) => u.node.params as Record<string, unknown>);
  for (const [k, p] of params.entries()) {
    if (p.plasticity) refuse(`${units[k].node.id} adapts its gain and bias (intrinsic plasticity)`);
    if (!INVERTIBLE.has(String(p.activation))) refuse(`${String(p.activation)} units have no inverse (tanh, sigmoid and linear only)`);
  }
  const act = (k: number) => params[k].activation as InvertibleActivation;
  const bias = (k: number) => perUnit(params[k].bias, units[k].index);
  if (single) {
    const map = rateReturnMap({ activation: act(0), leak: Number(params[0].leak), w: drive.w[0][0], drive: drive.c[0] + bias(0) }, units[0].node.id);
    return { kind: 'return-map', map, note: drive.note() };
  }
  const system = ratePlane(
    {
      activation: [act(0), act(1)],
      leak: [Number(params[0].leak), Number(params[1].leak)],
      w: drive.w,
      drive: [drive.c[0] + bias(0), drive.c[1] + bias(1)],
      order: drive.order,
    },
    names(units),
  );
  return { kind: 'plane', system, note: drive.note() };
}

/**
 * The couplings between the plane's two units and their constant drive, summed over the edges
 * into their nodes: `w` (2×2, from unit j to unit i) and `c` (per unit), in the selection's order;
 * `raw` and `rawC` in node-unit order for the one Wilson–Cowan node.
 */
class Drive {
  readonly w: Matrix2 = [
    [0, 0],
    [0, 0],
  ];
  readonly c: [number, number] = [0, 0];
  readonly raw: Matrix2 = [
    [0, 0],
    [0, 0],
  ];
  readonly rawC: [number, number] = [0, 0];
  order: 'together' | 'x-first' | 'y-first' = 'together';
  private readonly piecewise: string[] = [];

  constructor(doc: GraphDocument, units: Unit[], env: PhaseEnv) {
    const ids = new Set(units.map((u) => u.node.id));
    const continuous = units[0].node.kind !== 'rate';
    for (const e of doc.edges.filter((e) => ids.has(e.target))) {
      if (e.params.synapse && e.params.synapse.type !== 'current') refuse(`edge ${e.id} has a ${e.params.synapse.type} synapse`);
      const m = env.weights(e.id) ?? refuse(`waiting for the weights of ${e.id}`);
      if (ids.has(e.source)) this.recurrent(e, m, units, continuous);
      else this.input(doc, e, m, units, env);
    }
  }

  private recurrent(e: GraphEdge, m: WeightMatrix, units: Unit[], continuous: boolean): void {
    if (e.params.delay > 1) refuse(`edge ${e.id} has a delay of ${e.params.delay} steps: the state is more than 2-D`);
    for (const [i, to] of units.entries()) {
      if (to.node.id !== e.target) continue;
      for (const [j, from] of units.entries()) {
        if (from.node.id === e.source && (i === j || units[0].node !== units[1].node || to.index !== from.index)) this.w[i][j] += m.data[to.index * m.cols + from.index];
      }
    }
    if (units[0].node === units[1].node) for (let r = 0; r < 2 && r < m.rows; r++) for (let k = 0; k < 2 && k < m.cols; k++) this.raw[r][k] += m.data[r * m.cols + k];
    if (!continuous && e.params.delay === 0 && e.source !== e.target) this.order = e.source === units[0].node.id ? 'x-first' : 'y-first';
  }

  private input(doc: GraphDocument, e: GraphEdge, m: WeightMatrix, units: Unit[], env: PhaseEnv): void {
    const source = doc.nodes.find((n) => n.id === e.source)!;
    const signal = source.kind === 'input' ? ((source.params as { signal?: { type: string } }).signal?.type ?? '') : '';
    if (source.kind !== 'input') refuse(`${e.target} also receives ${source.id} (${source.kind}), which is not in the plane`);
    if (!PIECEWISE_CONSTANT.has(signal)) refuse(`input ${source.id} varies (${signal}): no fixed nullclines`);
    const u = env.inputNow(source.id) ?? refuse(`waiting for the first value of ${source.id}`);
    if (signal !== 'constant') this.piecewise.push(`${source.id} = ${formatValues(u)}`);
    const add = (row: number) => {
      let s = 0;
      for (let k = 0; k < m.cols; k++) s += m.data[row * m.cols + k] * u[k];
      return s;
    };
    for (const [i, to] of units.entries()) if (to.node.id === e.target) this.c[i] += add(to.index);
    if (units[0].node === units[1].node) for (let r = 0; r < Math.min(2, m.rows); r++) this.rawC[r] += add(r);
  }

  /** Says which inputs were taken at their current value. */
  note(): string | undefined {
    return this.piecewise.length > 0 ? `for the current input ${this.piecewise.join(', ')}` : undefined;
  }
}

function formatValues(u: ArrayLike<number>): string {
  const f = (v: number) => String(+v.toPrecision(3));
  return u.length === 1 ? f(u[0]) : `[${Array.from(u, f).join(', ')}]`;
}
