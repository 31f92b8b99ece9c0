/**
 * Which analysable system a phase portrait shows, read from the document (pure: no DOM, no
 * store). The plane of units a and b has nullclines and fixed points when those units are the
 * whole state of their nodes (one node of two units, two 1-unit nodes, or one 1-unit node), the
 * nodes' kind has a phase-plane model (KindSpec.phasePlane: Wilson–Cowan, CTRNN, rate), and every
 * other input is steady: constant sources, or piecewise-constant ones (step, pulse, sequence)
 * taken at their current value. Anything else gets a reason to show instead.
 */
import { allKinds, getKind, type GraphDocument, type GraphEdge, type GraphNode, type Matrix2, type PlaneSystem, type PlaneUnit, type ReturnMap, type ShownAxes } from '../../model/index.ts';

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

export type { ShownAxes };

export type PhaseModel =
  | { kind: 'plane'; system: PlaneSystem; note?: string; axes?: ShownAxes }
  | { kind: 'return-map'; map: ReturnMap; note?: string }
  | { kind: 'none'; reason: string };

type Unit = { node: GraphNode; index: number };

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

const sizeOf = (n: GraphNode) => getKind(n.kind)?.outputSize(n.params) ?? 1;

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
  const spec = getKind(kind);
  const model = spec?.phasePlane;
  if (!spec || !model) return refuse(`no nullclines for ${kind} units (${planeKinds()} only)`);
  const units: Unit[] = [
    { node: byId.get(sel.a)!, index: sel.ua },
    { node: byId.get(sel.b)!, index: sel.ub },
  ];
  const state = nodes.reduce((n, node) => n + sizeOf(node), 0);
  const single = sel.a === sel.b && sel.ua === sel.ub;
  if (state !== (single ? 1 : 2)) refuse(`${nodes.map((n) => `${n.id} has ${sizeOf(n)} unit${sizeOf(n) === 1 ? '' : 's'}`).join(', ')}: nullclines need the whole state in the plane (2 units)`);
  const drive = new Drive(doc, units, env, spec.continuousTime);
  const axis = (u: Unit): PlaneUnit<unknown> => ({ node: u.node.id, params: u.node.params, index: u.index, name: sizeOf(u.node) === 1 ? u.node.id : `${u.node.id}[${u.index}]` });
  const result = model.build({
    units: [axis(units[0]), axis(units[1])],
    single,
    sameNode: sel.a === sel.b,
    w: drive.w,
    c: drive.c,
    nodeW: drive.raw,
    nodeC: drive.rawC,
    order: drive.order,
  });
  if (result.kind === 'none') return refuse(result.reason);
  return { ...result, note: drive.note() };
}

/** The kinds that have a phase-plane model, for the refusal ("Wilson–Cowan E/I, CTRNN and Rate population"). */
function planeKinds(): string {
  const labels = allKinds().filter((k) => k.phasePlane).map((k) => k.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? 'none');
}

/**
 * The couplings between the plane's two units and their constant drive, summed over the edges
 * into their nodes: `w` (2×2, from unit j to unit i) and `c` (per unit), in the selection's order;
 * `raw` and `rawC` in node-unit order when both units belong to one node.
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

  constructor(doc: GraphDocument, units: Unit[], env: PhaseEnv, continuous: boolean) {
    const ids = new Set(units.map((u) => u.node.id));
    for (const e of doc.edges.filter((e) => ids.has(e.target))) {
      if (e.params.synapse && e.params.synapse.type !== 'current') refuse(`edge ${e.id} has a ${e.params.synapse.type} synapse`);
      const m = env.weights(e.id) ?? refuse(`waiting for the weights of ${e.id}`);
      // An edge whose weights are all 0 couples nothing (e.g. a second column not yet connected).
      if (Array.prototype.every.call(m.data, (v: number) => v === 0)) continue;
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
    const spec = getKind(source.kind);
    const steady = spec?.steadyOutput?.(source.params);
    if (steady === undefined) refuse(`${e.target} also receives ${source.id} (${source.kind}), which is not in the plane`);
    if (!steady) refuse(`input ${source.id} varies (${spec!.summary(source.params)}): no fixed nullclines`);
    const u = env.inputNow(source.id) ?? refuse(`waiting for the first value of ${source.id}`);
    if (steady === 'piecewise') this.piecewise.push(`${source.id} = ${formatValues(u)}`);
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
