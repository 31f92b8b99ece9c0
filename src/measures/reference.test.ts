/**
 * Every entry of every JIDT reference file in test/reference/jidt/ (see its README): averages and
 * every local value to ≤ 1e-9 absolute, the padded layout, and the generator port.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMeasure, type EstimatorName, type MeasureName, type MeasureSpec, type MeasureInput } from './index.ts';
import { gaussianSample, mulberry32 } from './random.ts';
import { readReference, referenceDir } from '../test-support/reference.ts';

const TOL = 1e-9;

interface Entry {
  family: string;
  measure: string;
  series: string;
  series_ref?: string;
  source_series?: string;
  dest_series?: string;
  params: Record<string, string>;
  units: string;
  average: number;
  mean_of_valid_locals: number;
  num_valid_locals: number;
  locals: number[];
  locals_valid_from_index: number;
}
interface ReferenceFile {
  series: Record<string, { values?: number[]; source?: number[]; dest?: number[] }>;
  entries: Entry[];
}

const load = readReference;

const MEASURE_NAMES: Record<string, MeasureName> = {
  Entropy: 'entropy',
  MI: 'mi',
  EntropyRate: 'entropy-rate',
  AIS: 'ais',
  TE: 'te',
};
const KNOWN_PARAMS = new Set([
  'base', 'base1', 'base2', 'k_history', 'k_tau', 'l_history(source)', 'l_tau', 'delay', 'tau', 'timeDiff',
  'timeDiff_implementation', 'K_nn', 'normalise',
]);

/** Translates a reference entry's JIDT settings into our spec. */
function specOf(e: Entry): MeasureSpec {
  for (const key of Object.keys(e.params)) {
    if (!KNOWN_PARAMS.has(key)) throw new Error(`reference parameter ${key} is not mapped`);
  }
  const p = e.params;
  const int = (key: string) => (p[key] === undefined ? undefined : Number.parseInt(p[key], 10));
  if (p.base1 !== undefined && p.base1 !== p.base2) throw new Error('different MI bases are not supported');
  const measure = MEASURE_NAMES[e.measure];
  if (measure === undefined) throw new Error(`unknown reference measure ${e.measure}`);
  return {
    measure,
    estimator: e.family as EstimatorName,
    base: int('base') ?? int('base1'),
    k: int('k_history'),
    tau: int('tau') ?? int('k_tau'),
    l: int('l_history(source)'),
    lTau: int('l_tau'),
    delay: int('delay'),
    lag: int('timeDiff'),
    neighbours: int('K_nn'),
    normalise: p.normalise === undefined ? undefined : p.normalise === 'true',
  };
}

function seriesOf(file: ReferenceFile, name: string): number[] {
  const [key, part] = name.split('.');
  const s = file.series[key];
  const values = part === undefined ? s.values : part === 'source' ? s.source : part === 'dest' ? s.dest : undefined;
  if (values === undefined) throw new Error(`series ${name} not found`);
  return values;
}

function inputOf(file: ReferenceFile, e: Entry): MeasureInput {
  if (e.source_series !== undefined && e.dest_series !== undefined) {
    return { source: seriesOf(file, e.source_series), dest: seriesOf(file, e.dest_series) };
  }
  return { series: seriesOf(file, e.series_ref ?? e.series) };
}

const files = readdirSync(referenceDir).filter((f) => f.endsWith('.json') && f !== 'series.json').sort();

describe('reference files', () => {
  it('are all present', () => {
    expect(files).toEqual(['ais-discrete.json', 'ais-ksg.json', 'gaussian.json', 'te-discrete.json', 'te-ksg.json']);
  });
});

describe.each(files)('%s', (file) => {
  const ref = load<ReferenceFile>(file);

  it('matches every entry: average and every local value to 1e-9', () => {
    let checked = 0;
    let localsChecked = 0;
    let worst = 0;
    for (const [index, e] of ref.entries.entries()) {
      const where = `${file} entry ${index} (${e.family} ${e.measure} ${e.series} ${JSON.stringify(e.params)})`;
      const spec = specOf(e);
      const r = computeMeasure(spec, inputOf(ref, e));
      expect(r.units, where).toBe(e.units);
      expect(r.locals, where).not.toBeNull();
      const locals = r.locals as Float64Array;
      expect(locals.length, where).toBe(e.locals.length);
      expect(r.validFrom, where).toBe(e.locals_valid_from_index);
      expect(r.samples, where).toBe(e.num_valid_locals);
      expect(Math.abs(r.average - e.average), where).toBeLessThanOrEqual(TOL);
      worst = Math.max(worst, Math.abs(r.average - e.average));
      let sum = 0;
      for (let t = 0; t < e.locals.length; t++) {
        const diff = Math.abs(locals[t] - e.locals[t]);
        worst = Math.max(worst, diff);
        if (!(diff <= TOL)) expect.fail(`${where}: locals[${t}] = ${locals[t]}, reference ${e.locals[t]}`);
        if (t >= r.validFrom) sum += locals[t];
        else if (locals[t] !== 0) expect.fail(`${where}: padding locals[${t}] = ${locals[t]} is not 0`);
        localsChecked++;
      }
      expect(Math.abs(sum / r.samples - e.mean_of_valid_locals), where).toBeLessThanOrEqual(TOL);
      checked++;
    }
    expect(checked).toBe(ref.entries.length);
    expect(localsChecked).toBe(ref.entries.reduce((n, e) => n + e.locals.length, 0));
    expect(worst).toBeLessThanOrEqual(TOL);
  });

  it('uses the same series as series.json', () => {
    const all = load<ReferenceFile>('series.json');
    for (const [name, s] of Object.entries(ref.series)) expect(s, name).toEqual(all.series[name]);
  });
});

describe('generator port (series.json)', () => {
  const doc = load<{
    generator: { check_values: Record<string, number[]> };
    series: Record<string, { seed: number; length: number; values?: number[]; source?: number[]; dest?: number[] }>;
  }>('series.json');

  it('mulberry32(1001) gives the check values exactly', () => {
    const check = doc.generator.check_values['mulberry32(1001) first 5 outputs'];
    expect(check).toHaveLength(5);
    const next = mulberry32(1001);
    expect(check.map(() => next())).toEqual(check);
  });

  const generators: Record<string, (seed: number, n: number) => Record<string, number[]>> = {
    coin_iid: (seed, n) => {
      const next = mulberry32(seed);
      return { values: Array.from({ length: n }, () => (next() < 0.5 ? 1 : 0)) };
    },
    binary_te_pair: (seed, n) => {
      const next = mulberry32(seed);
      const source: number[] = [], dest: number[] = [];
      for (let t = 0; t < n; t++) {
        source.push(next() < 0.5 ? 1 : 0);
        const u = next();
        dest.push(t === 0 ? (u < 0.5 ? 1 : 0) : source[t - 1] ^ (u < 0.1 ? 1 : 0));
      }
      return { source, dest };
    },
    gauss_iid: (seed, n) => {
      const next = mulberry32(seed);
      return { values: Array.from({ length: n }, () => gaussianSample(next)) };
    },
    ar1: (seed, n) => {
      const next = mulberry32(seed);
      const x = [gaussianSample(next)];
      for (let t = 1; t < n; t++) x.push(0.8 * x[t - 1] + gaussianSample(next));
      return { values: x };
    },
    coupled_pair: (seed, n) => {
      const next = mulberry32(seed);
      const source: number[] = [], dest: number[] = [];
      for (let t = 0; t < n; t++) {
        source.push(gaussianSample(next));
        const e = gaussianSample(next);
        dest.push(t === 0 ? e : 0.6 * dest[t - 1] + 0.5 * source[t - 1] + e);
      }
      return { source, dest };
    },
  };

  it('has a generator for every stored series', () => {
    expect(Object.keys(doc.series).sort()).toEqual(Object.keys(generators).sort());
  });

  it.each(Object.keys(generators))('regenerates %s exactly', (name) => {
    const s = doc.series[name];
    const regenerated = generators[name](s.seed, s.length);
    let compared = 0;
    for (const [part, values] of Object.entries(regenerated)) {
      const stored = (s as Record<string, unknown>)[part] as number[];
      expect(stored, `${name}.${part}`).toHaveLength(s.length);
      expect(values, `${name}.${part}`).toEqual(stored);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
