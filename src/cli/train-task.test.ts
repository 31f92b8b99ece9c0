import { describe, expect, it } from 'vitest';
import { captureOutput, tempFiles } from '../test-support/cli.ts';
import { main } from './main.ts';
import { edge, node, rawDoc } from '../test-support/docs.ts';

const io = captureOutput();

const { file } = tempFiles('recurrence-train-');

const linear = rawDoc(
  [
    node('u', 'input', { size: 2, signal: { type: 'uniform', low: -1, high: 1 } }),
    node('lin', 'rate', { activation: 'linear' }),
    node('out', 'readout', { target: 'lin', training: { method: 'ridge', lambda: 1e-12 }, washout: 5, train: 100, test: 50 }),
  ],
  [edge('w', 'u', 'lin', { type: 'matrix', values: [[3, -2]] }), { id: 'r', source: 'u', target: 'out' }],
);

describe('recurrence train', () => {
  it('prints NRMSE and the weight norm of each readout as JSON', async () => {
    expect(await main(['train', file('lin.json', linear), '--json'])).toBe(0);
    const { readouts } = JSON.parse(io.out);
    expect(Object.keys(readouts)).toEqual(['out']);
    expect(readouts.out.nrmse_train).toBeLessThan(1e-8);
    expect(readouts.out.nrmse_test).toBeLessThan(1e-8);
    expect(readouts.out.weights_norm).toBeCloseTo(Math.hypot(3, 2), 6);
  });

  it('fails in one line without a readout, or with a readout without target', async () => {
    expect(await main(['train', file('none.json', rawDoc([node('x', 'rate', {})]))])).toBe(1);
    expect(io.err).toBe('recurrence: the network has no readout node to train\n');
    io.err = '';
    const noTarget = rawDoc([node('u', 'input', { signal: { type: 'constant', value: 1 } }), node('out', 'readout', {})], [{ id: 'r', source: 'u', target: 'out' }]);
    expect(await main(['train', file('nt.json', noTarget)])).toBe(1);
    expect(io.err).toBe('recurrence: readout "out" has no target\n');
  });
});

describe('recurrence task memory-capacity', () => {
  const doc = rawDoc(
    [node('u', 'input', { signal: { type: 'memory-capacity', max_delay: 12 } }), node('res', 'rate', { size: 6, activation: 'tanh' })],
    [edge('in', 'u', 'res', { type: 'uniform', low: -0.1, high: 0.1 }), edge('rec', 'res', 'res', { type: 'normal' }, 1, { spectralRadius: 0.9 })],
  );

  it('prints {mc, curve} with one r² per delay; MC ≤ N', async () => {
    expect(await main(['task', 'memory-capacity', file('mc.json', doc), '--node', 'res', '--json', '--train', '1000', '--test', '500'])).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.curve).toHaveLength(12);
    expect(result.mc).toBeCloseTo(result.curve.reduce((a: number, b: number) => a + b, 0), 12);
    expect(result.mc).toBeGreaterThan(2);
    expect(result.mc).toBeLessThanOrEqual(6);
    await main(['task', 'memory-capacity', file('mc2.json', doc), '--node', 'res', '--max-delay', '4', '--json']);
    expect(JSON.parse(io.out.split('\n')[1]).curve).toHaveLength(4);
  });

  it.each([
    [['task', 'memory', 'F', '--node', 'res'], /unknown task "memory"/],
    [['task', 'memory-capacity', 'F', '--node', 'nobody'], /--node: no node with id "nobody"/],
    [['task', 'memory-capacity', 'F', '--node', 'res', '--max-delay', '0'], /--max-delay must be a whole number/],
    [['task', 'memory-capacity', 'F', '--node', 'res', '--lambda', '-1'], /--lambda must be a number ≥ 0/],
    [['task', 'memory-capacity', 'F', '--node', 'res', '--input', 'res'], /--input: no input node with id "res"/],
  ])('rejects %j with a one-line reason', async (args, reason) => {
    const path = file('mcbad.json', doc);
    expect(await main(args.map((a) => (a === 'F' ? path : a)))).not.toBe(0);
    expect(io.err).toMatch(reason);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });
});
