/** `recurrence measure` end to end through main(): results against the JIDT reference, and bad input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../test-support/cli.ts';
import { readReference } from '../../test-support/reference.ts';
import { main } from '../main.ts';


interface Entry {
  measure: string;
  series: string;
  params: Record<string, string>;
  average: number;
  locals: number[];
}
const reference = (file: string) =>
  readReference<{
    series: Record<string, { values?: number[]; source?: number[]; dest?: number[] }>;
    entries: Entry[];
  }>(file);

let dir = '';
const file = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'recurrence-measure-'));
  const s = reference('series.json').series;
  const x = s.coupled_pair.source as number[], y = s.coupled_pair.dest as number[];
  writeFileSync(file('pair.csv'), `x,y\n${x.map((v, i) => `${v},${y[i]}`).join('\n')}\n`);
  writeFileSync(
    file('data.json'),
    JSON.stringify({ coin: s.coin_iid.values, bs: s.binary_te_pair.source, bd: s.binary_te_pair.dest, x, y, short: [0, 1, 0] }),
  );
  writeFileSync(file('ragged.csv'), 'a,b\n1,2\n3\n');
  writeFileSync(file('nan.csv'), 'a,b\n1,2\nNaN,3\n4,5\n');
  writeFileSync(file('text.csv'), 'a,b\n1,2\nabc,3\n');
  writeFileSync(file('bad.json'), '{"a": [1, 2,');
  writeFileSync(file('array.json'), '[1, 2, 3]');
  writeFileSync(file('strings.json'), '{"a": [1, "2", 3], "b": [1, 2, 3]}');
  writeFileSync(file('unequal.json'), '{"a": [0, 1, 0, 1, 1], "b": [0, 1, 1, 0]}');
  writeFileSync(file('ints.json'), '{"a": [0, 1, 2, 3, 2, 1, 0, 1, 2, 3], "b": [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], "c": [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const captured = captureOutput();

/** Runs `recurrence measure ARGS` with fresh captured output. */
async function run(args: string[]): Promise<number> {
  captured.out = '';
  captured.err = '';
  return main(['measure', ...args]);
}

async function runJson(args: string[]): Promise<Record<string, unknown>> {
  const code = await run([...args, '--json']);
  expect(captured.err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(captured.out) as Record<string, unknown>;
}

describe('recurrence measure: results', () => {
  it('KSG TE on a CSV equals the JIDT reference (te-ksg.json, k = 1, no normalisation)', async () => {
    const e = reference('te-ksg.json').entries.find(
      (x) => x.measure === 'TE' && x.series.startsWith('coupled_pair source->dest') && x.params.k_history === '1' && x.params.normalise === 'false',
    ) as Entry;
    const r = await runJson(['--input', file('pair.csv'), '--source', 'x', '--dest', 'y', '--measure', 'te', '--estimator', 'ksg']);
    expect(r.measure).toBe('te');
    expect(r.estimator).toBe('ksg');
    expect(r.units).toBe('nats');
    expect(r.params).toEqual({ k: 1, tau: 1, l: 1, delay: 1, neighbours: 4, normalise: false });
    expect(Math.abs((r.average as number) - e.average)).toBeLessThanOrEqual(1e-9);
    expect(r.locals).toBeUndefined();
    expect(r.p).toBeUndefined();
  });

  it('KSG AIS with --normalise and --k 2 equals the reference', async () => {
    const e = reference('ais-ksg.json').entries.find(
      (x) => x.series === 'coupled_pair.dest' && x.params.k_history === '2' && x.params.normalise === 'true',
    ) as Entry;
    const r = await runJson(['--input', file('data.json'), '--series', 'y', '--measure', 'ais', '--estimator', 'ksg', '--k', '2', '--normalise']);
    expect(Math.abs((r.average as number) - e.average)).toBeLessThanOrEqual(1e-9);
  });

  it('discrete AIS with --local returns every padded local value of the reference', async () => {
    const e = reference('ais-discrete.json').entries.find((x) => x.measure === 'AIS' && x.series === 'coin_iid' && x.params.k_history === '2') as Entry;
    const r = await runJson(['--input', file('data.json'), '--series', 'coin', '--measure', 'ais', '--estimator', 'discrete', '--k', '2', '--local']);
    expect(r.units).toBe('bits');
    const locals = r.locals as number[];
    expect(locals).toHaveLength(e.locals.length);
    locals.forEach((v, t) => expect(Math.abs(v - e.locals[t])).toBeLessThanOrEqual(1e-9));
    expect(r.locals_valid_from).toBe(2);
  });

  it('Gaussian MI with --lag 1 equals the reference, with N − 1 unpadded locals', async () => {
    const e = reference('gaussian.json').entries.find((x) => x.measure === 'MI' && x.series.includes('source->dest') && x.params.timeDiff === '1') as Entry;
    const r = await runJson(['--input', file('pair.csv'), '--source', 'x', '--dest', 'y', '--measure', 'mi', '--estimator', 'gaussian', '--lag', '1', '--local']);
    expect(Math.abs((r.average as number) - e.average)).toBeLessThanOrEqual(1e-9);
    expect(r.locals as number[]).toHaveLength(1999);
  });

  it('--surrogates gives a p-value and the surrogate distribution summary, reproducibly for a seed', async () => {
    const args = ['--input', file('data.json'), '--source', 'bs', '--dest', 'bd', '--measure', 'te', '--estimator', 'discrete', '--surrogates', '50', '--seed', '4'];
    const a = await runJson(args);
    expect(a.p).toBe(1 / 51);
    expect(a.surrogates).toMatchObject({ count: 50, seed: 4 });
    const b = await runJson(args);
    expect(b).toEqual(a);
    const reverse = await runJson(['--input', file('data.json'), '--source', 'bd', '--dest', 'bs', '--measure', 'te', '--estimator', 'discrete', '--surrogates', '50', '--seed', '4']);
    expect(reverse.p as number).toBeGreaterThan(0.05);
  });

  it('discretises continuous data with --bins or --threshold median', async () => {
    const binned = await runJson(['--input', file('pair.csv'), '--series', 'x', '--measure', 'entropy', '--estimator', 'discrete', '--bins', '4']);
    expect(binned.params).toEqual({ base: 4, discretise: 'bins:4' });
    expect(binned.average as number).toBeGreaterThan(1);
    expect(binned.average as number).toBeLessThanOrEqual(2);
    const halves = await runJson(['--input', file('pair.csv'), '--series', 'x', '--measure', 'entropy', '--estimator', 'discrete', '--threshold', 'median']);
    expect(halves.average).toBe(1);
  });

  it('accepts --base for integer data and runs entropy-rate with every estimator', async () => {
    const r = await runJson(['--input', file('ints.json'), '--series', 'a', '--measure', 'entropy', '--estimator', 'discrete', '--base', '4']);
    // a = 0 1 2 3 2 1 0 1 2 3: p(0) = p(3) = 0.2, p(1) = p(2) = 0.3; H = −Σ p log₂ p bits
    expect(r.average as number).toBeCloseTo(-(0.4 * Math.log2(0.2) + 0.6 * Math.log2(0.3)), 12);
    for (const estimator of ['discrete', 'gaussian', 'ksg']) {
      const args = ['--input', file('data.json'), '--series', estimator === 'discrete' ? 'coin' : 'x', '--measure', 'entropy-rate', '--estimator', estimator];
      const h = await runJson(args);
      expect(Number.isFinite(h.average), estimator).toBe(true);
    }
  });

  it('prints one human-readable line without --json', async () => {
    const code = await run(['--input', file('pair.csv'), '--series', 'y', '--measure', 'ais', '--estimator', 'gaussian']);
    expect(code).toBe(0);
    expect(captured.out).toMatch(/^ais of y \(gaussian, k=1, tau=1\): 0\.\d+ nats over 1999 samples\n$/);
  });

  it('says in --help that JIDT normalises KSG by default', async () => {
    const code = await run(['--help']);
    expect(code).toBe(0);
    expect(captured.out).toMatch(/JIDT's KSG\s+normalises by default/);
  });
});

describe('recurrence measure: bad input exits non-zero with one line naming the flag or field', () => {
  const json = () => file('data.json');
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => ['--input', file('missing.csv'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /missing\.csv: no such file/],
    ['ragged CSV', () => ['--input', file('ragged.csv'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--input .*line 3 has 1 fields/],
    ['non-finite CSV value', () => ['--input', file('nan.csv'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--series a: .*line 3: "NaN" is not a finite number/],
    ['text in CSV', () => ['--input', file('text.csv'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--series a: .*"abc" is not a finite number/],
    ['invalid JSON', () => ['--input', file('bad.json'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--input .*invalid JSON/],
    ['JSON not an object', () => ['--input', file('array.json'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--input .*expected a JSON object/],
    ['string in JSON array', () => ['--input', file('strings.json'), '--series', 'a', '--measure', 'entropy', '--estimator', 'gaussian'], /--series a: .*"a"\[1\] is not a finite number/],
    ['unknown series', () => ['--input', json(), '--series', 'nope', '--measure', 'ais', '--estimator', 'ksg'], /--series nope: no series named "nope"/],
    ['unknown dest', () => ['--input', json(), '--source', 'x', '--dest', 'nope', '--measure', 'te', '--estimator', 'ksg'], /--dest nope: no series named/],
    ['unequal lengths', () => ['--input', file('unequal.json'), '--source', 'a', '--dest', 'b', '--measure', 'mi', '--estimator', 'discrete'], /--source a and --dest b have different lengths \(5 and 4\)/],
    ['too few samples for k', () => ['--input', json(), '--series', 'short', '--measure', 'ais', '--estimator', 'discrete', '--k', '3'], /--k: .*needs at least 4 samples but the series has 3/],
    ['too few samples for KSG', () => ['--input', json(), '--series', 'short', '--measure', 'ais', '--estimator', 'ksg'], /--k: .*needs at least 6 samples/],
    ['base too small', () => ['--input', file('ints.json'), '--series', 'a', '--measure', 'entropy', '--estimator', 'discrete'], /--base 2 is too small for the data: --series a has the value 2/],
    ['discrete on continuous data', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'discrete'], /--series x: .*not a non-negative integer.*--bins B or --threshold/],
    ['constant series, Gaussian', () => ['--input', file('ints.json'), '--series', 'c', '--measure', 'ais', '--estimator', 'gaussian'], /--series c: the covariance matrix is singular/],
    ['missing --input', () => ['--series', 'x', '--measure', 'ais', '--estimator', 'ksg'], /--input FILE is required/],
    ['missing --measure', () => ['--input', json(), '--series', 'x', '--estimator', 'ksg'], /--measure is required/],
    ['unknown measure', () => ['--input', json(), '--series', 'x', '--measure', 'foo', '--estimator', 'ksg'], /--measure must be one of entropy, mi, entropy-rate, ais, te, got "foo"/],
    ['unknown estimator', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'bar'], /--estimator must be one of discrete, gaussian, ksg/],
    ['--k 0', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'ksg', '--k', '0'], /--k must be a whole number/],
    ['--k 1.5', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'ksg', '--k', '1.5'], /--k must be a whole number/],
    ['--neighbours abc', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'ksg', '--neighbours', 'abc'], /--neighbours must be a whole number/],
    ['--base 1', () => ['--input', json(), '--series', 'coin', '--measure', 'entropy', '--estimator', 'discrete', '--base', '1'], /--base must be a whole number/],
    ['--threshold abc', () => ['--input', json(), '--series', 'x', '--measure', 'entropy', '--estimator', 'discrete', '--threshold', 'abc'], /--threshold must be a finite number or "median"/],
    ['--bins and --threshold', () => ['--input', json(), '--series', 'x', '--measure', 'entropy', '--estimator', 'discrete', '--bins', '3', '--threshold', '0'], /either --bins or --threshold/],
    ['--base below --bins', () => ['--input', json(), '--series', 'x', '--measure', 'entropy', '--estimator', 'discrete', '--bins', '4', '--base', '2'], /--base 2 is too small for --bins 4/],
    ['--lag on ais', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'ksg', '--lag', '1'], /--lag applies to --measure mi only/],
    ['--bins with ksg', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'ksg', '--bins', '3'], /--bins applies to --estimator discrete only/],
    ['--normalise with gaussian', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'gaussian', '--normalise'], /--normalise applies to --estimator ksg only/],
    ['--series for te', () => ['--input', json(), '--series', 'x', '--measure', 'te', '--estimator', 'ksg'], /--series does not apply to --measure te/],
    ['te without --dest', () => ['--input', json(), '--source', 'x', '--measure', 'te', '--estimator', 'ksg'], /--measure te needs --source NAME and --dest NAME/],
    ['--surrogates on entropy', () => ['--input', json(), '--series', 'coin', '--measure', 'entropy', '--estimator', 'discrete', '--surrogates', '10'], /--surrogates applies to --measure mi, ais and te/],
    ['--surrogates 0', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'gaussian', '--surrogates', '0'], /--surrogates must be a whole number/],
    ['--seed -1', () => ['--input', json(), '--series', 'x', '--measure', 'ais', '--estimator', 'gaussian', '--surrogates', '5', '--seed', '-1'], /--seed must be a whole number/],
    ['--delay too long', () => ['--input', json(), '--source', 'x', '--dest', 'y', '--measure', 'te', '--estimator', 'gaussian', '--delay', '2000'], /--delay: .*needs at least 2002 samples/],
  ];

  it.each(cases)('%s', async (_, args, message) => {
    const code = await run(args());
    expect(code).not.toBe(0);
    expect(captured.out).toBe('');
    expect(captured.err).toMatch(/^recurrence: [^\n]+\n$/);
    expect(captured.err).toMatch(message);
    expect(captured.err).not.toMatch(/internal error|\n\s+at /);
  });
});
