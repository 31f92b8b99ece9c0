/**
 * Exported notebooks executed by Jupyter (nbconvert, Debian's Python): each notebook's trace must
 * equal `recurrence run --format json`'s (the same runWithProbes) to ≤ 1e-6 over 1,000 steps,
 * for every probe. Presets of different kinds: a rate reservoir with intrinsic plasticity,
 * Wilson–Cowan populations (ODEs), Matsuoka's CPG (CTRNN nodes coupled by delay-0 edges: one ODE
 * system, integrated with every coupling in every RK4 stage), SORN (threshold units, STDP, normalisation, threshold IP) and
 * an asynchronous Hopfield network (the engine's update order embedded). Networks with readouts
 * trained by ridge, LMS or RLS (a Mackey–Glass ESN; the adding problem, whose mask scores the
 * sequence ends, with one readout of each) end with a section that trains them as
 * `recurrence train` does: its printed NRMSEs must equal trainReadouts' (what `recurrence train
 * --json` prints) to ≤ 1e-6.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, Simulator, trainReadouts, type ReadoutReport } from '../../src/engine/index.ts';
import { edge, node, rawDoc, valid } from '../../src/test-support/docs.ts';
import { parseDocumentText, type GraphDocument } from '../../src/model/index.ts';
import { notebookFromProgram } from '../../src/export/notebook/notebook.ts';
import { runWithProbes, type RunResult } from '../../src/cli/commands/run.ts';
import { repoRoot } from '../../src/test-support/reference.ts';
import { notebookToolsMissing, PYTHON, runTool } from './python-tools.ts';

const STEPS = 1000;
const PRESETS: { name: string; probes?: string[] }[] = [
  { name: 'esn-ip', probes: ['u', 'res', 'res.gain', 'res.bias', 'res.net', 'out'] },
  { name: 'wilson-cowan', probes: ['wc', 'wc.E', 'wc.I'] },
  { name: 'cpg', probes: ['y', 'y.y', 'v'] },
  { name: 'sorn', probes: ['u', 'E', 'I', 'EI.w', 'IE.w[123]'] },
  { name: 'hopfield', probes: ['h', 'h.energy', 'h.order'] },
];

/** The adding problem (sequences of 10 steps, scored at their ends) read by one readout of each method. */
function onlineReadouts(): GraphDocument {
  const windows = { target: 'u.target', washout: 20, train: 400, test: 200 };
  return valid(
    rawDoc(
      [
        node('u', 'input', { size: 2, signal: { type: 'adding', length: 10 } }),
        node('res', 'rate', { size: 30, activation: 'tanh', leak: 0.5 }),
        node('ridge', 'readout', { ...windows, training: { method: 'ridge', lambda: 1e-6 } }),
        node('lms', 'readout', { ...windows, training: { method: 'lms', eta: 0.01 } }),
        node('rls', 'readout', { ...windows, training: { method: 'rls', forgetting: 0.999, delta: 1 } }),
      ],
      [
        edge('in', 'u', 'res', { type: 'uniform', low: -1, high: 1 }),
        edge('rec', 'res', 'res', { type: 'normal' }, 1, { spectralRadius: 0.9 }),
        ...['ridge', 'lms', 'rls'].map((r) => ({ id: `to-${r}`, source: 'res', target: r })),
      ],
      { seed: 8 },
    ),
  );
}

const TRAINED: { name: string; doc: () => GraphDocument }[] = [
  { name: 'esn-mackey-glass', doc: () => preset('esn-mackey-glass') },
  { name: 'online-readouts', doc: onlineReadouts },
];

function preset(name: string): GraphDocument {
  const parsed = parseDocumentText(readFileSync(path.join(repoRoot, 'presets', `${name}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`preset ${name} does not validate`);
  return parsed.doc;
}

const missing = notebookToolsMissing();
if (missing) console.warn(`notebook execution tests skipped: ${missing}`);

describe.runIf(!missing)(`exported notebooks executed by nbconvert${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let dir = '';
  const engine = new Map<string, RunResult>();
  const notebook = new Map<string, RunResult>();
  const cliTraining = new Map<string, Record<string, ReadoutReport>>();

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'recurrence-nb-'));
    const files: string[] = [];
    for (const p of PRESETS) {
      const doc = preset(p.name);
      const probes = p.probes ?? doc.nodes.map((n) => n.id);
      const nb = notebookFromProgram(compile(doc), { steps: STEPS, probes });
      // each notebook writes its own OUT: the parameters cell is the one to change, as papermill would
      const params = nb.cells.find((c) => c.cell_type === 'code' && c.metadata.tags?.includes('parameters'))!;
      params.source = [`STEPS = ${STEPS}\n`, `OUT = "${p.name}.trace.json"`];
      writeFileSync(path.join(dir, `${p.name}.ipynb`), JSON.stringify(nb));
      files.push(`${p.name}.ipynb`);
      engine.set(p.name, runWithProbes(Simulator.fromDocument(doc), probes, STEPS));
    }
    for (const t of TRAINED) {
      const doc = t.doc();
      const nb = notebookFromProgram(compile(doc), { steps: 100 });
      const params = nb.cells.find((c) => c.cell_type === 'code' && c.metadata.tags?.includes('parameters'))!;
      params.source = ['STEPS = 100\n', `OUT = "${t.name}.trace.json"`];
      writeFileSync(path.join(dir, `${t.name}.ipynb`), JSON.stringify(nb));
      files.push(`${t.name}.ipynb`);
      cliTraining.set(t.name, trainReadouts(Simulator.fromDocument(doc)));
    }
    runTool(PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--inplace', ...files], dir, 600_000);
    for (const p of PRESETS) notebook.set(p.name, JSON.parse(readFileSync(path.join(dir, `${p.name}.trace.json`), 'utf8')));
  }, 900_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const p of PRESETS) {
    it(`${p.name}: the notebook's trace equals recurrence run's to ≤ 1e-6 over ${STEPS} steps, every probe`, () => {
      const a = engine.get(p.name)!;
      const b = notebook.get(p.name)!;
      expect(b.seed).toBe(a.seed);
      expect(b.steps).toBe(STEPS);
      expect(Object.keys(b.probes)).toEqual(Object.keys(a.probes));
      for (const [name, probe] of Object.entries(a.probes)) {
        const got = b.probes[name];
        expect(got.size, name).toBe(probe.size);
        expect(got.values.length, name).toBe(STEPS);
        let worst = 0;
        probe.values.forEach((row, t) => row.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - got.values[t][i])))));
        expect(worst, `${p.name} probe ${name}: largest difference`).toBeLessThanOrEqual(1e-6);
      }
    });
  }

  for (const t of TRAINED) {
    it(`${t.name}: the training section's NRMSEs (train and test, every readout) equal recurrence train's to ≤ 1e-6`, () => {
      const nb = JSON.parse(readFileSync(path.join(dir, `${t.name}.ipynb`), 'utf8'));
      const last = nb.cells[nb.cells.length - 1];
      const printed = last.outputs.flatMap((o: { text?: string[] }) => o.text ?? []).join('').trim().split('\n');
      const got = JSON.parse(printed[printed.length - 1]) as Record<string, { method: string; nrmse_train: number; nrmse_test: number | null }>;
      const cli = cliTraining.get(t.name)!;
      expect(Object.keys(got).sort()).toEqual(Object.keys(cli).sort());
      for (const [id, report] of Object.entries(cli)) {
        expect(got[id].method, id).toBe(report.method);
        expect(Math.abs(got[id].nrmse_train - report.nrmse_train), `${t.name} ${id}: NRMSE train ${got[id].nrmse_train} vs ${report.nrmse_train}`).toBeLessThanOrEqual(1e-6);
        expect(report.nrmse_test, id).not.toBeNull();
        expect(Math.abs(got[id].nrmse_test! - report.nrmse_test!), `${t.name} ${id}: NRMSE test ${got[id].nrmse_test} vs ${report.nrmse_test}`).toBeLessThanOrEqual(1e-6);
      }
      // the section printed one line per readout besides the JSON
      expect(printed.filter((l: string) => / NRMSE train /.test(l))).toHaveLength(Object.keys(cli).length);
    });
  }

  it('the executed notebooks drew their plots (an image output in the last cell)', () => {
    const nb = JSON.parse(readFileSync(path.join(dir, 'wilson-cowan.ipynb'), 'utf8'));
    const last = nb.cells[nb.cells.length - 1];
    expect(last.outputs.some((o: { data?: Record<string, unknown> }) => o.data?.['image/png'])).toBe(true);
  });
});
