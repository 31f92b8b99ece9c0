/** The `izhikevich` node kind: its spec (schema.ts) paired with its builder (builder.ts). */
import { defineKind } from '../kind.ts';
import { izhikevichSpec } from './schema.ts';
import { izhikevichBuilder } from './builder.ts';

export const izhikevichKind = defineKind(izhikevichSpec, izhikevichBuilder);
