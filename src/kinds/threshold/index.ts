/** The `threshold` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { thresholdSpec } from './schema.ts';
import { thresholdBuilder } from './builder.ts';

export const thresholdKind = defineKind(thresholdSpec, thresholdBuilder);
