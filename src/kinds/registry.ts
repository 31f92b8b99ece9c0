/**
 * The one list of node kinds with their builders and exports, in the palette's order: what the
 * compiler and the exporters need. Only the programs that compile or export import it (the
 * workers' entries, the CLI, the benchmarks, the unit tests' setup file); the page loads
 * specs.ts, the kinds' specs alone. Each kind is a folder (src/kinds/<kind>/: schema, builder,
 * capabilities, documentation line) and one line here and one in specs.ts (test/kinds.test.ts
 * checks both lists name the same kinds). Loading this module hands the specs to the document
 * model (model/kind-lookup.ts) and the builders to the compiler (engine/compile/builder-lookup.ts).
 */
import { provideKinds } from '../model/index.ts';
import { provideBuilders } from '../engine/compile/builder-lookup.ts';
import type { Kind } from './kind.ts';
import { KIND_SPECS } from './specs.ts';
import { inputKind } from './input/index.ts';
import { rateKind } from './rate/index.ts';
import { ctrnnKind } from './ctrnn/index.ts';
import { wilsonCowanKind } from './wilson-cowan/index.ts';
import { lifKind } from './lif/index.ts';
import { izhikevichKind } from './izhikevich/index.ts';
import { poissonKind } from './poisson/index.ts';
import { hopfieldKind } from './hopfield/index.ts';
import { thresholdKind } from './threshold/index.ts';
import { readoutKind } from './readout/index.ts';

export const KINDS: readonly Kind[] = [inputKind, rateKind, ctrnnKind, wilsonCowanKind, lifKind, izhikevichKind, poissonKind, hopfieldKind, thresholdKind, readoutKind];

const names = (list: readonly { kind: string }[]) => list.map((k) => k.kind).join(', ');
if (names(KINDS) !== names(KIND_SPECS)) throw new Error(`src/kinds/registry.ts lists ${names(KINDS)} but src/kinds/specs.ts ${names(KIND_SPECS)}: one line per kind in each, same order`);
// after specs.ts (loaded above) has handed over the specs alone: the model gets them with their builders
provideKinds(KINDS);
provideBuilders(KINDS);

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

/** The kind of a `kind` string (spec, builder and exports), or undefined for an unknown kind. */
export function kindOf(kind: string): Kind | undefined {
  return byKind.get(kind);
}
