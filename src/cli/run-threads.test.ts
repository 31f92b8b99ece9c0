/** `recurrence run --threads`: the two-thread split gives the same bits as one thread, and the process exits cleanly. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureOutput, tempFiles } from '../test-support/cli.ts';
import { main } from './main.ts';
import { parseThreads, withSimulator } from './simulate.ts';
import type { GraphDocument } from '../model/index.ts';
import { edge, node, rawDoc, valid } from '../test-support/docs.ts';

const io = captureOutput();
const { file } = tempFiles('recurrence-threads-');

/** A dense leaky-tanh reservoir of n units (n² potential synapses). */
function reservoir(n: number): GraphDocument {
  return valid(
    rawDoc(
      [node('u', 'input', { signal: { type: 'sine', period: 20 } }), node('res', 'rate', { size: n, activation: 'tanh', leak: 0.3 })],
      [edge('in', 'u', 'res', { type: 'uniform', low: -1, high: 1 }), edge('rec', 'res', 'res', { type: 'normal', std: 0.04 }, 1)],
    ),
  );
}

describe('recurrence run --threads', () => {
  it('chooses threads as the app does, and refuses other values', () => {
    expect(parseThreads('auto', reservoir(100))).toBe(1);
    expect(parseThreads('auto', reservoir(600))).toBe(2); // 360,000 ≥ 2^18 potential synapses
    expect(parseThreads('1', reservoir(600))).toBe(1);
    expect(() => parseThreads('3', reservoir(10))).toThrow('--threads must be 1, 2 or auto, got "3"');
  });

  it('runs a helper worker with --threads 2 and prints the same bits as one thread', async () => {
    const doc = reservoir(600);
    expect(await withSimulator(doc, { threads: 2 }, (sim) => sim.program.threads)).toBe(2);
    const path = file('res600.json', doc);
    const outputs: string[] = [];
    for (const threads of ['1', '2']) {
      io.out = '';
      expect(await main(['run', path, '--steps', '40', '--probe', 'res', '--threads', threads])).toBe(0);
      outputs.push(io.out);
    }
    expect(outputs[0].length).toBeGreaterThan(40 * 600 * 5);
    expect(outputs[1]).toBe(outputs[0]);
    expect(await main(['run', path, '--steps', '1', '--threads', 'many'])).toBe(1);
    expect(io.err).toBe('recurrence: --threads must be 1, 2 or auto, got "many"\n');
  }, 60_000);

  it('exits by itself after a two-thread run (the helper is terminated)', () => {
    const path = file('res600-exit.json', reservoir(600));
    const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', bin, 'run', path, '--steps', '20', '--probe', 'res[0]', '--threads', '2'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).probes['res[0]'].values).toHaveLength(20);
  }, 60_000);
});
