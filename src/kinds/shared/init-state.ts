import type { InitSpec } from '../rate/schema.ts';
import type { Rng } from '../../engine/rng.ts';

/** Fills a state vector from an `init` spec: a number, one number per unit, or a distribution. */
export function fillInit(init: InitSpec, out: Float64Array, rng: Rng): void {
  if (typeof init === 'number') out.fill(init);
  else if (Array.isArray(init)) out.set(init);
  else if (init.type === 'uniform') for (let i = 0; i < out.length; i++) out[i] = rng.between(init.low, init.high);
  else for (let i = 0; i < out.length; i++) out[i] = init.mean + init.std * rng.gaussian();
}

/** A per-unit parameter (scalar or array) expanded to one value per unit. */
export function expandPerUnit(value: number | number[], size: number): Float64Array {
  return typeof value === 'number' ? new Float64Array(size).fill(value) : Float64Array.from(value);
}
