#!/usr/bin/env node
/**
 * Sums the unit (vitest JSON) and browser (Playwright JSON) reports into the plain line CI reads:
 * "N passed, M failed". A stage that failed before writing its report counts as one failure.
 */
import { existsSync, readFileSync } from 'node:fs';

const [unitPath = 'reports/unit-results.json', e2ePath = 'reports/e2e-results.json', status = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(unitPath)) {
  const r = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
if (existsSync(e2ePath)) {
  const s = JSON.parse(readFileSync(e2ePath, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}
if (status !== '0' && failed === 0) failed = 1; // lint, typecheck or a runner crash
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
