/** The `readout` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { readoutSpec } from './schema.ts';
import { readoutBuilder } from './builder.ts';

export const readoutKind = defineKind(readoutSpec, readoutBuilder);
