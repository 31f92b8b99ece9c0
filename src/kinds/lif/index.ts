/** The `lif` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { lifSpec } from './schema.ts';
import { lifBuilder } from './builder.ts';
import { lifPynn } from './pynn.ts';

export const lifKind = defineKind(lifSpec, lifBuilder, { pynn: lifPynn });
