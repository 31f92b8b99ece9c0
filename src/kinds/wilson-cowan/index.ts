/** The `wilson-cowan` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { wilsonCowanSpec } from './schema.ts';
import { wilsonCowanBuilder } from './builder.ts';
import { wilsonCowanNotebook } from './notebook.ts';

export const wilsonCowanKind = defineKind(wilsonCowanSpec, wilsonCowanBuilder, { notebook: wilsonCowanNotebook });
