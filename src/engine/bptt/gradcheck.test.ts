/**
 * The whole adjoint (every operation of the schedule, delay lines, several populations, readout
 * feedback) against central finite differences of the network's loss, on several networks.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../simulator.ts';
import { gradientCheck } from './gradcheck.ts';
import { jsKernels } from '../kernels/js-kernels.ts';
import { edge, node, rawDoc, valid } from '../../test-support/docs.ts';

const bptt = (loss: 'mse' | 'bce', extra: Record<string, unknown> = {}) => ({ method: 'bptt', loss, ...extra });

/** Sigmoid and tanh populations, leaks < 1, delays 2 and 3, a sparse (CSR) edge, a delayed readout input. */
function mixedNetwork(loss: 'mse' | 'bce') {
  return rawDoc(
    [
      node('u', 'input', { size: 2, signal: { type: 'uniform', low: -1, high: 1 } }),
      node('d', 'input', { size: 1, signal: { type: 'xor-memory', lag: 3 } }),
      node('a', 'rate', { size: 6, activation: 'tanh', leak: 0.6, bias: 0.1 }),
      node('b', 'rate', { size: 4, activation: 'sigmoid', leak: 0.8, bias: -0.2 }),
      node('out', 'readout', { target: 'd.target', washout: 5, train: 200, test: 50, training: bptt(loss) }),
    ],
    [
      edge('in_a', 'u', 'a', { type: 'uniform', low: -1, high: 1 }),
      edge('in_b', 'd', 'b', { type: 'uniform', low: -1, high: 1 }),
      edge('aa', 'a', 'a', { type: 'normal', std: 1 }, 1, { spectralRadius: 1.1 }),
      edge('ab', 'a', 'b', { type: 'normal', std: 1 }, 3),
      edge('ba', 'b', 'a', { type: 'normal', std: 0.5 }, 2, { connectivity: 0.3 }),
      { id: 'ro', source: 'a', target: 'out' },
      { id: 'ro2', source: 'b', target: 'out', params: { delay: 2 } },
    ],
    { seed: 5 },
  );
}

/** Elman's SRN: a frozen identity copy hidden → context (delay 1), linear context units. */
function elmanNetwork() {
  return rawDoc(
    [
      node('u', 'input', { size: 1, signal: { type: 'delayed-copy', lag: 2 } }),
      node('hidden', 'rate', { size: 8, activation: 'tanh' }),
      node('context', 'rate', { size: 8, activation: 'linear' }),
      node('out', 'readout', { target: 'u.target', washout: 3, train: 100, test: 20, training: bptt('bce') }),
    ],
    [
      edge('w_in', 'u', 'hidden', { type: 'uniform', low: -1, high: 1 }),
      edge('copy', 'hidden', 'context', { type: 'identity', value: 1 }, 1, { trainable: false }),
      edge('w_ctx', 'context', 'hidden', { type: 'normal', std: 0.5 }),
      { id: 'ro', source: 'hidden', target: 'out' },
    ],
    { seed: 2 },
  );
}

/** Jordan's network: the readout's own output fed back through decaying state units. */
function jordanNetwork() {
  return rawDoc(
    [
      node('plan', 'input', { size: 1, signal: { type: 'constant', value: 1 } }),
      node('d', 'input', { size: 1, signal: { type: 'sequence', values: [0, 1, 1, 0, 1, 0] } }),
      node('state', 'rate', { size: 1, activation: 'linear' }),
      node('hidden', 'rate', { size: 6, activation: 'relu', bias: 0.2 }),
      node('out', 'readout', { target: 'd', washout: 2, train: 60, test: 12, training: bptt('mse') }),
    ],
    [
      edge('w_plan', 'plan', 'hidden', { type: 'uniform', low: -1, high: 1 }),
      edge('w_state', 'state', 'hidden', { type: 'uniform', low: -1, high: 1 }),
      edge('feedback', 'out', 'state', { type: 'identity', value: 1 }, 1, { trainable: false }),
      edge('decay', 'state', 'state', { type: 'identity', value: 0.5 }, 1, { trainable: false }),
      { id: 'ro', source: 'hidden', target: 'out' },
    ],
    { seed: 9 },
  );
}

/** 40 tanh units: the dense products run in the kernels' memory (placed workspace). */
function largeNetwork() {
  return rawDoc(
    [
      node('u', 'input', { size: 1, signal: { type: 'gaussian', mean: 0, std: 1 } }),
      node('h', 'rate', { size: 40, activation: 'tanh', leak: 0.9 }),
      node('out', 'readout', { size: 2, target: 't', washout: 10, train: 100, test: 0, training: bptt('mse') }),
      node('t', 'input', { size: 2, signal: { type: 'sine', period: 17 } }),
    ],
    [
      edge('in', 'u', 'h', { type: 'uniform', low: -1, high: 1 }),
      edge('rec', 'h', 'h', { type: 'normal' }, 1, { spectralRadius: 0.95 }),
      { id: 'ro', source: 'h', target: 'out' },
    ],
  );
}

describe('gradient check: BPTT against central finite differences', () => {
  it.each([
    ['sigmoid + tanh, leaks < 1, delays 2 and 3, sparse edge (bce)', () => mixedNetwork('bce')],
    ['the same network with the mse loss', () => mixedNetwork('mse')],
    ["Elman's SRN with a frozen copy edge", elmanNetwork],
    ["Jordan's network: the readout feeds back (relu, linear)", jordanNetwork],
  ])('%s: max relative error ≤ 1e-5', (_name, make) => {
    const result = gradientCheck(Simulator.fromDocument(valid(make())), { samples: 40 });
    expect(result.parameters_checked).toBeGreaterThanOrEqual(20);
    expect(result.max_rel_error).toBeLessThanOrEqual(1e-5);
    // the check is not vacuous: the gradients are not all tiny
    expect(Math.max(...result.entries.map((e) => Math.abs(e.analytic)))).toBeGreaterThan(1e-3);
  });

  it('40 tanh units with the products in the kernels’ memory, and the same bits with the JS kernels', () => {
    const doc = valid(largeNetwork());
    const fast = gradientCheck(Simulator.fromDocument(doc), { samples: 30 });
    expect(fast.max_rel_error).toBeLessThanOrEqual(1e-5);
    const plain = gradientCheck(Simulator.fromDocument(doc, { kernels: jsKernels }), { samples: 30 });
    expect(plain.entries.map((e) => e.analytic)).toEqual(fast.entries.map((e) => e.analytic));
  });

  it('a wrong gradient is caught: breaking the leak of the backward shows up as a large error', () => {
    const doc = valid(mixedNetwork('mse'));
    const sim = Simulator.fromDocument(doc);
    const a = sim.program.nodeById.get('a')!;
    const original = a.adjoint!.backward.bind(a.adjoint);
    // a backward that forgets the leak's share ∂J/∂y[t−1] += (1 − a)·∂J/∂y[t]
    (a.adjoint as { backward: typeof original }).backward = (step) => {
      const before = Float64Array.from(step.dY.subarray(step.row - a.size, step.row));
      original(step);
      step.dY.set(before, step.row - a.size);
    };
    expect(gradientCheck(sim, { samples: 40 }).max_rel_error).toBeGreaterThan(1e-2);
  });
});
