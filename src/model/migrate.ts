/**
 * Migrations between format versions. They run before validation: a file of version v passes
 * through migrations[v], migrations[v+1], … until it reaches CURRENT_VERSION.
 *
 * Version 1 → 2: the weight options `connectivity`, `spectralRadius` and `scale` have one place,
 * the edge's `params` (beside `weight` and `delay`). Version 1 allowed each inside
 * `params.weight` or directly in `params` but not in both (validation refused that); the
 * migration moves those found in `weight` up to `params`, so the compiled weights and every run
 * stay bit for bit the same, and refuses a file that gives one in both places, naming it.
 */
import { CURRENT_VERSION } from './document.ts';
import { WEIGHT_OPTION_KEYS } from './weights.ts';

/** Turns a raw document of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  /** May throw a MigrationError naming the field it cannot migrate. */
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** A document a migration cannot carry forward; `path` is a JSON path as in validation issues. */
export class MigrationError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Moves the weight options of version-1 edges from `params.weight` to `params`, in place.
 * `at(i)` names edge i in errors (documents: `edges[i]`). Malformed edges are left for validation.
 */
export function moveWeightOptions(edges: unknown, at: (i: number) => string = (i) => `edges[${i}]`): void {
  if (!Array.isArray(edges)) return;
  edges.forEach((edge, i) => {
    const params = isObject(edge) ? edge.params : undefined;
    const weight = isObject(params) ? params.weight : undefined;
    if (!isObject(params) || !isObject(weight)) return;
    for (const key of WEIGHT_OPTION_KEYS) {
      if (!(key in weight)) continue;
      if (key in params) throw new MigrationError(`${at(i)}.params.${key}`, `is also given in params.weight.${key}; give it once`);
      params[key] = weight[key];
      delete weight[key];
    }
  });
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    describe: 'weight options (connectivity, spectralRadius, scale) moved from params.weight to the edge params',
    up(doc) {
      moveWeightOptions(doc.edges);
      return doc;
    },
  },
];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; path: string; message: string };

export function migrate(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrationResult {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, path: 'version', message: `must be a whole format version number, got ${JSON.stringify(version) ?? 'nothing'}` };
  }
  if (version > current) {
    return {
      ok: false,
      path: 'version',
      message: `this file has format version ${version}, newer than this version of Recurrence reads (${current}); open it in a newer Recurrence`,
    };
  }
  let doc = raw;
  const applied: string[] = [];
  for (let v = version; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, path: 'version', message: `no migration from format version ${v}` };
    try {
      doc = { ...step.up(structuredClone(doc)), version: v + 1 };
    } catch (err) {
      if (err instanceof MigrationError) return { ok: false, path: err.path, message: `${err.message} (migrating format version ${v} to ${v + 1})` };
      throw err;
    }
    applied.push(step.describe);
  }
  return { ok: true, doc, applied };
}
