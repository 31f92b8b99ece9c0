/** The `lif` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { lifSpec } from './schema.ts';
import { lifBuilder } from './builder.ts';

export const lifKind = defineKind(lifSpec, lifBuilder);
