/** The `wilson-cowan` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { wilsonCowanSpec } from './schema.ts';
import { wilsonCowanBuilder } from './builder.ts';

export const wilsonCowanKind = defineKind(wilsonCowanSpec, wilsonCowanBuilder);
