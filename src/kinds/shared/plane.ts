/**
 * Helpers the kinds' phase-plane models share (model/phase-plane.ts). Drawing math for the phase
 * portrait, not part of a run: it uses the platform's Math (no bit-identical traces depend on it).
 */
import type { Interval, PlaneResult, PlaneSystem } from '../../model/index.ts';

export const ALL: Interval = [-Infinity, Infinity];
export const identity = (u: number) => u;
export const logistic = (z: number) => 1 / (1 + Math.exp(-z));
export const logit = (p: number) => (p > 0 && p < 1 ? Math.log(p / (1 - p)) : NaN);

/** Unit i's value of a per-unit param (a number shared by all units, or one per unit). */
export const unitValue = (v: number | readonly number[], i: number) => (typeof v === 'number' ? v : v[i]);

/** No analysable plane, and why. */
export const noPlane = (reason: string): PlaneResult => ({ kind: 'none', reason });

/** The same system with its axes exchanged (x ↔ y). */
export function swapAxes(s: PlaneSystem): PlaneSystem {
  return {
    time: s.time,
    step: (x, y) => {
      const [fy, fx] = s.step(y, x);
      return [fx, fy];
    },
    nullclines: [s.nullclines[1], s.nullclines[0]],
    bounds: { x: s.bounds.y, y: s.bounds.x },
  };
}
