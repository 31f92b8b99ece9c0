/** The `poisson` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { poissonSpec } from './schema.ts';
import { poissonBuilder } from './builder.ts';
import { poissonPynn } from './pynn.ts';

export const poissonKind = defineKind(poissonSpec, poissonBuilder, { pynn: poissonPynn });
