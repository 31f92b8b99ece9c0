/** Shared cross-field checks used by several kinds' `check`. */
import type { ParamProblem } from '../../model/kind-spec.ts';
import type { PathSegment } from '../../model/issues.ts';

/** A per-unit array (bias, init, …) must have one entry per unit. */
export function checkPerUnitLength(value: unknown, size: number, path: PathSegment[]): ParamProblem[] {
  if (Array.isArray(value) && value.length !== size) {
    return [{ path, message: `must have one value per unit (size ${size}), got ${value.length}` }];
  }
  return [];
}

/** Every listed per-unit field of `params` must have one entry per unit. */
export function checkPerUnitFields(params: Record<string, unknown>, size: number, fields: readonly string[]): ParamProblem[] {
  return fields.flatMap((f) => checkPerUnitLength(params[f], size, [f]));
}
