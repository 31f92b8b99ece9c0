/**
 * `npm run bench [-- --json] [-- --only engine,linalg,cli,measures]`: every benchmark in one run.
 * Figures are printed as tables (or one JSON document with --json) with ratios against
 * baselines measured in the same run, since these machines are shared and noisy.
 */
import '../src/kinds/registry.ts';
import { benchEngine } from './engine.ts';

type Bench = (opts: { json: boolean }) => Promise<object>;

const benches: Record<string, () => Promise<Bench>> = {
  engine: async () => benchEngine,
  linalg: async () => (await import('./linalg.ts')).benchLinalg,
  slices: async () => (await import('./linalg.ts')).benchSlices,
  cli: async () => (await import('./cli.ts')).benchCli,
  measures: async () => (await import('./measures.ts')).benchMeasures,
  editor: async () => (await import('./editor.ts')).benchEditor,
  lif: async () => (await import('./lif.ts')).benchLif,
  'brunel-full': async () => (await import('./brunel.ts')).benchBrunel,
  browser: async () => (await import('./browser.ts')).benchBrowser,
  ui: async () => (await import('./ui.ts')).benchUi,
  runtime: async () => (await import('./runtime.ts')).benchRuntime,
  sampling: async () => (await import('./sampling.ts')).benchSampling,
  classroom: async () => (await import('./classroom.ts')).benchClassroom,
  bptt: async () => (await import('./bptt.ts')).benchBptt,
  pynn: async () => (await import('./pynn.ts')).benchPynn,
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : Object.keys(benches);
const unknown = only.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  process.exit(2);
}

const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
for (const name of only) {
  const bench = await benches[name]();
  report[name] = await bench({ json });
}
if (json) console.log(JSON.stringify(report, null, 2));
