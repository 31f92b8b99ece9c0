/**
 * A node kind: its spec (schema, capabilities, documentation line — src/kinds/<kind>/schema.ts,
 * model side) paired with its builder (src/kinds/<kind>/builder.ts, compile side), both typed by
 * the same params P, and what it can be exported as (a notebook's cells, src/kinds/<kind>/notebook.ts;
 * a PyNN population or current source, src/kinds/<kind>/pynn.ts). `src/kinds/<kind>/index.ts`
 * makes one with `defineKind`, and src/kinds/registry.ts lists it.
 */
import type { KindSpec } from '../model/index.ts';
import type { NodeBuilder } from '../engine/compile/types.ts';
import type { NotebookKind } from './shared/notebook.ts';
import type { PynnKind } from './shared/pynn.ts';

/** The ways out of the app a kind declares; a kind without one is refused by that exporter, by name. */
export interface KindExports<P> {
  /** Its cells in a Jupyter notebook (`recurrence export --to notebook`). */
  readonly notebook?: NotebookKind<P>;
  /** Its PyNN mapping (`recurrence export --to pynn`). */
  readonly pynn?: PynnKind<P>;
}

export interface Kind<P = unknown> extends KindSpec<P>, KindExports<P> {
  readonly builder: NodeBuilder<P>;
}

/** Pairs a kind's spec with its builder (and its exports); the builder receives params of the spec's schema. */
export function defineKind<P>(spec: KindSpec<P>, builder: NodeBuilder<P>, exports: KindExports<P> = {}): Kind<P> {
  return { ...spec, builder, ...exports };
}
