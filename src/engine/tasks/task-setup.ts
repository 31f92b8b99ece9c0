/**
 * What a task needs from a document when the user leaves it unsaid — the same rules for the CLI
 * (`recurrence task`) and the app: which input drives the memory-capacity task, and its delays.
 */
import type { GraphDocument } from '../../model/index.ts';
import type { MemoryCapacityOptions } from './memory-capacity.ts';

/** Windows and regularisation of the memory-capacity task unless chosen (Jaeger 2001 used similar lengths). */
export const MEMORY_CAPACITY_DEFAULTS = { washout: 200, train: 4000, test: 2000, lambda: 1e-8 } as const;

type DocNode = GraphDocument['nodes'][number];

/** The input nodes that may drive the task: the one with a memory-capacity signal, else the only input; null when that is ambiguous. */
export function memoryCapacityInput(doc: GraphDocument): DocNode | null {
  const inputs = doc.nodes.filter((n) => n.kind === 'input');
  const task = inputs.filter((n) => n.kind === 'input' && n.params.signal.type === 'memory-capacity');
  if (task.length === 1) return task[0];
  return inputs.length === 1 ? inputs[0] : null;
}

/** K: the input signal's `max_delay`, else twice the node's size (MC ≤ N, so that reaches past it). */
export function defaultMaxDelay(node: DocNode, input: DocNode): number {
  const signal = input.kind === 'input' ? input.params.signal : undefined;
  return signal?.type === 'memory-capacity' ? signal.max_delay : 2 * Number((node.params as { size?: number }).size ?? 1);
}

/**
 * Full task options for `node` from a document and what the user chose (null input: no input
 * could be chosen). Throws nothing: the caller reports a missing node or input.
 */
export function memoryCapacityOptions(
  doc: GraphDocument,
  choice: { node: string; input?: string } & Partial<Omit<MemoryCapacityOptions, 'node' | 'input'>>,
): { ok: true; options: MemoryCapacityOptions } | { ok: false; error: string } {
  const node = doc.nodes.find((n) => n.id === choice.node);
  if (!node) return { ok: false, error: `no node with id "${choice.node}"` };
  const input = choice.input === undefined ? memoryCapacityInput(doc) : doc.nodes.find((n) => n.id === choice.input && n.kind === 'input');
  if (!input) {
    return { ok: false, error: choice.input === undefined ? 'the network has several inputs (or none): choose the one that drives the task' : `no input node with id "${choice.input}"` };
  }
  return {
    ok: true,
    options: {
      node: node.id,
      input: input.id,
      maxDelay: choice.maxDelay ?? defaultMaxDelay(node, input),
      washout: choice.washout ?? MEMORY_CAPACITY_DEFAULTS.washout,
      train: choice.train ?? MEMORY_CAPACITY_DEFAULTS.train,
      test: choice.test ?? MEMORY_CAPACITY_DEFAULTS.test,
      lambda: choice.lambda ?? MEMORY_CAPACITY_DEFAULTS.lambda,
    },
  };
}
