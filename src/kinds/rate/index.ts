/** The `rate` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { rateSpec } from './schema.ts';
import { rateBuilder } from './builder.ts';

export const rateKind = defineKind(rateSpec, rateBuilder);
