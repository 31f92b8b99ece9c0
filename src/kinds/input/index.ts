/** The `input` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { inputSpec } from './schema.ts';
import { inputBuilder } from './builder.ts';

export const inputKind = defineKind(inputSpec, inputBuilder);
