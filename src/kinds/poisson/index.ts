/** The `poisson` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { poissonSpec } from './schema.ts';
import { poissonBuilder } from './builder.ts';

export const poissonKind = defineKind(poissonSpec, poissonBuilder);
