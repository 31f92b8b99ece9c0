import { describe, expect, it } from 'vitest';
import { compile, describeSchedule } from '../../engine/index.ts';
import { leakyUnitDoc, loadPreset, valid } from '../../test-support/docs.ts';
import { captureOutput, tempFiles } from '../../test-support/cli.ts';
import { main } from '../../cli/main.ts';
import { unpackBase64 } from '../../common/base64.ts';
import { ExportError } from '../../common/export-error.ts';
import { notebookFromProgram } from './notebook.ts';
import type { Cell, CodeCell } from './nbformat.ts';

const text = (c: Cell) => c.source.join('');
const code = (cells: Cell[]) => cells.filter((c) => c.cell_type === 'code');

describe('notebook writer', () => {
  it('writes nbformat 4 whose first code cell is tagged "parameters" and sets STEPS and OUT', () => {
    const nb = notebookFromProgram(compile(valid(leakyUnitDoc())), { steps: 250 });
    expect(nb.nbformat).toBe(4);
    expect(nb.nbformat_minor).toBe(5);
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'python3', language: 'python' });
    const first = code(nb.cells)[0];
    expect(first.metadata.tags).toEqual(['parameters']);
    expect(text(first)).toBe('STEPS = 250\nOUT = "trace.json"');
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(nb.cells.length);
    for (const c of nb.cells) for (const line of c.source.slice(0, -1)) expect(line.endsWith('\n')).toBe(true);
  });

  it('imports numpy and matplotlib only (besides the standard library)', () => {
    const nb = notebookFromProgram(compile(loadPreset('esn-ip')), { steps: 10 });
    const imports = code(nb.cells).flatMap((c) => text(c).split('\n')).filter((l) => /^\s*(import|from) /.test(l));
    expect(imports.sort()).toEqual(['import base64', 'import json', 'import matplotlib.pyplot as plt', 'import numpy as np']);
  });

  it('has one markdown cell per node kind, with its equation and source', () => {
    const nb = notebookFromProgram(compile(loadPreset('esn-ip')), { steps: 10 });
    const md = nb.cells.filter((c) => c.cell_type === 'markdown').map(text);
    expect(md.filter((t) => t.startsWith('**input**'))).toHaveLength(1);
    expect(md.find((t) => t.startsWith('**rate**'))).toMatch(/Jaeger 2001/);
    expect(md.find((t) => t.startsWith('**readout**'))).toMatch(/W_\{out\}/);
    expect(md.find((t) => t.startsWith('## Plasticity'))).toMatch(/Schrauwen et al\. 2008/);
  });

  it('has one code cell per schedule operation, in the compiled order, each stating its equation', () => {
    const program = compile(loadPreset('ff-vs-recurrent'));
    const schedule = describeSchedule(program.schedule);
    const nb = notebookFromProgram(program, { steps: 10 });
    const ops = code(nb.cells).filter((c) => /^def op_\d+/m.test(text(c)));
    expect(ops).toHaveLength(schedule.length);
    ops.forEach((c, i) => {
      const entry = schedule[i];
      expect(text(c)).toContain(`def op_${String(i + 1).padStart(2, '0')}_${entry.type}_`);
      expect(text(c)).toContain(JSON.stringify(entry.equation));
    });
    const loop = code(nb.cells).find((c) => text(c).startsWith('schedule = ['))!;
    expect(text(loop)).toContain(`schedule = [${ops.map((c) => /def (op_\w+)\(t\)/.exec(text(c))![1]).join(', ')}]`);
  });

  it('writes delayed edges as explicit buffers of past outputs', () => {
    const nb = notebookFromProgram(compile(valid(leakyUnitDoc())), { steps: 10 });
    const all = code(nb.cells).map(text).join('\n');
    expect(all).toContain('hist["x"] = np.tile(state["x"]["output"], (1, 1))');
    expect(all).toContain('inp["x"] += W["self"] @ hist["x"][(t - 1) % 1]');
    expect(all).toContain('hist["x"][t % 1] = state["x"]["output"]');
  });

  it("embeds the engine's sampled weights and initial states bit for bit", () => {
    const program = compile(loadPreset('esn-sine'));
    const nb = notebookFromProgram(program, { steps: 5 });
    program.initialise(program.doc.seed);
    const all = code(nb.cells).map(text).join('\n');
    for (const e of program.edges) {
      const m = new RegExp(`W\\["${e.id}"\\] = unpack\\("([^"]+)", "<f8", \\((\\d+), (\\d+)\\)\\)`).exec(all);
      expect(m, `edge ${e.id}`).not.toBeNull();
      const dense = unpackBase64(m![1], 'float64');
      expect([Number(m![2]), Number(m![3])]).toEqual([e.rows, e.cols]);
      const w = e.weights;
      const expected = new Float64Array(e.rows * e.cols);
      if (w.format === 'dense') expected.set(w.data);
      else for (let i = 0; i < w.rows; i++) for (let k = w.rowPtr[i]; k < w.rowPtr[i + 1]; k++) expected[i * w.cols + w.colIdx[k]] = w.values[k];
      expect(dense).toEqual(expected);
    }
  });

  it("embeds noise for the exported steps: the engine's own draws, and an assertion on STEPS", () => {
    const doc = valid({
      ...leakyUnitDoc(),
      nodes: [
        { id: 'u', kind: 'input', position: { x: 0, y: 0 }, params: { size: 2, signal: { type: 'gaussian', mean: 0, std: 1 } } },
        { id: 'x', kind: 'rate', position: { x: 0, y: 0 }, params: { size: 1 } },
      ],
      edges: [{ id: 'in', source: 'u', target: 'x', params: { weight: { type: 'constant', value: 1 } } }],
    });
    const program = compile(doc);
    const nb = notebookFromProgram(program, { steps: 7 });
    const all = code(nb.cells).map(text).join('\n');
    const m = /draws\["u"\] = \{"output": unpack\("([^"]+)", "<f8", \(7, 2\)\)\}/.exec(all);
    expect(m).not.toBeNull();
    const drawn = unpackBase64(m![1], 'float64');
    program.initialise(doc.seed);
    const u = program.nodeById.get('u')!;
    for (let t = 0; t < 7; t++) {
      for (const op of program.schedule) op.run(t);
      expect(Array.from(drawn.subarray(2 * t, 2 * t + 2))).toEqual(Array.from(u.output));
    }
    expect(all).toContain('assert STEPS <= DRAWN_STEPS');
  });

  it('refuses spiking kinds in one line naming the nodes and the kinds it can export', () => {
    const program = compile(loadPreset('izhikevich-firing-types'));
    expect(() => notebookFromProgram(program, { steps: 10 })).toThrow(ExportError);
    try {
      notebookFromProgram(program, { steps: 10 });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toContain('"rs" (izhikevich), "ib" (izhikevich), "ch" (izhikevich), "fs" (izhikevich)');
      expect(message).toContain('input, rate, ctrnn, wilson-cowan, hopfield, threshold, readout');
      expect(message).toContain('--to pynn');
    }
  });

  it('refuses a probe the engine does not have, naming it', () => {
    expect(() => notebookFromProgram(compile(valid(leakyUnitDoc())), { steps: 10, probes: ['x.nothing'] })).toThrow(/node "x" has no variable "nothing"/);
  });
});

describe('recurrence export --to notebook', () => {
  const io = captureOutput();
  const { file, path } = tempFiles('recurrence-export-');

  it('writes the notebook to --out and honours --steps, --probe and --seed', async () => {
    const out = path('net.ipynb');
    expect(await main(['export', file('doc.json', leakyUnitDoc()), '--to', 'notebook', '--steps', '42', '--probe', 'x', '--seed', '9', '--out', out])).toBe(0);
    const { readFileSync } = await import('node:fs');
    const nb = JSON.parse(readFileSync(out, 'utf8'));
    expect(nb.metadata.recurrence).toEqual({ format: 'recurrence-notebook', seed: 9, steps: 42, probes: ['x'] });
    expect(nb.cells.find((c: CodeCell) => c.metadata.tags?.includes('parameters')).source.join('')).toContain('STEPS = 42');
  });

  it('exits 1 with one line for a spiking network, a bad --to and a bad --steps', async () => {
    const lif = file('lif.json', { ...leakyUnitDoc(), nodes: [{ id: 'n', kind: 'lif', position: { x: 0, y: 0 }, params: {} }], edges: [] });
    expect(await main(['export', lif, '--to', 'notebook'])).toBe(1);
    expect(io.err).toMatch(/^recurrence: cannot export to a notebook: node "n" \(lif\) is not of a kind the notebook can run .*\n$/);
    io.err = '';
    expect(await main(['export', lif, '--to', 'matlab'])).toBe(1);
    expect(io.err).toBe('recurrence: --to must be notebook or pynn, got "matlab"\n');
    io.err = '';
    expect(await main(['export', file('ok.json', leakyUnitDoc()), '--to', 'notebook', '--steps', '0'])).toBe(1);
    expect(io.err).toMatch(/--steps must be a whole number/);
  });
});
