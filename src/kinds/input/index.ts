/** The `input` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { inputSpec } from './schema.ts';
import { inputBuilder } from './builder.ts';
import { inputNotebook } from './notebook.ts';
import { inputPynn } from './pynn.ts';

export const inputKind = defineKind(inputSpec, inputBuilder, { notebook: inputNotebook, pynn: inputPynn });
