/**
 * The one list of node kinds. Each entry pairs a kind's schema (src/kinds/<kind>/schema.ts) with
 * its builder (src/kinds/<kind>/builder.ts); the list's order is the palette's order. Loading
 * this module hands the schemas to the document model (model/kind-lookup.ts); the compiler
 * looks builders up here.
 */
import { provideKinds, type KindSpec } from '../model/index.ts';
import type { NodeBuilder } from '../engine/compile/types.ts';
import { inputKind } from './input/schema.ts';
import { inputBuilder } from './input/builder.ts';
import { rateKind } from './rate/schema.ts';
import { rateBuilder } from './rate/builder.ts';
import { ctrnnKind } from './ctrnn/schema.ts';
import { ctrnnBuilder } from './ctrnn/builder.ts';
import { wilsonCowanKind } from './wilson-cowan/schema.ts';
import { wilsonCowanBuilder } from './wilson-cowan/builder.ts';
import { lifKind } from './lif/schema.ts';
import { lifBuilder } from './lif/builder.ts';
import { izhikevichKind } from './izhikevich/schema.ts';
import { izhikevichBuilder } from './izhikevich/builder.ts';
import { poissonKind } from './poisson/schema.ts';
import { poissonBuilder } from './poisson/builder.ts';
import { hopfieldKind } from './hopfield/schema.ts';
import { hopfieldBuilder } from './hopfield/builder.ts';
import { thresholdKind } from './threshold/schema.ts';
import { thresholdBuilder } from './threshold/builder.ts';
import { readoutKind } from './readout/schema.ts';
import { readoutBuilder } from './readout/builder.ts';

const KINDS: readonly (readonly [KindSpec<unknown>, NodeBuilder])[] = [
  [inputKind as KindSpec<unknown>, inputBuilder],
  [rateKind as KindSpec<unknown>, rateBuilder],
  [ctrnnKind as KindSpec<unknown>, ctrnnBuilder],
  [wilsonCowanKind as KindSpec<unknown>, wilsonCowanBuilder],
  [lifKind as KindSpec<unknown>, lifBuilder],
  [izhikevichKind as KindSpec<unknown>, izhikevichBuilder],
  [poissonKind as KindSpec<unknown>, poissonBuilder],
  [hopfieldKind as KindSpec<unknown>, hopfieldBuilder],
  [thresholdKind as KindSpec<unknown>, thresholdBuilder],
  [readoutKind as KindSpec<unknown>, readoutBuilder],
];

const builders = new Map(KINDS.map(([, builder]) => [builder.kind, builder]));

provideKinds(KINDS.map(([spec]) => spec));

export function getBuilder(kind: string): NodeBuilder | undefined {
  return builders.get(kind);
}
