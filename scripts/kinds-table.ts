/**
 * Writes the README's kinds table from the registry (each kind's documentation line):
 * `npm run docs:kinds`. With `--check`, exits 1 when the README's table is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { KINDS } from '../src/kinds/registry.ts';
import { kindsTable, withKindsTable } from '../src/kinds/docs.ts';

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const next = withKindsTable(readme, kindsTable(KINDS));
if (next === null) {
  console.error('README.md has no kinds-table markers');
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md: the kinds table is out of date; run npm run docs:kinds');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(file, next);
  console.log('README.md: kinds table written');
}
