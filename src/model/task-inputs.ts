/**
 * What the memory-capacity task takes from a document when the user leaves it unsaid — the same
 * rules for the CLI (`recurrence task`), the worker and the app's dialog: which input drives it,
 * and how many delays it reads.
 */
import type { GraphDocument } from './document.ts';
import { getKind } from './kind-lookup.ts';
import type { Signal } from './signals.ts';

type DocNode = GraphDocument['nodes'][number];

/** The external signal a node plays, when its kind plays one (KindSpec.signal: the input kind). */
export function signalOf(node: DocNode): Signal | undefined {
  return getKind(node.kind)?.signal?.(node.params);
}

/** The nodes that may drive the task: the one with a memory-capacity signal, else the only signal source; null when that is ambiguous. */
export function memoryCapacityInput(doc: GraphDocument): DocNode | null {
  const inputs = doc.nodes.filter((n) => signalOf(n) !== undefined);
  const task = inputs.filter((n) => signalOf(n)!.type === 'memory-capacity');
  if (task.length === 1) return task[0];
  return inputs.length === 1 ? inputs[0] : null;
}

/** K: the input signal's `max_delay`, else twice the node's size (MC ≤ N, so that reaches past it). */
export function defaultMaxDelay(node: DocNode, input: DocNode): number {
  const signal = signalOf(input);
  return signal?.type === 'memory-capacity' ? signal.max_delay : 2 * Number((node.params as { size?: number }).size ?? 1);
}
