/** The `hopfield` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { hopfieldSpec } from './schema.ts';
import { hopfieldBuilder } from './builder.ts';
import { hopfieldNotebook } from './notebook.ts';

export const hopfieldKind = defineKind(hopfieldSpec, hopfieldBuilder, { notebook: hopfieldNotebook });
