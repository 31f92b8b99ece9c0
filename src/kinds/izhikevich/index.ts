/** The `izhikevich` node kind: its spec (schema.ts) paired with its builder (builder.ts) and its exports. */
import { defineKind } from '../kind.ts';
import { izhikevichSpec } from './schema.ts';
import { izhikevichBuilder } from './builder.ts';
import { izhikevichPynn } from './pynn.ts';

export const izhikevichKind = defineKind(izhikevichSpec, izhikevichBuilder, { pynn: izhikevichPynn });
