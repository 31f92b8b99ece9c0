/** The `rate` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { rateSpec } from './schema.ts';
import { rateBuilder } from './builder.ts';
import { rateNotebook } from './notebook.ts';

export const rateKind = defineKind(rateSpec, rateBuilder, { notebook: rateNotebook });
