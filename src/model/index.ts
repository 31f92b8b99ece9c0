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
export * from './kind-spec.ts';
export * from './kind-lookup.ts';
export * from './synapse.ts';
export * from './plasticity.ts';
export * from './task-inputs.ts';
export * from './phase-plane.ts';
export * from './simulation-relevant.ts';
