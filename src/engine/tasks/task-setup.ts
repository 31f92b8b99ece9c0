/**
 * What a task needs from a document when the user leaves it unsaid — the same rules for the CLI
 * (`recurrence task`) and the app: which input drives the memory-capacity task, and its delays.
 */
import { defaultMaxDelay, memoryCapacityInput, signalOf, type GraphDocument } from '../../model/index.ts';
import type { MemoryCapacityOptions } from './memory-capacity.ts';

export { defaultMaxDelay, memoryCapacityInput };

/** Windows and regularisation of the memory-capacity task unless chosen (Jaeger 2001 used similar lengths). */
export const MEMORY_CAPACITY_DEFAULTS = { washout: 200, train: 4000, test: 2000, lambda: 1e-8 } as const;


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
  const input = choice.input === undefined ? memoryCapacityInput(doc) : doc.nodes.find((n) => n.id === choice.input && signalOf(n) !== undefined);
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
