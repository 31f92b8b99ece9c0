/** The `ctrnn` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { ctrnnSpec } from './schema.ts';
import { ctrnnBuilder } from './builder.ts';
import { ctrnnNotebook } from './notebook.ts';

export const ctrnnKind = defineKind(ctrnnSpec, ctrnnBuilder, { notebook: ctrnnNotebook });
