/**
 * Migrations between format versions. They run before validation: a file of version v passes
 * through migrations[v], migrations[v+1], … until it reaches CURRENT_VERSION. Version 1 is the
 * first public format, so the list is empty today; tests exercise the mechanism with a fake v0.
 */
import { CURRENT_VERSION } from './document.ts';

/** Turns a raw document of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  describe: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

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
    doc = { ...step.up(structuredClone(doc)), version: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, doc, applied };
}
