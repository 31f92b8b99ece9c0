/**
 * How the compiler finds a node kind's builder: a small lookup by `kind` string that the kinds'
 * registry (src/kinds/registry.ts) fills once when it loads, as model/kind-lookup.ts does for the
 * specs. The engine itself imports no kind: the programs that compile (the stepping and analysis
 * workers, the export worker, the CLI, the benchmarks and the unit tests' setup file) import the
 * registry once at their entry.
 */
import type { NodeBuilder } from './types.ts';

let provided: ReadonlyMap<string, NodeBuilder<unknown>> | undefined;

/** Registers the builders by kind string (called by src/kinds/registry.ts); kind strings must be unique. */
export function provideBuilders(builders: readonly { readonly kind: string; readonly builder: NodeBuilder<unknown> }[]): void {
  const byKind = new Map<string, NodeBuilder<unknown>>();
  for (const { kind, builder } of builders) {
    if (byKind.has(kind)) throw new Error(`node kind "${kind}" has two builders`);
    byKind.set(kind, builder);
  }
  provided = byKind;
}

/** The builder of a kind, or undefined for a kind without one. */
export function builderOf(kind: string): NodeBuilder<unknown> | undefined {
  if (!provided) throw new Error('no node builders are loaded: import src/kinds/registry.ts once at the entry of the program');
  return provided.get(kind);
}
