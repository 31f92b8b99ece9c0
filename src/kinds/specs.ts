/**
 * The one list of node kinds' specs, in the palette's order: what the page (and anything that
 * only reads documents: the classroom server) knows about a kind — schema, capabilities,
 * documentation — and nothing of how it is compiled. Loading this module hands the specs to the
 * document model (model/kind-lookup.ts). Each kind is a folder (src/kinds/<kind>/) and one line
 * here and one in registry.ts (its builder and exports, for the compiler: workers, CLI, tests);
 * test/kinds.test.ts checks both lists name the same kinds in the same order.
 */
import { provideKinds, type KindSpec } from '../model/index.ts';
import { inputSpec } from './input/schema.ts';
import { rateSpec } from './rate/schema.ts';
import { ctrnnSpec } from './ctrnn/schema.ts';
import { wilsonCowanSpec } from './wilson-cowan/schema.ts';
import { lifSpec } from './lif/schema.ts';
import { izhikevichSpec } from './izhikevich/schema.ts';
import { poissonSpec } from './poisson/schema.ts';
import { hopfieldSpec } from './hopfield/schema.ts';
import { thresholdSpec } from './threshold/schema.ts';
import { readoutSpec } from './readout/schema.ts';

export const KIND_SPECS: readonly KindSpec<unknown>[] = [
  inputSpec,
  rateSpec,
  ctrnnSpec,
  wilsonCowanSpec,
  lifSpec,
  izhikevichSpec,
  poissonSpec,
  hopfieldSpec,
  thresholdSpec,
  readoutSpec,
];

provideKinds(KIND_SPECS);
