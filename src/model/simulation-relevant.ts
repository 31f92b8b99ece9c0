/**
 * Whether an edit of the document matters to the simulation — the one definition: the page
 * sends only such edits to the engine (every frame of a drag would otherwise), task results go
 * stale on them, and the engine's classifyChange starts from it. Moving, renaming or grouping
 * nodes, the title, the description and the panel layout do not matter.
 */
import type { GraphDocument } from './document.ts';

/** Top-level fields that only describe or lay out the network. */
const PRESENTATION_KEYS: ReadonlySet<string> = new Set(['title', 'description', 'panels', 'nodes', 'edges']);

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function changesSimulation(before: GraphDocument, after: GraphDocument): boolean {
  if (before === after) return false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (!PRESENTATION_KEYS.has(key) && !same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key])) return true;
  }
  if (before.nodes.length !== after.nodes.length || before.edges.length !== after.edges.length) return true;
  for (let i = 0; i < before.nodes.length; i++) {
    const a = before.nodes[i];
    const b = after.nodes[i];
    if (a === b) continue;
    if (a.id !== b.id || a.kind !== b.kind || !same(a.params, b.params)) return true;
  }
  for (let i = 0; i < before.edges.length; i++) {
    const a = before.edges[i];
    const b = after.edges[i];
    if (a === b) continue;
    if (a.id !== b.id || a.source !== b.source || a.target !== b.target || !same(a.params, b.params)) return true;
  }
  return false;
}
