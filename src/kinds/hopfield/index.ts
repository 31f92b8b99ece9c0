/** The `hopfield` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { hopfieldSpec } from './schema.ts';
import { hopfieldBuilder } from './builder.ts';

export const hopfieldKind = defineKind(hopfieldSpec, hopfieldBuilder);
