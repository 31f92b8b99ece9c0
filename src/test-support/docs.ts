/** Small graph documents for tests, built in code so each test states exactly what it runs. */
import { readFileSync } from 'node:fs';
import type { GraphDocument } from '../model/index.ts';
import { CURRENT_VERSION, validateDocument, formatIssue } from '../model/index.ts';

export type RawDoc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

export function rawDoc(nodes: Record<string, unknown>[], edges: Record<string, unknown>[] = [], extra: Record<string, unknown> = {}): RawDoc {
  return { format: 'recurrence-graph', version: CURRENT_VERSION, title: 'test', seed: 1, dt: 1, nodes, edges, ...extra };
}

export function node(id: string, kind: string, params: Record<string, unknown>, x = 0): Record<string, unknown> {
  return { id, kind, position: { x, y: 0 }, params };
}

export function edge(id: string, source: string, target: string, weight: Record<string, unknown>, delay = 0, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, source, target, params: { weight, delay, ...extra } };
}

/** Validates or throws with every issue, for tests that need a valid document. */
export function valid(raw: unknown): GraphDocument {
  const r = validateDocument(raw);
  if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
  return r.doc;
}

/**
 * A small BPTT network (xor-memory, lag 1, into 5 tanh units and a logistic readout, 2 epochs):
 * training changes the input and recurrent weights, the bias of `a` and W_out.
 */
export function bpttXorDoc(): GraphDocument {
  return valid(
    rawDoc(
      [
        node('u', 'input', { signal: { type: 'xor-memory', lag: 1 } }),
        node('a', 'rate', { size: 5, activation: 'tanh', leak: 0.7 }),
        node('out', 'readout', { target: 'u.target', washout: 5, train: 60, test: 20, training: { method: 'bptt', optimizer: 'adam', learning_rate: 0.05, epochs: 2, truncation: 10, loss: 'bce' } }),
      ],
      [edge('in', 'u', 'a', { type: 'uniform', low: -1, high: 1 }), edge('rec', 'a', 'a', { type: 'normal' }, 1, { spectralRadius: 0.9 }), { id: 'ro', source: 'a', target: 'out' }],
      { seed: 4 },
    ),
  );
}

/** The issue's example: a constant input into a linear unit with a delayed self-loop of 0.5. */
export function leakyUnitDoc(): RawDoc {
  return rawDoc(
    [
      node('u', 'input', { size: 1, signal: { type: 'constant', value: 1 } }),
      node('x', 'rate', { size: 1, activation: 'linear', leak: 1, bias: 0, init: 0 }, 200),
    ],
    [edge('in', 'u', 'x', { type: 'constant', value: 1 }), edge('self', 'x', 'x', { type: 'constant', value: 0.5 }, 1)],
    { seed: 7, title: 'Leaky unit with self-excitation' },
  );
}

/** The raw JSON of presets/NAME.json (to run it as is, or to change one parameter first). */
export function presetRaw(name: string): RawDoc {
  const path = new URL(`../../presets/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')) as RawDoc;
}

/** presets/NAME.json, validated; `edit` may change the raw document first (e.g. a sweep). */
export function loadPreset(name: string, edit?: (raw: RawDoc) => void): GraphDocument {
  const raw = presetRaw(name);
  edit?.(raw);
  return valid(raw);
}

/** The raw params of node `id` of a raw document (for edits before validation). */
export function rawNodeParams(raw: RawDoc, id: string): Record<string, unknown> {
  const n = raw.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node "${id}"`);
  return n.params as Record<string, unknown>;
}

/** The raw params of edge `id` of a raw document. */
export function rawEdgeParams(raw: RawDoc, id: string): Record<string, unknown> & { weight: Record<string, unknown> } {
  const e = raw.edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge "${id}"`);
  return e.params as Record<string, unknown> & { weight: Record<string, unknown> };
}
