/**
 * The lesson steps about a trained readout's error and a memory capacity, against what the engine
 * computes when a student follows them (the Train / Memory capacity results): each step holds
 * after its change, and not on the preset as it opens.
 */
import { describe, expect, it } from 'vitest';
import { memoryCapacity, memoryCapacityOptions, Simulator, trainReadouts } from '../../engine/index.ts';
import { validateDocument, type GraphDocument } from '../../model/index.ts';
import { evaluate, type CheckContext, type TaskQuantity } from './checks.ts';
import { findPreset } from './catalog.ts';
import { lessonChecks } from './lessonChecks.ts';

type Edit = (doc: { nodes: { id: string; params: Record<string, unknown> }[]; edges: { id: string; params: Record<string, unknown> }[] }) => void;

function edited(name: string, edit: Edit): GraphDocument {
  const raw = structuredClone(findPreset(name)!.doc) as unknown as Parameters<Edit>[0];
  edit(raw);
  const r = validateDocument(raw);
  if (!r.ok) throw new Error(`${name}: the edit made an invalid document`);
  return r.doc;
}

/** A check context whose task results are the engine's for this document (what the dialogs show). */
function afterTasks(doc: GraphDocument): CheckContext {
  return {
    doc,
    trace: () => null,
    taskValue(q: TaskQuantity) {
      if (q.task === 'memory-capacity') {
        const o = memoryCapacityOptions(doc, { node: q.node });
        return o.ok ? memoryCapacity(Simulator.fromDocument(doc), o.options).mc : null;
      }
      return trainReadouts(Simulator.fromDocument(doc))[q.readout][q.task] ?? null;
    },
  };
}

const node = (d: Parameters<Edit>[0], id: string) => d.nodes.find((n) => n.id === id)!.params;
const edge = (d: Parameters<Edit>[0], id: string) => d.edges.find((e) => e.id === id)!.params;
const weight = (d: Parameters<Edit>[0], id: string) => edge(d, id).weight as Record<string, number>;

const CASES: [string, number, Edit][] = [
  ['esn-mackey-glass', 1, () => undefined],
  ['esn-mackey-glass', 2, (d) => void ((node(d, 'u').signal as Record<string, number>).horizon = 20)],
  ['esn-mackey-glass', 3, (d) => void (d.edges = d.edges.filter((e) => e.id !== 'ro'))],
  ['esn-narma10', 1, () => undefined],
  ['esn-narma10', 2, (d) => void (node(d, 'res').size = 20)],
  ['esn-narma10', 4, (d) => void (edge(d, 'rec').spectralRadius = 1.5)],
  ['esn-memory-capacity', 1, () => undefined],
  ['esn-memory-capacity', 2, (d) => void (node(d, 'res').size = 10)],
  ['esn-memory-capacity', 3, (d) => void (edge(d, 'rec').spectralRadius = 0.5)],
  ['esn-memory-capacity', 4, (d) => Object.assign(weight(d, 'in'), { low: -1, high: 1 })],
  ['esn-ip', 2, (d) => void ((node(d, 'res').plasticity as Record<string, unknown>).frozen = true)],
  ['elman', 1, () => undefined],
  ['elman', 3, (d) => void (node(d, 'out').training = { method: 'ridge', lambda: 1e-4 })],
  ['jordan', 1, () => undefined],
  ['jordan', 3, (d) => void (node(d, 'y').training = { method: 'ridge', lambda: 1e-6 })],
  ['jordan', 4, (d) => void (weight(d, 'decay').value = 0.95)],
  ['xor-memory', 1, () => undefined],
  ['xor-memory', 3, (d) => void (node(d, 'out').training = { method: 'ridge', lambda: 1e-6 })],
  ['vanishing-gradients', 1, () => undefined],
  ['vanishing-gradients', 2, (d) => void (edge(d, 'rec').spectralRadius = 0.5)],
  ['vanishing-gradients', 3, (d) => void (edge(d, 'rec').spectralRadius = 3)],
];

describe('lesson steps checked by task results', () => {
  it.each(CASES)('%s step %i holds once the student made the change and ran the task', (name, step, edit) => {
    const predicate = lessonChecks[name][step];
    expect(evaluate(predicate, afterTasks(edited(name, edit)))).toBe(true);
    // without the task results it is undecided, never ticked
    expect(evaluate(predicate, { doc: edited(name, edit), trace: () => null })).toBe(null);
  });

  it.each(CASES.filter(([, step]) => step > 1))('%s step %i does not hold on the preset as it opens', (name, step) => {
    expect(evaluate(lessonChecks[name][step], afterTasks(edited(name, () => undefined)))).toBe(false);
  });
});
