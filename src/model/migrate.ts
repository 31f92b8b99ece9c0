/**
 * Migrations between format versions. They run before validation: a file of version v passes
 * through migrations[v], migrations[v+1], … until it reaches CURRENT_VERSION.
 *
 * Version 1 → 2: the weight options `connectivity`, `spectralRadius` and `scale` have one place,
 * the edge's `params` (beside `weight` and `delay`). Version 1 allowed each inside
 * `params.weight` or directly in `params`; the migration moves those found in `weight` up to
 * `params`, so the compiled weights and every run stay bit for bit the same. An option given in
 * both places was refused by version 1's validation, and still is when the two values differ
 * (the error names the edge's option); when they are equal the migrated edge keeps it once.
 */
import { CURRENT_VERSION } from './document.ts';
import { WEIGHT_OPTION_KEYS, type WeightOptionKey } from './weights.ts';

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
 * Moves the weight options of a version-1 edge from `params.weight` to `params`, in place.
 * Returns the first option given in both places with different values (left where it is), or
 * null. A malformed edge is left for validation.
 */
export function moveWeightOptions(edge: unknown): WeightOptionKey | null {
  const params = isObject(edge) ? edge.params : undefined;
  const weight = isObject(params) ? params.weight : undefined;
  if (!isObject(params) || !isObject(weight)) return null;
  for (const key of WEIGHT_OPTION_KEYS) {
    if (!(key in weight)) continue;
    if (key in params && JSON.stringify(params[key]) !== JSON.stringify(weight[key])) return key;
    params[key] = weight[key];
    delete weight[key];
  }
  return null;
}

const OLD_OPTION_REF = new RegExp(`^([^.]+)\\.params\\.weight\\.(${WEIGHT_OPTION_KEYS.join('|')})$`);

/**
 * A reference to a document value (`ID.params.…`, e.g. a classroom link's exposed slider) written
 * for format 1, in format 2: `rec.params.weight.spectralRadius` → `rec.params.spectralRadius`.
 */
export function currentRef(ref: string): string {
  return ref.replace(OLD_OPTION_REF, '$1.params.$2');
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    describe: 'weight options (connectivity, spectralRadius, scale) moved from params.weight to the edge params',
    up(doc) {
      if (!Array.isArray(doc.edges)) return doc;
      doc.edges.forEach((edge, i) => {
        const both = moveWeightOptions(edge);
        if (!both) return;
        const params = (edge as { params: Record<string, Record<string, unknown>> }).params;
        const [here, there] = [params[both], params.weight[both]].map((v) => JSON.stringify(v));
        throw new MigrationError(`edges[${i}].params.${both}`, `is ${here} here and ${there} in params.weight.${both}; give it once, here`);
      });
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
