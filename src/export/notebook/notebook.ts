/**
 * A network as a Jupyter notebook (nbformat 4.5), written as a view of the compiled Program:
 * its schedule in compiled order (one code cell per operation), its sampled weights, initial
 * states and random draws taken from the engine and embedded (base64 little-endian), so that
 * executing the notebook top to bottom reproduces `recurrence run --format json`'s trace with
 * numpy alone and writes it, in the same shape, to OUT.
 *
 *   markdown  title, how it was made
 *   code      parameters (tagged "parameters"): STEPS, OUT
 *   code      imports and helpers
 *   markdown  one cell per node kind: its update equation and source; one for the rules
 *   code      weights (one cell per edge), states (one cell per node), delay buffers
 *   code      one cell per schedule operation: def op_K(t) — clear, deliver, update, learn, commit
 *   code      the loop: every operation in order, then the probes recorded
 *   code      OUT written; plots
 */
import type { AnyNode, SynapticRule } from '../../model/index.ts';
import type { ReadoutParams } from '../../kinds/readout/schema.ts';
import { edgeRules } from '../../model/index.ts';
import { DivergenceError, parseProbe, ProbeError, Recorder, Simulator, type NodeRuntime, type Operation, type Program } from '../../engine/index.ts';
import type { CompiledEdge } from '../../engine/compile/compile.ts';
import { ExportError, listItems } from '../../common/export-error.ts';
import { indent, pyArray, pyNumber, pyString, UNPACK_HELPER } from '../../common/python.ts';
import { KINDS, kindOf } from '../../kinds/registry.ts';
import { integrateCode, type KindContext, type NotebookKind } from '../../kinds/shared/notebook.ts';
import { RULE_DOCS, synapticCode, synapticSetup } from './rules.ts';
import { NotebookBuilder, type Notebook } from './nbformat.ts';
import { trainingSection, trainingSteps } from './training.ts';

export interface NotebookOptions {
  /** Steps the notebook runs by default (its STEPS parameter) and for which random draws are embedded. */
  steps: number;
  /** Seed of the weights, initial states and draws (default: the document's). */
  seed?: number;
  /** Probes as `recurrence run` takes them (default: every node's output). */
  probes?: string[];
  /** Where the document came from, for the title cell. */
  source?: string;
  /** The program carries weights trained in the app (its readouts' W_out, BPTT's edges): said in the readouts' cells. */
  trained?: boolean;
}

/** The kinds a notebook can express (those declaring a `notebook` export), in the registry's order. */
export function notebookKinds(): string[] {
  return KINDS.filter((k) => k.notebook).map((k) => k.kind);
}

/** The notebook export of a kind (checked by checkNotebookKinds before any is asked). */
function notebookOf(kind: string): NotebookKind<never> {
  return kindOf(kind)!.notebook as NotebookKind<never>;
}

/** Throws an ExportError naming the nodes whose kinds a notebook cannot express. */
export function checkNotebookKinds(program: Program): void {
  const bad = program.nodes.filter((n) => !kindOf(n.kind)?.notebook);
  if (bad.length === 0) return;
  throw new ExportError(
    `cannot export to a notebook: ${bad.length === 1 ? 'node' : 'nodes'} ${listItems(bad.map((n) => ({ id: n.id, what: n.kind })))} ${bad.length === 1 ? 'is' : 'are'} not of a kind the notebook can run (it can: ${notebookKinds().join(', ')}); spiking networks export to PyNN (--to pynn)`,
  );
}

interface Snapshot {
  vars: Map<string, Record<string, Float64Array>>;
  weights: Map<string, { values: Float64Array; float32: boolean }>;
  masks: Map<string, Uint8Array>;
  readoutWeights: Map<string, Float64Array>;
  draws: Map<string, Record<string, Float64Array>>;
}

/** Writes the notebook of a compiled program (the program is reset to step 0 afterwards). */
export function notebookFromProgram(program: Program, options: NotebookOptions): Notebook {
  checkNotebookKinds(program);
  const seed = options.seed ?? program.doc.seed;
  const sim = new Simulator(program, seed);
  const probeTexts = options.probes && options.probes.length > 0 ? options.probes : program.doc.nodes.map((n) => n.id);
  for (const text of probeTexts) {
    try {
      new Recorder(sim, parseProbe(text), 1);
    } catch (err) {
      if (err instanceof ProbeError) throw new ExportError(err.message);
      throw err;
    }
  }
  const training = trainingSection(program);
  const drawnSteps = Math.max(options.steps, trainingSteps(program));
  const snap = snapshot(program, sim, drawnSteps);
  const params = new Map(program.doc.nodes.map((n) => [n.id, (n as AnyNode).params as never]));
  const docEdges = new Map(program.doc.edges.map((e) => [e.id, e]));

  const nb = new NotebookBuilder();
  const title = program.doc.title ?? 'Recurrence network';
  nb.markdown(
    [
      `# ${title}`,
      '',
      ...(program.doc.description ? [program.doc.description, ''] : []),
      `Exported by Recurrence${options.source ? ` from \`${options.source}\`` : ''}: ${program.nodes.length} nodes, ${program.edges.length} edges, seed ${seed}, dt = ${program.doc.dt}.`,
      `Every random number (weights after connectivity and spectral-radius scaling, initial states, noise) was drawn by the engine and is embedded below,`,
      `so running this notebook top to bottom reproduces \`recurrence run --format json\`'s trace of the same network and seed.`,
      '',
      'The loop is the compiled **schedule** of one step: the operations below run in this order, every step.',
      'Delayed edges read explicit buffers of past outputs (`hist`); a drawn loop is never a loop within a step.',
    ].join('\n'),
  );
  nb.code(`STEPS = ${options.steps}\nOUT = "trace.json"`, ['parameters']);
  const drawNodes = [...snap.draws.keys()];
  nb.code(
    [
      'import base64',
      'import json',
      'import numpy as np',
      '',
      'np.seterr(all="ignore")  # the engine lets values overflow to ±inf as IEEE arithmetic does',
      `SEED = ${seed}`,
      `DT = ${pyNumber(program.doc.dt)}`,
      '',
      UNPACK_HELPER,
      '',
      '',
      'def seqdot(w, x):',
      '    """Σ w·x summed left to right, in the engine\'s order (exact zeros stay exact)."""',
      '    p = w * x',
      '    return np.cumsum(p)[-1] if p.size else 0.0',
      '',
      '',
      'def arrays(table):',
      '    # every numpy array in a table of nested dicts',
      '    if isinstance(table, np.ndarray):',
      '        return [table]',
      '    return [a for v in table.values() for a in arrays(v)] if isinstance(table, dict) else []',
      '',
      '',
      'def seqsum(a):',
      '    """Row sums of a matrix, left to right."""',
      '    return np.cumsum(a, axis=1)[:, -1] if a.shape[1] else np.zeros(a.shape[0])',
      '',
      '',
      'state, inp, param, act, draws, hist = {}, {}, {}, {}, {}, {}',
      'W, mask, trace, phi, W_out, P_rls = {}, {}, {}, {}, {}, {}',
      ...(drawNodes.length > 0
        ? ['', `DRAWN_STEPS = ${drawnSteps}  # random draws are embedded for this many steps`, 'assert STEPS <= DRAWN_STEPS, f"this network has random draws for {DRAWN_STEPS} steps only; export it again with --steps {STEPS}"']
        : training
          ? ['', `DRAWN_STEPS = ${drawnSteps}  # no random draws: any number of steps`]
          : []),
    ].join('\n'),
  );

  const kindsUsed = [...new Set(program.nodes.map((n) => n.kind))];
  for (const kind of kindsUsed) nb.markdown(notebookOf(kind).doc);
  const rulesUsed = [...new Set(program.plasticity.map((p) => p.rule))].filter((r) => RULE_DOCS[r]);
  if (rulesUsed.length > 0) nb.markdown(['## Plasticity', '', ...rulesUsed.map((r) => `- ${RULE_DOCS[r].replace(/\n/g, ' ')}`)].join('\n'));

  nb.markdown('## Weights\n\nEach edge\'s matrix `W[EDGE]` (target units × source units), as the engine sampled it.');
  for (const e of program.edges) nb.code(edgeCell(e, snap));
  nb.markdown('## Initial state\n\n`state[NODE][VAR]` holds every state variable a probe can record; `inp[NODE]` the input summed in a step.');
  for (const node of program.nodes) nb.code(nodeCell(node, params.get(node.id)!, snap, program, options.trained === true));
  if (program.delayLines.size > 0) {
    nb.code(
      [
        '# Delay buffers: hist[NODE][k] holds the output after step k (mod depth); before the first step, the initial output',
        ...[...program.delayLines].map(([id, line]) => `hist[${pyString(id)}] = np.tile(state[${pyString(id)}]["output"], (${line.depth}, 1))`),
      ].join('\n'),
    );
  }

  nb.markdown(`## One step of the schedule\n\n${program.schedule.length} operations, in the compiled order (\`recurrence schedule\` lists the same).`);
  const names: string[] = [];
  const ruleIndex = new Map<string, number>();
  program.schedule.forEach((op, k) => {
    const name = `op_${String(k + 1).padStart(2, '0')}_${op.type}_${op.node.replace(/[^A-Za-z0-9_]/g, '_')}`;
    names.push(name);
    const learnNumber = program.schedule.slice(0, k).filter((o) => o.type === 'learn').length;
    const body = opBody(op, program, params, docEdges, learnNumber, ruleIndex, snap);
    const setup = body.setup ? `${body.setup}\n\n\n` : '';
    nb.code(`${setup}def ${name}(t):\n    ${JSON.stringify(op.equation)}\n${indent(body.code)}`);
  });

  const probes = probeTexts.map((text) => {
    const spec = parseProbe(text);
    const node = sim.program.nodeById.get(spec.node);
    const width = spec.unit !== undefined ? 1 : node ? node.vars[spec.variable].length : new Recorder(sim, spec, 1).width;
    const slice = spec.unit === undefined ? '' : `[${spec.unit}:${spec.unit + 1}]`;
    const src = node ? `state[${pyString(spec.node)}][${pyString(spec.variable)}]${slice}` : `W[${pyString(spec.node)}].reshape(-1)${slice}`;
    return { text, width, src };
  });
  nb.markdown('## The loop\n\nEvery step runs the schedule in order, then records the probes (`values[t]` is the value after step t+1).');
  nb.code(
    [
      ...(training
        ? [
            '# the initial state, saved to run again from it (Training the readouts, below)',
            'START = [(a, a.copy()) for table in (state, inp, param, act, hist, W, mask, trace, phi, W_out, P_rls) for a in arrays(table)]',
          ]
        : []),
      `schedule = [${names.join(', ')}]`,
      'record = {',
      ...probes.map((p) => `    ${pyString(p.text)}: np.zeros((STEPS, ${p.width})),`),
      '}',
      'for t in range(STEPS):',
      '    for op in schedule:',
      '        op(t)',
      ...probes.map((p) => `    record[${pyString(p.text)}][t] = ${p.src}`),
    ].join('\n'),
  );
  nb.code(
    [
      '# The trace in the shape of `recurrence run --format json`',
      'trace = {"seed": SEED, "steps": STEPS, "probes": {name: {"size": int(v.shape[1]), "values": v.tolist()} for name, v in record.items()}}',
      'with open(OUT, "w") as f:',
      '    json.dump(trace, f)',
      'print(f"wrote {OUT}: {STEPS} steps, probes {list(record)}")',
    ].join('\n'),
  );
  nb.code(
    [
      'import matplotlib.pyplot as plt',
      '',
      'fig, axes = plt.subplots(len(record), 1, figsize=(9, 2.2 * len(record)), sharex=True, squeeze=False)',
      'steps = np.arange(1, STEPS + 1)',
      'for ax, (name, values) in zip(axes[:, 0], record.items()):',
      '    ax.plot(steps, values[:, :10], lw=0.8)',
      '    ax.set_ylabel(name + (" (first 10 units)" if values.shape[1] > 10 else ""))',
      'axes[-1, 0].set_xlabel("step")',
      'plt.tight_layout()',
      'plt.show()',
    ].join('\n'),
  );
  if (training) {
    nb.markdown(training.markdown);
    nb.code(training.code);
  }
  sim.reset();
  return nb.build({ recurrence: { format: 'recurrence-notebook', seed, steps: options.steps, probes: probeTexts } });
}

/** Copies of the state the notebook starts from, and the draws of `steps` steps. */
function snapshot(program: Program, sim: Simulator, steps: number): Snapshot {
  const vars = new Map<string, Record<string, Float64Array>>();
  for (const n of program.nodes) vars.set(n.id, Object.fromEntries(Object.entries(n.vars).map(([k, v]) => [k, Float64Array.from(v)])));
  const weights = new Map<string, { values: Float64Array; float32: boolean }>();
  const masks = new Map<string, Uint8Array>();
  for (const e of program.edges) {
    weights.set(e.id, { values: denseOf(e), float32: e.float32 });
    if (e.plastic) masks.set(e.id, maskOf(e));
  }
  const readoutWeights = new Map<string, Float64Array>();
  for (const n of program.nodes) {
    const handle = (n as Partial<{ readout: { weights: Float64Array } }>).readout;
    if (handle) readoutWeights.set(n.id, Float64Array.from(handle.weights));
  }
  const draws = new Map<string, Record<string, Float64Array>>();
  const recorders: (() => void)[] = [];
  for (const n of program.nodes) {
    const p = (program.doc.nodes.find((d) => d.id === n.id) as AnyNode).params as never;
    const variable = notebookOf(n.kind).draws?.(p) ?? null;
    if (!variable) continue;
    const names = variable === 'output' ? ['output', 'target', 'mask'].filter((name) => name in n.vars) : [variable];
    const record: Record<string, Float64Array> = {};
    for (const name of names) {
      const width = n.vars[name].length;
      const data = new Float64Array(steps * width);
      record[name] = data;
      recorders.push(() => data.set(n.vars[name], (sim.t - 1) * width));
    }
    draws.set(n.id, record);
  }
  if (recorders.length > 0) {
    try {
      sim.run(steps, () => recorders.forEach((r) => r()));
    } catch (err) {
      if (err instanceof DivergenceError) throw new ExportError(`the run diverged: ${err.message}`);
      throw err;
    }
  }
  return { vars, weights, masks, readoutWeights, draws };
}

/** An edge's weights as a dense row-major matrix. */
function denseOf(e: CompiledEdge): Float64Array {
  const w = e.weights;
  if (w.format === 'dense') return Float64Array.from(w.data);
  const out = new Float64Array(w.rows * w.cols);
  for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) out[i * w.cols + w.colIdx[k]] = w.values[k];
  return out;
}

/** The synapses a plastic edge has (its row index), as a dense 0/1 matrix. */
function maskOf(e: CompiledEdge): Uint8Array {
  const out = new Uint8Array(e.rows * e.cols);
  const r = e.synapseRows!;
  for (let i = 0; i < e.rows; i++) for (let k = r.rowPtr[i]; k < r.rowPtr[i + 1]; k++) out[i * e.cols + r.colIdx[k]] = 1;
  return out;
}

function edgeCell(e: CompiledEdge, snap: Snapshot): string {
  const w = snap.weights.get(e.id)!;
  const id = pyString(e.id);
  const lines = [
    `# edge ${e.id}: ${e.source} → ${e.target}, ${e.rows}×${e.cols}${e.delay > 0 ? `, delay ${e.delay}` : ''}${w.float32 ? ', float32 (the document\'s precision)' : ''}`,
    `W[${id}] = ${pyArray(w.values, [e.rows, e.cols], w.float32 ? 'float32' : 'float64')}`,
  ];
  const m = snap.masks.get(e.id);
  if (m) lines.push(`mask[${id}] = ${pyArray(m, [e.rows, e.cols], 'int32')}.astype(bool)  # the synapses that exist (plasticity changes only these)`);
  return lines.join('\n');
}

function nodeCell(node: NodeRuntime, params: never, snap: Snapshot, program: Program, trained: boolean): string {
  const id = pyString(node.id);
  const vars = snap.vars.get(node.id)!;
  const own: string[] = [];
  const views: string[] = [];
  for (const [name, arr] of Object.entries(node.vars)) {
    const offset = viewOffset(arr, node.output);
    if (name !== 'output' && offset !== null) views.push(`state[${id}][${pyString(name)}] = state[${id}]["output"][${offset}:${offset + arr.length}]`);
    else own.push(`${pyString(name)}: ${pyArray(vars[name], [arr.length])}`);
  }
  const lines = [`# node ${node.id}: ${node.kind}, ${node.size} unit${node.size === 1 ? '' : 's'}`, `state[${id}] = {${own.join(', ')}}`, ...views];
  const readout = snap.readoutWeights.get(node.id);
  if (readout) {
    const cols = node.input.length + 1;
    lines.push(`phi[${id}] = np.zeros(${cols})`, `inp[${id}] = phi[${id}][:${cols - 1}]  # the features: the inputs side by side`);
    const which = trained ? 'trained in the app' : "the engine holds it at step 0 (the document's, else untrained)";
    lines.push(`W_out[${id}] = ${pyArray(readout, [node.size, cols])}  # W_out as ${which}`);
    const training = (params as ReadoutParams).training;
    if (training.method === 'rls') lines.push(`P_rls[${id}] = np.eye(${cols}) * ${pyNumber(1 / training.delta)}`);
  } else {
    lines.push(`inp[${id}] = np.zeros(${node.input.length})`);
  }
  const d = snap.draws.get(node.id);
  if (d) {
    const entries = Object.entries(d).map(([name, data]) => `${pyString(name)}: ${pyArray(data, [data.length / node.vars[name].length, node.vars[name].length])}`);
    lines.push(`draws[${id}] = {${entries.join(', ')}}  # the engine's draws, one row per step`);
  }
  const setup = notebookOf(node.kind).setup?.(node, params, kindContext(node, program, snap));
  if (setup) lines.push(setup);
  return lines.join('\n');
}

/** Offset of `a` within `b` when `a` is a view of `b`'s memory, else null. */
function viewOffset(a: Float64Array, b: Float64Array): number | null {
  if (a.buffer !== b.buffer || a === b) return a === b ? 0 : null;
  const off = (a.byteOffset - b.byteOffset) / 8;
  return off >= 0 && off + a.length <= b.length ? off : null;
}

function kindContext(node: NodeRuntime, program: Program, snap: Snapshot): KindContext {
  const docEdges = new Map(program.doc.edges.map((e) => [e.id, e]));
  return {
    dt: program.doc.dt,
    id: pyString(node.id),
    ownedEdges: program.edges.filter((e) => e.target === node.id && node.ownsEdge?.(docEdges.get(e.id)!)).map((e) => pyString(e.id)),
    hasDraws: snap.draws.has(node.id),
  };
}

function opBody(
  op: Operation,
  program: Program,
  params: Map<string, never>,
  docEdges: Map<string, Program['doc']['edges'][number]>,
  learnNumber: number,
  ruleIndex: Map<string, number>,
  snap: Snapshot,
): { code: string; setup?: string } {
  const node = program.nodeById.get(op.node)!;
  const id = pyString(op.node);
  switch (op.type) {
    case 'clear':
      return { code: `inp[${id}][:] = 0.0` };
    case 'deliver': {
      const e = program.edges.find((x) => x.id === op.edge)!;
      const x = presynaptic(e, program);
      const buffer = node.inputFor?.(docEdges.get(e.id)!) ?? node.input;
      const offset = viewOffset(buffer, node.input);
      if (offset === null) throw new ExportError(`edge "${e.id}": its input into "${node.id}" cannot be written in the notebook`);
      const into = buffer === node.input ? `inp[${id}]` : `inp[${id}][${offset}:${offset + buffer.length}]`;
      const product = e.float32 ? `(W[${pyString(e.id)}] @ ${x}.astype(np.float32)).astype(np.float64)` : `W[${pyString(e.id)}] @ ${x}`;
      return { code: `${into} += ${product}` };
    }
    case 'update':
      return { code: notebookOf(node.kind).update(node, params.get(node.id)!, kindContext(node, program, snap)) };
    case 'integrate': {
      const members = op.nodes!.map((mid) => {
        const member = program.nodeById.get(mid)!;
        const ode = notebookOf(member.kind).ode;
        if (!ode) throw new ExportError(`node "${mid}": a ${member.kind} node cannot be integrated in the notebook`);
        return { ode, params: params.get(mid)!, ctx: kindContext(member, program, snap) };
      });
      const index = new Map(op.nodes!.map((mid, k) => [mid, k]));
      const couplings = op.couplings!.map((eid) => {
        const e = program.edges.find((x) => x.id === eid)!;
        return { source: index.get(e.source)!, target: index.get(e.target)!, edge: pyString(e.id), float32: e.float32 };
      });
      return { code: integrateCode(members, couplings, op.method as 'euler' | 'rk4', program.doc.dt) };
    }
    case 'commit':
      return { code: `hist[${id}][t % ${program.delayLines.get(op.node)!.depth}] = state[${id}]["output"]` };
    case 'learn': {
      const rt = program.plasticity[learnNumber];
      if (rt.frozen) return { code: 'pass  # frozen at export' };
      const ctx = { node: id, dt: program.doc.dt };
      if (rt.edge !== undefined) {
        const e = program.edges.find((x) => x.id === rt.edge)!;
        const k = ruleIndex.get(e.id) ?? 0;
        ruleIndex.set(e.id, k + 1);
        const rule: SynapticRule = edgeRules(docEdges.get(e.id)!.params.plasticity)[k];
        const slot = pyString(`${e.id}#${k}`);
        const c = { ...ctx, edge: pyString(e.id), pre: presynaptic(e, program), emitted: `state[${pyString(e.source)}]["output"]`, slot, rows: e.rows, cols: e.cols };
        return { code: synapticCode(rule, c), setup: synapticSetup(rule, c) || undefined };
      }
      const learn = notebookOf(node.kind).learn;
      if (learn) return { code: learn(node, params.get(op.node)!, kindContext(node, program, snap)) };
      throw new ExportError(`node "${node.id}": its rule "${rt.rule}" cannot be written in the notebook`);
    }
  }
}

/** The presynaptic output an edge delivers at step t (its delay buffer for delayed edges). */
function presynaptic(e: CompiledEdge, program: Program): string {
  const src = pyString(e.source);
  if (e.delay === 0) return `state[${src}]["output"]`;
  return `hist[${src}][(t - ${e.delay}) % ${program.delayLines.get(e.source)!.depth}]`;
}

