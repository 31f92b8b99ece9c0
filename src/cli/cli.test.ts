import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureOutput, tempFiles } from '../test-support/cli.ts';
import { main } from './main.ts';
import { edge, leakyUnitDoc, node, rawDoc } from '../test-support/docs.ts';

const io = captureOutput();

const { file, path: tempPath } = tempFiles('recurrence-cli-');

describe('recurrence validate', () => {
  it('prints "valid" and exits 0 for a valid document', async () => {
    expect(await main(['validate', file('ok.json', leakyUnitDoc())])).toBe(0);
    expect(io.out).toBe('valid\n');
  });

  it('prints one line per error and exits 1, without a stack trace', async () => {
    const raw = leakyUnitDoc();
    (raw.nodes[1].params as Record<string, unknown>).leak = 3;
    raw.edges.push(edge('e', 'u', 'ghost', { type: 'constant', value: 1 }));
    expect(await main(['validate', file('bad.json', raw)])).toBe(1);
    expect(io.out.trim().split('\n')).toEqual(['nodes[1].params.leak: must be in (0, 1], got 3']);
    expect(io.err).not.toMatch(/\n\s+at /);
  });

  it('reports files that are missing or not JSON in one line', async () => {
    expect(await main(['validate', tempPath('missing.json')])).toBe(1);
    expect(io.err).toMatch(/^recurrence: .*missing\.json: no such file\n$/);
    expect(await main(['validate', file('text.json', 'hello')])).toBe(1);
    expect(io.out).toMatch(/^\(root\): not valid JSON/);
  });
});

describe('recurrence run', () => {
  it('prints the example trace 1, 1.5, 1.75 as JSON', async () => {
    expect(await main(['run', file('ex.json', leakyUnitDoc()), '--steps', '3', '--probe', 'x'])).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ seed: 7, steps: 3, probes: { x: { size: 1, values: [[1], [1.5], [1.75]] } } });
  });

  it('probes every node by default and honours --seed', async () => {
    await main(['run', file('ex2.json', leakyUnitDoc()), '--steps', '2', '--seed', '99']);
    const result = JSON.parse(io.out);
    expect(result.seed).toBe(99);
    expect(Object.keys(result.probes)).toEqual(['u', 'x']);
  });

  it('writes CSV with one column per unit headed ID[i], and --out writes a file', async () => {
    const doc = rawDoc([node('u', 'input', { size: 2, signal: { type: 'sequence', values: [[1, 2], [3, 4]] } })]);
    const target = tempPath('out.csv');
    expect(await main(['run', file('csv.json', doc), '--steps', '2', '--format', 'csv', '--out', target])).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('u[0],u[1]\n1,2\n3,4\n');
    await main(['run', file('csv2.json', doc), '--steps', '1', '--format', 'csv', '--probe', 'u[1]', '--probe', 'u.output']);
    expect(io.out).toBe('u[1],u.output[0],u.output[1]\n2,1,2\n');
  });

  it("records an edge's weights with --probe EDGE.w (row-major, absent synapses 0), in JSON and CSV", async () => {
    const doc = rawDoc(
      [node('u', 'input', { size: 2, signal: { type: 'constant', value: 1 } }), node('y', 'rate', { size: 2, activation: 'linear' })],
      [edge('e', 'u', 'y', { type: 'matrix', values: [[0.5, 0], [0, -2]] }, 0, { plasticity: { rule: 'hebbian', eta: 0.1 } })],
    );
    expect(await main(['run', file('w.json', doc), '--steps', '2', '--probe', 'e.w'])).toBe(0);
    // y = W·1 before each step's change; Δw_ij = 0.1·y_i·x_j: step 1 y = (0.5, −2), step 2 y = (0.6, −2.4)
    const values = JSON.parse(io.out).probes['e.w'].values as number[][];
    [[0.55, 0.05, -0.2, -2.2], [0.61, 0.11, -0.44, -2.44]].forEach((row, t) => row.forEach((v, k) => expect(values[t][k]).toBeCloseTo(v, 12)));
    const target = tempPath('w.csv');
    await main(['run', file('w2.json', doc), '--steps', '1', '--format', 'csv', '--probe', 'e.w[3]', '--out', target]);
    expect(readFileSync(target, 'utf8')).toBe('e.w[3]\n-2.2\n');
  });

  it.each([
    [['--steps', '0'], /--steps must be a whole number/],
    [['--steps', '2.5'], /--steps must be a whole number/],
    [['--steps', '3', '--seed', '-4'], /--seed must be a whole number/],
    [['--steps', '3', '--format', 'xml'], /--format must be json or csv, got "xml"/],
    [['--steps', '3', '--probe', 'nobody'], /no node or edge with id "nobody"/],
    [['--steps', '3', '--probe', 'self.gain'], /"self" is an edge; probe its weights as self\.w/],
    [['--steps', '3', '--probe', 'x[7]'], /unit 7 is out of range/],
    [['--steps', '3', '--probe', 'x..y'], /must look like ID, ID.VAR/],
  ])('rejects bad flags %j with a one-line reason', async (flags, reason) => {
    expect(await main(['run', file('flags.json', leakyUnitDoc()), ...flags])).not.toBe(0);
    expect(io.err).toMatch(reason);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an invalid document naming its first problem', async () => {
    const raw = leakyUnitDoc();
    raw.version = 7;
    expect(await main(['run', file('v7.json', raw), '--steps', '1'])).toBe(1);
    expect(io.err).toMatch(/is not a valid document: version: this file has format version 7/);
  });

  it('stops a diverging run with the node and step', async () => {
    const raw = leakyUnitDoc();
    ((raw.edges[1].params as Record<string, unknown>).weight as Record<string, unknown>).value = 2;
    expect(await main(['run', file('div.json', raw), '--steps', '2000'])).toBe(1);
    expect(io.err).toBe('recurrence: the run diverged: node "x" diverged at step 1024: unit 0 became Infinity\n');
  });
});

describe('recurrence schedule and inspect', () => {
  it('lists the operations of one step in order, with reads, writes and delays', async () => {
    expect(await main(['schedule', file('s.json', leakyUnitDoc()), '--json'])).toBe(0);
    const { operations } = JSON.parse(io.out);
    expect(operations.map((o: { type: string; node: string; edge?: string }) => `${o.type}:${o.node}${o.edge ? `:${o.edge}` : ''}`)).toEqual([
      'update:u',
      'clear:x',
      'deliver:x:in',
      'deliver:x:self',
      'update:x',
      'commit:x',
    ]);
    expect(operations[3]).toMatchObject({ delay: 1, reads: ['x.y[t−1]', 'W[self]'], writes: ['x.in'] });
  });

  it('prints a readable schedule without --json', async () => {
    await main(['schedule', file('s2.json', leakyUnitDoc())]);
    expect(io.out).toContain('x.in += W[self] · x.y[t−1]  [delay 1]');
  });

  it('reports shapes, nonzeros and the spectral radius of square matrices', async () => {
    const doc = rawDoc(
      [node('u', 'input', { size: 3, signal: { type: 'constant', value: 1 } }), node('r', 'rate', { size: 50 })],
      [
        edge('in', 'u', 'r', { type: 'uniform', low: -1, high: 1 }),
        edge('rec', 'r', 'r', { type: 'normal' }, 1, { connectivity: 0.1, spectralRadius: 0.95 }),
      ],
    );
    expect(await main(['inspect', file('i.json', doc), '--json'])).toBe(0);
    const facts = JSON.parse(io.out);
    expect(facts.nodes).toEqual([
      { id: 'u', kind: 'input', size: 3, variables: ['output'], summary: 'constant' },
      { id: 'r', kind: 'rate', size: 50, variables: ['output', 'net'], summary: 'tanh' },
    ]);
    expect(facts.edges[0]).toMatchObject({ shape: [50, 3], storage: 'dense', nonzeros: 150, spectralRadius: null });
    expect(facts.edges[1]).toMatchObject({ shape: [50, 50], storage: 'csr' });
    expect(facts.edges[1].nonzeros).toBeGreaterThan(150);
    expect(facts.edges[1].nonzeros).toBeLessThan(350);
    expect(facts.edges[1].spectralRadius).toBeCloseTo(0.95, 9);
  });
});
