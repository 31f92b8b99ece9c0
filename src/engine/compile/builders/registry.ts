/** Builders of node kinds, registered by their `kind` string (the compile side of a kind). */
import type { NodeBuilder } from '../types.ts';
import { inputBuilder } from './input.ts';
import { rateBuilder } from './rate.ts';
import { lifBuilder } from './lif.ts';
import { izhikevichBuilder } from './izhikevich.ts';
import { poissonBuilder } from './poisson.ts';
import { ctrnnBuilder } from './ctrnn.ts';
import { wilsonCowanBuilder } from './wilson-cowan.ts';
import { hopfieldBuilder } from './hopfield.ts';
import { thresholdBuilder } from './threshold.ts';
import { readoutBuilder } from './readout.ts';

const builders = new Map<string, NodeBuilder>();

export function registerBuilder(builder: NodeBuilder): void {
  if (builders.has(builder.kind)) throw new Error(`builder for "${builder.kind}" registered twice`);
  builders.set(builder.kind, builder);
}

export function getBuilder(kind: string): NodeBuilder | undefined {
  return builders.get(kind);
}

for (const b of [inputBuilder, rateBuilder, ctrnnBuilder, wilsonCowanBuilder, lifBuilder, izhikevichBuilder, poissonBuilder, hopfieldBuilder, thresholdBuilder, readoutBuilder]) {
  registerBuilder(b);
}
