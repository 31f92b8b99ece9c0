/**
 * The README's kinds table, made from each kind's documentation line (KindSpec.docs). A test
 * checks the README holds exactly this table; `npm run docs:kinds` writes it there.
 */
import type { KindSpec } from '../model/index.ts';

export const KINDS_TABLE_START = '<!-- kinds-table: written by `npm run docs:kinds` from src/kinds/*/schema.ts -->';
export const KINDS_TABLE_END = '<!-- /kinds-table -->';

/** One row: | `kind` | update (source) | params (unit, default) | variables |. */
export function kindRow(spec: KindSpec<unknown>): string {
  return `| \`${spec.kind}\` | ${spec.docs.update} | ${spec.docs.params} | ${spec.docs.variables} |`;
}

export function kindsTable(kinds: readonly KindSpec<unknown>[]): string {
  return ['| kind | update (source) | params (unit, default) | variables |', '|---|---|---|---|', ...kinds.map(kindRow)].join('\n');
}

/** The README's text with the block between the markers replaced by `table`; null when a marker is missing. */
export function withKindsTable(readme: string, table: string): string | null {
  const start = readme.indexOf(KINDS_TABLE_START);
  const end = readme.indexOf(KINDS_TABLE_END);
  if (start < 0 || end < start) return null;
  return `${readme.slice(0, start + KINDS_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
