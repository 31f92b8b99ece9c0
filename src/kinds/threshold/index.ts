/** The `threshold` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { thresholdSpec } from './schema.ts';
import { thresholdBuilder } from './builder.ts';
import { thresholdNotebook } from './notebook.ts';

export const thresholdKind = defineKind(thresholdSpec, thresholdBuilder, { notebook: thresholdNotebook });
