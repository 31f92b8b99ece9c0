/** The CLI with the neuron models: state-variable probes, inspect's variables, learn operations in the schedule. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { edge, node, rawDoc } from '../test-support/docs.ts';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'recurrence-models-'));
const path = join(dir, 'lif.json');
writeFileSync(
  path,
  JSON.stringify(
    rawDoc(
      [node('p', 'poisson', { size: 20, rate: 200 }), node('n1', 'lif', { size: 4, i_e: 1.4 }), node('res', 'rate', { size: 3, activation: 'tanh', plasticity: { rule: 'ip-schrauwen' } })],
      [
        edge('in', 'p', 'n1', { type: 'uniform', low: 0, high: 2 }, 1, { synapse: { type: 'delta' }, plasticity: { rule: 'stdp' } }),
        edge('r', 'n1', 'res', { type: 'constant', value: 1 }),
      ],
      { dt: 0.1 },
    ),
  ),
);

describe('recurrence CLI with neuron models and plasticity', () => {
  it('run --probe ID.VAR records a state variable (n1.v, res.gain)', async () => {
    expect(await main(['run', path, '--steps', '30', '--probe', 'n1.v', '--probe', 'res.gain'])).toBe(0);
    const result = JSON.parse(out);
    expect(result.probes['n1.v'].size).toBe(4);
    expect(result.probes['n1.v'].values[0][0]).toBeLessThan(-60);
    expect(result.probes['res.gain'].values).toHaveLength(30);
  });

  it('inspect --json lists each node’s variables', async () => {
    expect(await main(['inspect', path, '--json'])).toBe(0);
    const nodes = JSON.parse(out).nodes;
    expect(nodes.find((n: { id: string }) => n.id === 'n1').variables).toEqual(['output', 'v', 'i_syn']);
    expect(nodes.find((n: { id: string }) => n.id === 'res').variables).toEqual(['output', 'net', 'gain', 'bias']);
  });

  it('schedule shows the learn operations with what they read and write', async () => {
    expect(await main(['schedule', path])).toBe(0);
    expect(out).toMatch(/learn\s+W\[in\]_ij \+= .*pair STDP/);
    expect(out).toMatch(/reads: p\.y\[t−1\], n1\.y\[t\], W\[in\]\s+writes: W\[in\], traces\[in\]/);
    expect(out).toMatch(/learn\s+Δb = .*Schrauwen/);
    expect(out).toMatch(/deliver n1\.in\[delta\] \+= W\[in\] · p\.y\[t−1\] {2}\(event-driven/);
  });
});
