/** The `readout` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { readoutSpec } from './schema.ts';
import { readoutBuilder } from './builder.ts';
import { readoutNotebook } from './notebook.ts';

export const readoutKind = defineKind(readoutSpec, readoutBuilder, { notebook: readoutNotebook });
