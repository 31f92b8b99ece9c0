/**
 * How the document model finds the node kinds: a small lookup by `kind` string that the kinds'
 * specs list (src/kinds/specs.ts, all the page loads) or registry (src/kinds/registry.ts, specs
 * with builders) fills once when it loads. The model itself imports no kind (and never a
 * builder): validation, the palette and the inspector ask this lookup.
 *
 * Every program that reads documents imports one of the two once at its entry (the page's
 * main.tsx and the classroom server the specs; the workers, the CLI, the benchmarks and the unit
 * tests' setup file the registry).
 */
import type { KindRole, KindSpec } from './kind-spec.ts';

let provided: ReadonlyMap<string, KindSpec<unknown>> | undefined;

/** Registers the node kinds (called by src/kinds/specs.ts and src/kinds/registry.ts); kind strings must be unique. */
export function provideKinds(kinds: readonly KindSpec<unknown>[]): void {
  const byKind = new Map<string, KindSpec<unknown>>();
  for (const spec of kinds) {
    if (byKind.has(spec.kind)) throw new Error(`node kind "${spec.kind}" registered twice`);
    byKind.set(spec.kind, spec);
  }
  provided = byKind;
}

function lookup(): ReadonlyMap<string, KindSpec<unknown>> {
  if (!provided) throw new Error('no node kinds are loaded: import src/kinds/specs.ts (or registry.ts, to compile) once at the entry of the program');
  return provided;
}

export function getKind(kind: string): KindSpec<unknown> | undefined {
  return lookup().get(kind);
}

/** Every kind, in registry order (the palette's order). */
export function allKinds(): KindSpec<unknown>[] {
  return [...lookup().values()];
}

/** How a kind takes part in a network (KindSpec.role): source, population or readout. */
export function kindRole(kind: string): KindRole | undefined {
  return getKind(kind)?.role;
}

/** Whether a kind's output is spike events (`output: 'spikes'`): event-driven delivery, spike panels. */
export function isSpikingKind(kind: string): boolean {
  return getKind(kind)?.output === 'spikes';
}
