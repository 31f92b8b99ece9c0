/**
 * The registry of node kinds. Every kind registers its schema here; the validator, the
 * palette and the compiler look kinds up by their `kind` string.
 */
import type { KindSpec } from './kind-spec.ts';
import { inputKind } from './input.ts';
import { rateKind } from './rate.ts';
import { ctrnnKind } from './ctrnn.ts';
import { wilsonCowanKind } from './wilson-cowan.ts';
import { lifKind } from './lif.ts';
import { izhikevichKind } from './izhikevich.ts';
import { poissonKind } from './poisson.ts';
import { hopfieldKind } from './hopfield.ts';
import { thresholdKind } from './threshold.ts';
import { readoutKind } from './readout.ts';

const registry = new Map<string, KindSpec<unknown>>();

export function registerKind(spec: KindSpec<unknown>): void {
  if (registry.has(spec.kind)) throw new Error(`node kind "${spec.kind}" registered twice`);
  registry.set(spec.kind, spec);
}

export function getKind(kind: string): KindSpec<unknown> | undefined {
  return registry.get(kind);
}

export function allKinds(): KindSpec<unknown>[] {
  return [...registry.values()];
}

for (const spec of [inputKind, rateKind, ctrnnKind, wilsonCowanKind, lifKind, izhikevichKind, poissonKind, hopfieldKind, thresholdKind, readoutKind]) {
  registerKind(spec as KindSpec<unknown>);
}
