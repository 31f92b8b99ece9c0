/** The `ctrnn` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { ctrnnSpec } from './schema.ts';
import { ctrnnBuilder } from './builder.ts';

export const ctrnnKind = defineKind(ctrnnSpec, ctrnnBuilder);
