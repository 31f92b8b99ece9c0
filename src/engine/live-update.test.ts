import { describe, expect, it } from 'vitest';
import { edge, leakyUnitDoc, node, rawDoc, valid } from '../test-support/docs.ts';
import { applyParams, classifyChange, rescaleFactor, transferState } from './live-update.ts';
import { Simulator } from './simulator.ts';
import { compile } from './compile/compile.ts';
import type { GraphDocument } from '../model/index.ts';

const edit = (doc: GraphDocument, f: (d: GraphDocument) => void) => {
  const copy = structuredClone(doc);
  f(copy);
  return valid(copy);
};

describe('classifying a live edit', () => {
  const doc = valid(leakyUnitDoc());

  it('ignores positions, labels and panels', () => {
    const next = edit(doc, (d) => {
      d.nodes[0].position = { x: 5, y: 5 };
      d.title = 'renamed';
      d.panels = [{ type: 'traces', nodes: ['x'] }];
    });
    expect(classifyChange(doc, next)).toEqual({ type: 'none' });
  });

  it('keeps the structure for node parameters and weight scales', () => {
    const next = edit(doc, (d) => {
      (d.nodes[1].params as { leak: number }).leak = 0.5;
      (d.edges[1].params.weight as { value: number }).value = 0.25;
    });
    expect(classifyChange(doc, next)).toEqual({ type: 'params', nodes: ['x'], edges: [{ id: 'self', factor: 0.5 }] });
  });

  it('calls added nodes, sizes and new weight rules structural', () => {
    const added = edit(doc, (d) => void d.nodes.push({ ...d.nodes[1], id: 'y' }));
    expect(classifyChange(doc, added)).toMatchObject({ type: 'structural', reason: 'nodes were added or removed' });
    const resized = edit(doc, (d) => {
      (d.nodes[1].params as { size: number }).size = 3;
    });
    expect(classifyChange(doc, resized)).toMatchObject({ type: 'structural', reason: 'node "x" changed size' });
    const resampled = edit(doc, (d) => {
      d.edges[1].params.weight = { type: 'uniform', low: 0, high: 1 };
    });
    expect(classifyChange(doc, resampled)).toMatchObject({ type: 'structural' });
  });

  it('turns scale and spectral radius into a factor', () => {
    const normal = { type: 'normal', mean: 0, std: 1 };
    const e = (options: Record<string, unknown>, w: Record<string, unknown> = normal) =>
      valid(rawDoc([node('a', 'rate', { size: 3 })], [edge('r', 'a', 'a', w, 1, options)])).edges[0];
    const base = { spectralRadius: 0.9 };
    expect(rescaleFactor(e(base), e({ spectralRadius: 1.8 }))).toBeCloseTo(2, 12);
    expect(rescaleFactor(e(base), e({ ...base, scale: 3 }))).toBe(3);
    expect(rescaleFactor(e(base), e(base, { ...normal, std: 2 }))).toBeNull();
    expect(rescaleFactor(e(base), e({ ...base, connectivity: 0.5 }))).toBeNull();
  });
});

describe('applying a live edit', () => {
  it('patches leak and input amplitude without a reset, from the next step', () => {
    const raw = rawDoc(
      [node('u', 'input', { size: 1, signal: { type: 'constant', value: 1 } }), node('x', 'rate', { size: 1, activation: 'linear', leak: 1 })],
      [edge('in', 'u', 'x', { type: 'constant', value: 1 })],
    );
    const doc = valid(raw);
    const sim = Simulator.fromDocument(doc);
    sim.run(3);
    expect(sim.node('x').output[0]).toBe(1);
    const next = edit(doc, (d) => {
      (d.nodes[0].params as { signal: { value: number } }).signal.value = 3;
      (d.nodes[1].params as { leak: number }).leak = 0.5;
    });
    const change = classifyChange(doc, next);
    expect(change.type).toBe('params');
    if (change.type !== 'params') return;
    expect(applyParams(sim.program, next, change)).toBe(true);
    sim.step(); // x = 0.5·1 + 0.5·3
    expect(sim.t).toBe(4);
    expect(sim.node('x').output[0]).toBe(2);
  });

  it('rescales a weight matrix in place, and the next reset uses the new rule', () => {
    const doc = valid(leakyUnitDoc());
    const sim = Simulator.fromDocument(doc);
    const next = edit(doc, (d) => {
      (d.edges[1].params.weight as { value: number }).value = 0.25;
    });
    const change = classifyChange(doc, next);
    if (change.type !== 'params') throw new Error('expected params');
    applyParams(sim.program, next, change);
    sim.run(3);
    expect(sim.node('x').output[0]).toBe(1 + 0.25 + 0.0625);
    sim.reset();
    sim.run(2);
    expect(sim.node('x').output[0]).toBe(1.25);
  });

  it('declines when a runtime has no setParams, leaving everything unchanged', () => {
    const raw = rawDoc([node('c', 'ctrnn', { size: 2 })]);
    const doc = valid(raw);
    const sim = Simulator.fromDocument(doc);
    const next = edit(doc, (d) => {
      (d.nodes[0].params as { tau?: number }).tau = 3;
    });
    const change = classifyChange(doc, next);
    expect(change).toEqual({ type: 'params', nodes: ['c'], edges: [] });
    if (change.type !== 'params') return;
    expect(sim.program.nodeById.get('c')!.setParams).toBeUndefined();
    expect(applyParams(sim.program, next, change)).toBe(false);
  });

  it('keeps the state of unchanged populations across a recompile', () => {
    const doc = valid(leakyUnitDoc());
    const sim = Simulator.fromDocument(doc);
    sim.run(4);
    const next = edit(doc, (d) => void d.nodes.push({ id: 'y', kind: 'rate', position: { x: 0, y: 0 }, params: { size: 2, activation: 'tanh', leak: 1, bias: 0, init: 0 } } as never));
    const program = compile(next);
    const replacement = new Simulator(program, sim.seed);
    expect(transferState(sim.program, program)).toEqual(['u', 'x']);
    replacement.t = sim.t;
    replacement.step();
    sim.step();
    expect(replacement.node('x').output[0]).toBe(sim.node('x').output[0]);
  });

  it('across a recompile keeps the weights of an edge only when its whole rule (weight and options) is the same', () => {
    const doc = valid(
      rawDoc(
        [node('u', 'input', { size: 2, signal: { type: 'constant', value: 1 } }), node('r', 'rate', { size: 20, activation: 'tanh' })],
        [edge('in', 'u', 'r', { type: 'uniform' }), edge('rec', 'r', 'r', { type: 'normal' }, 1, { spectralRadius: 1 })],
      ),
    );
    const sim = Simulator.fromDocument(doc);
    const weightsOf = (program: typeof sim.program, id: string) => {
      const w = program.edges.find((e) => e.id === id)!.weights;
      return w.format === 'dense' ? Float64Array.from(w.data) : Float64Array.from(w.values);
    };
    // a new input rule (structural) together with a new spectral radius of `rec`
    const next = edit(doc, (d) => {
      d.edges[0].params.weight = { type: 'uniform', low: -0.5, high: 0.5 };
      d.edges[1].params.spectralRadius = 1.25;
    });
    expect(classifyChange(doc, next).type).toBe('structural');
    const program = compile(next);
    program.initialise(sim.seed);
    const fresh = weightsOf(program, 'rec');
    transferState(sim.program, program);
    expect(weightsOf(program, 'rec')).toEqual(fresh); // not the old ρ = 1 matrix
    const old = weightsOf(sim.program, 'rec');
    weightsOf(program, 'rec').forEach((w, i) => expect(w).toBeCloseTo(old[i] * 1.25, 12));
  });
});
