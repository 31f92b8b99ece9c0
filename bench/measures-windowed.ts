/**
 * The live panels' windowed path (measures/windowed.ts on a steps × units probe window, as the
 * engine worker calls it) beside the raw estimator on the same units' series, already extracted
 * and discretised (per-unit discreteAIS / discreteTE / discreteEntropy / gaussianAIS / ksgAIS):
 * windowed / raw = 1 means the window costs nothing beyond the estimator. "same" checks that every
 * unit's average is the same number both ways.
 */
import {
  discreteAIS,
  discreteEntropy,
  discreteTE,
  discretiseThreshold,
  gaussianAIS,
  ksgAIS,
  mulberry32,
  unitColumn,
  windowedMeasure,
  type Discretisation,
  type MeasureSpec,
  type WindowSamples,
} from '../src/measures/index.ts';
import { printTable, timeBoth } from './timing.ts';

export interface WindowedBenchRow {
  case: string;
  units: number;
  steps: number;
  /** Best wall / CPU ms of the raw estimator over the units. */
  rawMs: number;
  rawCpuMs: number;
  /** Best wall / CPU ms of windowedMeasure on the window. */
  windowedMs: number;
  windowedCpuMs: number;
  /** windowedMs / rawMs and windowedCpuMs / rawCpuMs. */
  ratio: number;
  cpuRatio: number;
  /** Every unit's average identical both ways. */
  same: boolean;
}

const UNITS = 1000;
const STEPS = 1000;

/** steps × width window (row-major) of the given per-unit series. */
function windowOf(series: readonly ArrayLike<number>[]): WindowSamples {
  const width = series.length;
  const steps = series[0].length;
  const data = new Float64Array(steps * width);
  series.forEach((s, u) => {
    for (let t = 0; t < steps; t++) data[t * width + u] = s[t];
  });
  return { steps, width, data };
}

/** Persistent random bits (flip with probability 0.2): spiking units. */
export function spikeTrains(seed: number): Int32Array[] {
  const next = mulberry32(seed);
  return Array.from({ length: UNITS }, () => {
    const u = new Int32Array(STEPS);
    u[0] = next() < 0.5 ? 1 : 0;
    for (let t = 1; t < STEPS; t++) u[t] = next() < 0.2 ? 1 - u[t - 1] : u[t - 1];
    return u;
  });
}

/** AR(1) units x[t] = a·x[t−1] + u, a from 0.2 to 0.9 across units, u uniform on [−½, ½): continuous rate units. */
function rateUnits(count: number, seed: number): Float64Array[] {
  const next = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const a = 0.2 + (0.7 * i) / Math.max(1, count - 1);
    const x = new Float64Array(STEPS);
    for (let t = 0, v = 0; t < STEPS; t++) x[t] = v = a * v + next() - 0.5;
    return x;
  });
}

export function benchWindowed(opts: { json: boolean }): WindowedBenchRow[] {
  const rows: WindowedBenchRow[] = [];
  const add = (name: string, spec: MeasureSpec, target: WindowSamples, source: WindowSamples | null, discretise: Discretisation, raw: (u: number) => number, repeats: number) => {
    let windowed: Float64Array = new Float64Array(0);
    const run = () => (windowed = windowedMeasure(spec, target, source, { discretise }).averages);
    run(); // warm-up (JIT)
    const w = timeBoth(run, repeats);
    const rawAverages = new Float64Array(windowed.length);
    const runRaw = () => rawAverages.forEach((_, u) => (rawAverages[u] = raw(u)));
    runRaw();
    const r = timeBoth(runRaw, repeats);
    rows.push({
      case: name,
      units: windowed.length,
      steps: target.steps,
      rawMs: r.wallMs,
      rawCpuMs: r.cpuMs,
      windowedMs: w.wallMs,
      windowedCpuMs: w.cpuMs,
      ratio: w.wallMs / r.wallMs,
      cpuRatio: w.cpuMs / r.cpuMs,
      same: windowed.every((a, u) => Object.is(a, rawAverages[u])),
    });
  };

  const spikes = spikeTrains(7);
  const threshold: Discretisation = { rule: 'threshold', value: 0.5 };
  add('discrete AIS k=4, spikes (x > 0.5)', { measure: 'ais', estimator: 'discrete', k: 4 }, windowOf(spikes), null, threshold, (u) => discreteAIS(spikes[u], { k: 4 }).average, 20);

  const rates = rateUnits(UNITS, 8);
  const input = rateUnits(1, 9);
  const target = windowOf(rates);
  const median: Discretisation = { rule: 'threshold', value: 'median' };
  const symbols = rates.map((x) => discretiseThreshold(x, 'median'));
  const inputSymbols = discretiseThreshold(input[0], 'median');
  add('discrete AIS k=4, rate units (x > median)', { measure: 'ais', estimator: 'discrete', k: 4 }, target, null, median, (u) => discreteAIS(symbols[u], { k: 4 }).average, 20);
  add('discrete TE k=4 l=1 from one input (x > median)', { measure: 'te', estimator: 'discrete', k: 4, l: 1, delay: 1 }, target, windowOf(input), median, (u) => discreteTE(inputSymbols, symbols[u], { k: 4 }).average, 10);
  add('discrete entropy (x > median)', { measure: 'entropy', estimator: 'discrete' }, target, null, median, (u) => discreteEntropy(symbols[u]).average, 20);
  const columns = rates.map((_, u) => unitColumn(target, u));
  add('Gaussian AIS k=4', { measure: 'ais', estimator: 'gaussian', k: 4 }, target, null, median, (u) => gaussianAIS(columns[u], { k: 4 }).average, 5);
  add('KSG AIS k=1 K=4', { measure: 'ais', estimator: 'ksg', k: 1, neighbours: 4 }, target, null, median, (u) => ksgAIS(columns[u], { k: 1, neighbours: 4 }).average, 3);

  if (!opts.json) {
    printTable(
      'Live panels: windowedMeasure on a steps × units window vs the raw estimator on the units\' series (best wall and CPU ms, CPU including the collector\'s threads; windowed/raw 1.00 = no overhead; same = every unit\'s average identical)',
      ['case', 'units × steps', 'raw ms', 'raw cpu', 'windowed ms', 'windowed cpu', 'windowed/raw', 'cpu ratio', 'same'],
      rows.map((r) => [r.case, `${r.units} × ${r.steps}`, r.rawMs.toFixed(1), r.rawCpuMs.toFixed(1), r.windowedMs.toFixed(1), r.windowedCpuMs.toFixed(1), r.ratio.toFixed(2), r.cpuRatio.toFixed(2), r.same ? 'yes' : 'NO']),
    );
  }
  return rows;
}
