import { describe, expect, it } from 'vitest';
import { captureOutput, tempFiles } from '../../test-support/cli.ts';
import { main } from '../main.ts';
import { computeMeasure } from '../../measures/index.ts';
import { Recorder, Simulator, parseProbe } from '../../engine/index.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';

const io = captureOutput();

const raw = rawDoc(
  [node('u', 'input', { signal: { type: 'gaussian', mean: 0, std: 1 } }), node('x', 'rate', { size: 2, activation: 'tanh', leak: 0.5 })],
  [edge('in', 'u', 'x', { type: 'constant', value: 0.8 }), edge('rec', 'x', 'x', { type: 'matrix', values: [[0.5, 0], [0.3, 0.2]] }, 1)],
  { seed: 9 },
);
const path = tempFiles('recurrence-measure-doc-').file('doc.json', raw);

describe('recurrence measure --doc', () => {
  it('measures a probed unit of a simulation exactly as on its recorded trace', async () => {
    expect(await main(['measure', '--doc', path, '--steps', '800', '--probe', 'x[1]', '--measure', 'ais', '--estimator', 'gaussian', '--k', '2', '--json'])).toBe(0);
    const result = JSON.parse(io.out);
    const sim = Simulator.fromDocument(valid(raw));
    const rec = new Recorder(sim, parseProbe('x[1]'), 800);
    sim.run(800, () => rec.record());
    const expected = computeMeasure({ measure: 'ais', estimator: 'gaussian', k: 2 }, { series: rec.rows().map((r) => r[0]) });
    expect(result.average).toBe(expected.average);
    expect(result.input.series).toBe('x[1]');
  });

  it('takes --source and --dest from two probes (mi) and --seed for the run', async () => {
    expect(await main(['measure', '--doc', path, '--steps', '500', '--seed', '3', '--probe', 'u', '--probe', 'x[0]', '--measure', 'mi', '--estimator', 'gaussian', '--json'])).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.input.origin).toContain('seed 3');
    expect(result.input).toMatchObject({ source: 'u', dest: 'x[0]' });
    expect(result.average).toBeGreaterThan(0.3); // u drives x[0] within the same step
  });

  it.each([
    [['--doc', 'DOC', '--probe', 'x[0]'], /--doc needs --steps/],
    [['--doc', 'DOC', '--steps', '10'], /--doc needs at least one --probe/],
    [['--doc', 'DOC', '--steps', '10', '--probe', 'x'], /records 2 units; a measure needs one unit/],
    [['--doc', 'DOC', '--steps', '10', '--probe', 'ghost[0]'], /no node or edge with id "ghost"/],
    [['--doc', 'DOC', '--input', 'DOC', '--steps', '10', '--probe', 'x[0]'], /either --input FILE or --doc/],
  ])('rejects %j in one line', async (args, reason) => {
    const code = await main(['measure', '--measure', 'entropy', '--estimator', 'gaussian', ...args.map((a) => (a === 'DOC' ? path : a))]);
    expect(code).not.toBe(0);
    expect(io.err).toMatch(reason);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });
});
