/** Public API of the document model. */
export * from './document.ts';
export * from './issues.ts';
export * from './validate.ts';
export * from './migrate.ts';
export * from './codec.ts';
export * from './graph.ts';
export * from './limits.ts';
export * from './signals.ts';
export * from './weights.ts';
export * from './schema-helpers.ts';
export * from './kinds/kind-spec.ts';
export * from './kinds/registry.ts';
export type { InputParams } from './kinds/input.ts';
export type { RateParams, Activation, InitSpec } from './kinds/rate.ts';
export { activations } from './kinds/rate.ts';
