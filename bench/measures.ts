/**
 * Measures benchmark (issue 3): wall time of
 *  - KSG AIS (k = 2, K = 4) at N = 1,000, 10,000, 100,000, average only and with locals;
 *  - KSG TE (k = l = 1, K = 4) at N = 10,000 and 100,000;
 *  - discrete local AIS (k = 4) of 1,000 binary units over a 1,000-step window, per unit;
 *  - the live panels' windowed path beside the raw estimator (measures-windowed.ts);
 * each KSG case against the brute-force O(N²) neighbour search in the same run (only up to
 * N = 10,000, where it finishes in seconds; at 100,000 it would take minutes), and beside the
 * JIDT 1.6.1 single-threaded figures measured on this machine (ratio = JIDT ms / our ms, so > 1
 * means faster than JIDT).
 *
 * The machine is shared, so besides the best wall time of a few repeats we report the CPU time of
 * the same call (process.cpuUsage, user + system), which load from other processes inflates less.
 */
import { discreteAIS, gaussianSample, ksgAIS, ksgTE, mulberry32 } from '../src/measures/index.ts';
import { benchWindowed, spikeTrains } from './measures-windowed.ts';
import { printTable, timeBoth } from './timing.ts';

/** JIDT 1.6.1 reference times in ms (issue 3). */
const JIDT_MS: Record<string, number> = {
  'ksg-ais-avg-10000': 67,
  'ksg-ais-avg-100000': 1550,
  'ksg-ais-locals-10000': 133,
  'ksg-ais-locals-100000': 3070,
  'ksg-te-10000': 78,
  'ksg-te-100000': 2710,
  'discrete-ais-window': 21,
};

/** Largest N the O(N²) brute force is run at. */
const BRUTE_MAX_N = 10_000;

function ar1(n: number, seed: number): Float64Array {
  const next = mulberry32(seed);
  const x = new Float64Array(n);
  x[0] = gaussianSample(next);
  for (let t = 1; t < n; t++) x[t] = 0.8 * x[t - 1] + gaussianSample(next);
  return x;
}

/** y[t] = 0.6 y[t−1] + 0.5 x[t−1] + e (the reference coupled pair's model). */
function coupledPair(n: number, seed: number): { x: Float64Array; y: Float64Array } {
  const next = mulberry32(seed);
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    x[t] = gaussianSample(next);
    const e = gaussianSample(next);
    y[t] = t === 0 ? e : 0.6 * y[t - 1] + 0.5 * x[t - 1] + e;
  }
  return { x, y };
}

export interface MeasureBenchRow {
  case: string;
  n: number;
  /** Best wall time (ms). */
  ms: number;
  /** Best CPU time (ms) of the same calls. */
  cpuMs: number;
  bruteMs: number | null;
  speedupVsBrute: number | null;
  sameAsBrute: boolean | null;
  jidtMs: number | null;
  jidtOverOurs: number | null;
  average: number;
}

export async function benchMeasures(opts: { json: boolean }): Promise<object> {
  const rows: MeasureBenchRow[] = [];
  const add = (name: string, key: string | null, n: number, run: (search: 'tree' | 'brute') => number, repeats: number) => {
    let average = 0;
    run('tree'); // warm-up (JIT)
    const { wallMs: ms, cpuMs } = timeBoth(() => {
      average = run('tree');
    }, repeats);
    let bruteMs: number | null = null;
    let sameAsBrute: boolean | null = null;
    if (n <= BRUTE_MAX_N && name.startsWith('ksg')) {
      let bruteAverage = 0;
      bruteMs = timeBoth(() => {
        bruteAverage = run('brute');
      }, 1).wallMs;
      sameAsBrute = bruteAverage === average;
    }
    const jidtMs = key !== null ? (JIDT_MS[key] ?? null) : null;
    rows.push({
      case: name,
      n,
      ms,
      cpuMs,
      bruteMs,
      speedupVsBrute: bruteMs === null ? null : bruteMs / ms,
      sameAsBrute,
      jidtMs,
      jidtOverOurs: jidtMs === null ? null : jidtMs / ms,
      average,
    });
  };

  for (const n of [1_000, 10_000, 100_000]) {
    const x = ar1(n, 2002 + n);
    const repeats = n >= 100_000 ? 2 : 5;
    add('ksg AIS k=2 K=4, average only', `ksg-ais-avg-${n}`, n, (search) => ksgAIS(x, { k: 2, neighbours: 4, locals: false, search }).average, repeats);
    add('ksg AIS k=2 K=4, with locals', `ksg-ais-locals-${n}`, n, (search) => ksgAIS(x, { k: 2, neighbours: 4, search }).average, repeats);
  }
  for (const n of [10_000, 100_000]) {
    const { x, y } = coupledPair(n, 2003 + n);
    add('ksg TE k=l=1 K=4, with locals', `ksg-te-${n}`, n, (search) => ksgTE(x, y, { k: 1, l: 1, neighbours: 4, search }).average, n >= 100_000 ? 2 : 5);
  }

  // 1,000 binary units over a 1,000-step window: persistent random bits (flip with probability 0.2).
  const data = spikeTrains(7);
  add('discrete local AIS k=4, 1000 units x 1000 steps', 'discrete-ais-window', data[0].length, () => {
    let s = 0;
    for (const u of data) s += discreteAIS(u, { k: 4 }).average;
    return s / data.length;
  }, 10);

  if (!opts.json) {
    const f = (v: number | null, digits = 1) => (v === null ? '–' : v.toFixed(digits));
    printTable(
      'Measures (wall and CPU ms, best of repeats; brute force = O(N²) neighbour search, run only for N ≤ 10,000; JIDT/ours > 1 means faster than JIDT 1.6.1, whose figures were measured once on this machine, not in this run)',
      ['case', 'N', 'ours ms', 'cpu ms', 'brute ms', 'brute/ours', 'same', 'JIDT ms', 'JIDT/ours'],
      rows.map((r) => [
        r.case,
        r.n,
        f(r.ms),
        f(r.cpuMs),
        r.bruteMs === null ? (r.case.startsWith('ksg') ? 'skipped' : '–') : f(r.bruteMs),
        f(r.speedupVsBrute),
        r.sameAsBrute === null ? '–' : r.sameAsBrute ? 'yes' : 'NO',
        f(r.jidtMs, 0),
        f(r.jidtOverOurs, 2),
      ]),
    );
  }
  const windowed = benchWindowed(opts);
  return { rows, windowed, bruteForceMaxN: BRUTE_MAX_N, jidtReferenceMs: JIDT_MS };
}
