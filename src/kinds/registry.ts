/**
 * The one list of node kinds, in the palette's order. Each kind is a folder
 * (src/kinds/<kind>/: schema, builder, capabilities, documentation line) and one line here.
 * Loading this module hands the kinds' specs to the document model (model/kind-lookup.ts); the
 * compiler finds builders with `kindOf`.
 */
import { provideKinds } from '../model/index.ts';
import type { Kind } from './kind.ts';
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

provideKinds(KINDS);

const byKind = new Map(KINDS.map((k) => [k.kind, k]));

/** The kind of a `kind` string (spec and builder), or undefined for an unknown kind. */
export function kindOf(kind: string): Kind | undefined {
  return byKind.get(kind);
}
