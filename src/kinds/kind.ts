/**
 * A node kind: its spec (schema, capabilities, documentation line — src/kinds/<kind>/schema.ts,
 * model side) paired with its builder (src/kinds/<kind>/builder.ts, compile side), both typed by
 * the same params P. `src/kinds/<kind>/index.ts` makes one with `defineKind`, and
 * src/kinds/registry.ts lists it.
 */
import type { KindSpec } from '../model/index.ts';
import type { NodeBuilder } from '../engine/compile/types.ts';

export interface Kind<P = unknown> extends KindSpec<P> {
  readonly builder: NodeBuilder<P>;
}

/** Pairs a kind's spec with its builder; the builder receives params of the spec's schema. */
export function defineKind<P>(spec: KindSpec<P>, builder: NodeBuilder<P>): Kind<P> {
  return { ...spec, builder };
}
