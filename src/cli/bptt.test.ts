import { describe, expect, it } from 'vitest';
import { captureOutput, tempFiles } from '../test-support/cli.ts';
import { main } from './main.ts';
import { edge, node, rawDoc } from '../test-support/docs.ts';

const io = captureOutput();
const { file } = tempFiles('recurrence-bptt-');

function xorNetwork(training: Record<string, unknown>) {
  return rawDoc(
    [
      node('u', 'input', { signal: { type: 'xor-memory', lag: 1 } }),
      node('a', 'rate', { size: 6, activation: 'tanh', leak: 0.7 }),
      node('b', 'rate', { size: 3, activation: 'sigmoid' }),
      node('out', 'readout', { target: 'u.target', washout: 10, train: 300, test: 100, training }),
    ],
    [
      edge('in', 'u', 'a', { type: 'uniform', low: -1, high: 1 }),
      edge('rec', 'a', 'a', { type: 'normal' }, 1, { spectralRadius: 0.9 }),
      edge('ab', 'a', 'b', { type: 'normal' }, 2),
      { id: 'ro', source: 'a', target: 'out' },
      { id: 'rb', source: 'b', target: 'out' },
    ],
    { seed: 2 },
  );
}

describe('recurrence train with BPTT readouts', () => {
  it('adds the loss curve per epoch and the accuracies on a binary target', async () => {
    const path = file('xor.json', xorNetwork({ method: 'bptt', optimizer: 'adam', learning_rate: 0.03, epochs: 6, truncation: 15, loss: 'bce', clip: 5 }));
    expect(await main(['train', path, '--json'])).toBe(0);
    const { readouts } = JSON.parse(io.out);
    const r = readouts.out;
    expect(r.method).toBe('bptt');
    expect(r.loss_curve).toHaveLength(6);
    expect(r.loss_curve[5]).toBeLessThan(r.loss_curve[0]);
    expect(r.test_loss_curve).toHaveLength(6);
    expect(r.accuracy_train).toBeGreaterThanOrEqual(0);
    expect(r.accuracy_test).toBeGreaterThan(0.9);
    expect(r.parameters_trained).toBe(6 + 6 + 36 + 18 + 3 + 10);
    io.out = '';
    expect(await main(['train', path])).toBe(0);
    expect(io.out).toMatch(/^out \(bptt\): NRMSE train [\d.]+, test [\d.]+, ‖W_out‖ [\d.]+, accuracy train [\d.]+ %, test [\d.]+ %, loss [\d.e-]+ → [\d.e-]+ over 6 epochs\n$/);
  });

  it('reports accuracies for a ridge readout on a binary target too, and none on a real-valued one', async () => {
    expect(await main(['train', file('ridge.json', xorNetwork({ method: 'ridge', lambda: 1e-6 })), '--json'])).toBe(0);
    const r = JSON.parse(io.out).readouts.out;
    expect(r.accuracy_test).toBeGreaterThan(0);
    expect(r.accuracy_test).toBeLessThanOrEqual(1);
    expect(r.loss_curve).toBeUndefined();
    io.out = '';
    const real = xorNetwork({ method: 'ridge' });
    real.nodes[0].params = { signal: { type: 'narma', order: 2 } };
    expect(await main(['train', file('real.json', real), '--json'])).toBe(0);
    expect(JSON.parse(io.out).readouts.out.accuracy_test).toBeUndefined();
  });

  it('fails in one line when a node on the trained path cannot be differentiated', async () => {
    const raw = xorNetwork({ method: 'bptt' });
    (raw.nodes[2].params as Record<string, unknown>).activation = 'step';
    expect(await main(['train', file('step.json', raw)])).toBe(1);
    expect(io.err).toBe('recurrence: node "b" lies on the path to readout "out" and cannot be trained by BPTT: its activation "step" has no derivative to follow (use tanh, sigmoid, relu or linear)\n');
  });
});

describe('recurrence gradcheck', () => {
  it('prints {max_rel_error, parameters_checked} within 1e-5 on a sigmoid/tanh network with leak < 1 and delay 2', async () => {
    const path = file('gc.json', xorNetwork({ method: 'bptt', loss: 'bce' }));
    expect(await main(['gradcheck', path, '--json', '--samples', '30'])).toBe(0);
    const result = JSON.parse(io.out);
    expect(result.parameters_checked).toBeGreaterThanOrEqual(25);
    expect(result.max_rel_error).toBeLessThanOrEqual(1e-5);
    expect(result.entries[0]).toEqual({ parameter: expect.any(String), analytic: expect.any(Number), numeric: expect.any(Number), rel_error: expect.any(Number) });
    io.out = '';
    expect(await main(['gradcheck', path, '--samples', '8'])).toBe(0);
    expect(io.out).toMatch(/^max relative error [\d.]+e-\d+ over \d+ parameters/);
  });

  it.each([
    [() => rawDoc([node('u', 'input', { signal: { type: 'xor-memory', lag: 1 } }), node('out', 'readout', { target: 'u.target' })], [{ id: 'r', source: 'u', target: 'out' }]), [], /has no readout with "method": "bptt"/],
    [() => xorNetwork({ method: 'bptt' }), ['--samples', '0'], /--samples must be a whole number/],
    [() => xorNetwork({ method: 'bptt' }), ['--steps', 'x'], /--steps must be a whole number/],
  ])('rejects bad input with a one-line reason (%#)', async (make, extra, reason) => {
    expect(await main(['gradcheck', file('bad.json', make()), ...extra])).not.toBe(0);
    expect(io.err).toMatch(reason);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });
});
