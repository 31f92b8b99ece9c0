/**
 * Every kind of the registry, whatever it is: it has a builder, inspector fields from its schema,
 * a palette entry and its README row, and runs 100 steps from its defaults. A new kind is covered
 * by adding it to src/kinds/registry.ts (and its spec to src/kinds/specs.ts); where a kind's 100-step run has a value known in closed
 * form, KNOWN compares it. Each kind either declares its notebook and PyNN exports or is refused
 * by them in one line naming the node and the kinds they can export.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KINDS, kindOf } from '../src/kinds/registry.ts';
import { KIND_SPECS } from '../src/kinds/specs.ts';
import { builderOf } from '../src/engine/compile/builder-lookup.ts';
import type { Kind } from '../src/kinds/kind.ts';
import { kindsTable, KINDS_TABLE_END, KINDS_TABLE_START } from '../src/kinds/docs.ts';
import { CURRENT_VERSION, FORMAT, getKind, type GraphDocument } from '../src/model/index.ts';
import { compile, jsKernels, Simulator } from '../src/engine/index.ts';
import { notebookFromProgram, notebookKinds } from '../src/export/notebook/notebook.ts';
import { pynnFromProgram } from '../src/export/pynn/script.ts';
import { pynnKinds } from '../src/export/pynn/mapping.ts';
import { ExportError } from '../src/common/export-error.ts';
import { wasmKernels } from '../src/engine/kernels/wasm-kernels.ts';
import { describeObject } from '../src/editor/inspector/schemaFields.ts';
import { paletteSections } from '../src/editor/palette/paletteGroups.ts';
import { valid } from '../src/test-support/docs.ts';

const STEPS = 100;
/** Constant input into every population, through a constant weight W = 0.5 (nA into lif, mV…). */
const DRIVE = 0.5;

/** The kind with its defaults; a population or readout is fed by a constant input u = 1. */
function defaultsDoc(kind: Kind, params: Record<string, unknown> = kind.defaults() as Record<string, unknown>): GraphDocument {
  const nodes: Record<string, unknown>[] = [{ id: 'k', kind: kind.kind, params }];
  const edges: Record<string, unknown>[] = [];
  if (kind.role !== 'source') {
    const rows = (kind.inputSize ?? kind.outputSize).call(kind, params);
    const fed = kind.role === 'readout' ? 1 : rows;
    nodes.unshift({ id: 'u', kind: 'input', params: { size: fed, signal: { type: 'constant', value: 1 } } });
    edges.push(kind.role === 'readout' ? { id: 'in', source: 'u', target: 'k', params: {} } : { id: 'in', source: 'u', target: 'k', params: { weight: { type: 'constant', value: DRIVE } } });
    if (kind.role === 'readout') (nodes[1].params as Record<string, unknown>).target = 'u';
  }
  return valid({ format: FORMAT, version: CURRENT_VERSION, seed: 3, dt: 1, nodes, edges });
}

/** Outputs and the other state variables of node k after each of the 100 steps. */
function run(doc: GraphDocument, kernels = jsKernels): { outputs: Float64Array[]; vars: Record<string, Float64Array>; spiking: boolean } {
  const sim = Simulator.fromDocument(doc, { kernels });
  const k = sim.node('k');
  const outputs: Float64Array[] = [];
  sim.run(STEPS, () => outputs.push(Float64Array.from(k.output)));
  const vars = Object.fromEntries(Object.entries(k.vars).map(([name, v]) => [name, Float64Array.from(v)]));
  sim.program.dispose();
  return { outputs, vars, spiking: k.spiking };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Closed-form values of the default 100-step runs (dt = 1 ms, input W·u = 0.5 into one unit of each kind). */
const KNOWN: Record<string, (r: ReturnType<typeof run>) => void> = {
  // sine, amplitude 1, period 50 steps, phase 0: y[t] = sin(2πt/50)
  input: ({ outputs }) => outputs.forEach((y, t) => expect(y[0]).toBeCloseTo(Math.sin((2 * Math.PI * t) / 50), 14)),
  // tanh, leak 1, bias 0: y = tanh(0.5) from the first step
  rate: ({ outputs }) => outputs.forEach((y) => expect(y[0]).toBeCloseTo(Math.tanh(DRIVE), 15)),
  // Euler with dt = τ = 1: y = I after one step; the output is σ(g(y + θ)) = σ(0.5)
  ctrnn: ({ outputs, vars }) => {
    expect(vars.y[0]).toBeCloseTo(DRIVE, 15);
    outputs.forEach((y) => expect(y[0]).toBeCloseTo(sigmoid(DRIVE), 15));
  },
  // below the rheobase (r_m·I = 5 mV < v_th − v_rest = 15 mV): V_k − v_rest = r_m·I·(1 − (1 − dt/τ_m)^k), no spike
  lif: ({ outputs, vars }) => {
    expect(outputs.every((y) => y[0] === 0)).toBe(true);
    expect(vars.v[0]).toBeCloseTo(-65 + 10 * DRIVE * (1 - 0.9 ** STEPS), 10);
  },
  // no self-edge: every field is the input in_i = Σ_j 0.5 · 1 = 0.5·n > 0 (constant weight, n inputs
  // of 1), so every unit is +1 from the first step and E = −½ xᵀWx − Σ in_i x_i = −0.5·n²
  hopfield: ({ outputs, vars }) => {
    const n = outputs[0].length;
    outputs.forEach((y) => expect([...y].every((x) => x === 1)).toBe(true));
    expect(vars.energy[0]).toBe(-DRIVE * n * n);
  },
  // threshold 0 ≤ 0.5: every unit active
  threshold: ({ outputs }) => outputs.forEach((y) => expect([...y].every((x) => x === 1)).toBe(true)),
  // 10 units at 10 Hz, p = rate·dt/1000 = 0.01 per step: 1000 Bernoulli trials, mean 10, sd 3.1
  poisson: ({ outputs }) => {
    const spikes = outputs.reduce((s, y) => s + y.reduce((a, b) => a + b, 0), 0);
    expect(spikes).toBeGreaterThan(0);
    expect(spikes).toBeLessThan(10 + 5 * Math.sqrt(1000 * 0.01 * 0.99));
  },
  // untrained: W_out = 0
  readout: ({ outputs }) => outputs.forEach((y) => expect(y[0]).toBe(0)),
};

describe.each(KINDS.map((k) => [k.kind, k] as const))('kind %s', (name, kind) => {
  it('is the kind the model looks up, with a builder', () => {
    expect(getKind(name)).toBe(kind);
    expect(kindOf(name)).toBe(kind);
    expect(typeof kind.builder.build).toBe('function');
  });

  it('declares its notebook export, or a notebook refuses it by name', () => {
    const program = compile(defaultsDoc(kind));
    if (kind.notebook) {
      const nb = notebookFromProgram(program, { steps: 10 });
      const text = nb.cells.map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
      expect(text).toContain(kind.notebook.doc);
      expect(text.some((t) => /^def op_\d+_(update|integrate)_k\(t\):/m.test(t)), 'an operation cell of node k').toBe(true);
      expect(notebookKinds()).toContain(name);
    } else {
      expect(() => notebookFromProgram(program, { steps: 10 })).toThrow(ExportError);
      expect(() => notebookFromProgram(program, { steps: 10 })).toThrow(`node "k" (${name}) is not of a kind the notebook can run (it can: ${notebookKinds().join(', ')})`);
      expect(notebookKinds()).not.toContain(name);
    }
    program.dispose();
  });

  it('declares its PyNN mapping, or a PyNN export refuses it by name', () => {
    const program = compile(defaultsDoc(kind));
    if (kind.pynn) {
      const script = pynnFromProgram(program, { durationMs: 10 });
      const population = kind.pynn.population;
      if (population) {
        program.initialise(program.doc.seed);
        const p = population(program.nodeById.get('k')!, program.doc.nodes.find((n) => n.id === 'k')!.params as never, { program, dt: program.doc.dt, durationMs: 10, docEdges: new Map(program.doc.edges.map((e) => [e.id, e])) });
        expect(script).toContain(p.helper);
        expect(script).toContain(p.code);
      }
      expect(pynnKinds()).toContain(name);
    } else {
      expect(() => pynnFromProgram(program, { durationMs: 10 })).toThrow(ExportError);
      expect(() => pynnFromProgram(program, { durationMs: 10 })).toThrow(`node "k" (${name}) is not of a kind PyNN can run (it can: ${pynnKinds().join(', ')})`);
      expect(pynnKinds()).not.toContain(name);
    }
    program.dispose();
  });

  it('has inspector fields for every one of its default params', () => {
    const keys = describeObject(kind.params).map((f) => f.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of Object.keys(kind.defaults() as object)) expect(keys, key).toContain(key);
  });

  it('has a palette entry in its group', () => {
    const section = paletteSections('').find((s) => s.group === kind.group);
    expect(section?.kinds).toContain(kind);
    expect(paletteSections(kind.label)[0]?.kinds).toContain(kind);
  });

  it('has its row in the README kinds table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toBe(`| \`${name}\` | ${kind.docs.update} | ${kind.docs.params} | ${kind.docs.variables} |`);
  });

  it('runs 100 steps from its defaults: finite outputs of its declared size and kind', () => {
    const doc = defaultsDoc(kind);
    const r = run(doc);
    const params = doc.nodes.find((n) => n.id === 'k')!.params;
    expect(r.outputs).toHaveLength(STEPS);
    for (const y of r.outputs) {
      expect(y).toHaveLength(kind.outputSize(params));
      expect([...y].every(Number.isFinite)).toBe(true);
      if (kind.output === 'spikes') expect([...y].every((x) => x === 0 || x === 1)).toBe(true);
      if (kind.output === 'binary') expect([...y].every((x) => x === 1 || x === -1)).toBe(true);
    }
    expect(r.spiking).toBe(kind.output === 'spikes');
    for (const v of kind.variables(params)) expect(Object.keys(r.vars)).toContain(v);
    // same seed, same run
    expect(run(doc).outputs).toEqual(r.outputs);
    KNOWN[name]?.(r);
  });
});

const inKernelMemory = KINDS.filter((k) => k.builder.kernelState !== undefined);

describe.each(inKernelMemory.map((k) => [k.kind, k] as const))('kind %s in the kernels’ memory', (_name, kind) => {
  it('keeps its state there from kernelState.from units, with the same results as the JS loops', () => {
    const { from, step } = kind.builder.kernelState!;
    const wasm = wasmKernels()!;
    expect(typeof wasm[step]).toBe('function');
    const sized = (size: number) => defaultsDoc(kind, { ...(kind.defaults() as Record<string, unknown>), size });
    const below = Simulator.fromDocument(sized(from - 1), { kernels: wasm });
    expect(below.node('k').output.buffer).toBeInstanceOf(ArrayBuffer);
    below.program.dispose();
    const at = Simulator.fromDocument(sized(from), { kernels: wasm });
    expect(at.node('k').output.buffer).toBeInstanceOf(SharedArrayBuffer);
    at.program.dispose();
    const [inPlace, js] = [run(sized(from), wasm), run(sized(from), jsKernels)];
    expect(inPlace.outputs).toEqual(js.outputs);
    expect(inPlace.vars).toEqual(js.vars);
  });
});

describe('the registry', () => {
  it('lists each kind once', () => {
    expect(new Set(KINDS.map((k) => k.kind)).size).toBe(KINDS.length);
  });

  it('and the specs list the page loads (src/kinds/specs.ts) name the same kinds, in the same order, with the same specs', () => {
    expect(KIND_SPECS.map((s) => s.kind)).toEqual(KINDS.map((k) => k.kind));
    KINDS.forEach((kind, i) => {
      // the registry's kind is its spec paired with a builder: every field of the spec, the same objects
      for (const [field, value] of Object.entries(KIND_SPECS[i])) expect((kind as unknown as Record<string, unknown>)[field], `${kind.kind}.${field}`).toBe(value);
    });
  });

  it('hands every builder to the compiler and the specs to the model', () => {
    for (const kind of KINDS) {
      expect(builderOf(kind.kind), kind.kind).toBe(kind.builder);
      expect(getKind(kind.kind)?.params, kind.kind).toBe(kind.params);
    }
    expect(builderOf('no-such-kind')).toBeUndefined();
  });

  it('is the README kinds table, row for row and in order', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(KINDS_TABLE_START) + KINDS_TABLE_START.length;
    expect(readme.slice(start, readme.indexOf(KINDS_TABLE_END)).trim()).toBe(kindsTable(KINDS));
  });

  it('every KNOWN value belongs to a registered kind', () => {
    for (const name of Object.keys(KNOWN)) expect(kindOf(name), name).toBeDefined();
  });
});
