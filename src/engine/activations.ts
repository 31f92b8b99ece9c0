/**
 * Activation functions f of rate units, applied elementwise (dimensionless); tanh and the
 * sigmoid come from the deterministic math module (bit-identical in Node and browsers).
 *  linear f(a) = a; tanh f(a) = tanh(a); sigmoid (logistic) f(a) = 1 / (1 + e^(−a));
 *  relu f(a) = max(0, a); step (Heaviside, threshold 0) f(a) = 1 if a > 0 else 0.
 */
import type { Activation } from '../kinds/rate/schema.ts';
import { sigmoid, tanh } from './math/detmath.ts';

export type ScalarFn = (a: number) => number;

export const activationFns: Record<Activation, ScalarFn> = {
  linear: (a) => a,
  tanh,
  sigmoid,
  relu: (a) => (a > 0 ? a : 0),
  step: (a) => (a > 0 ? 1 : 0),
};

export const activationFormulas: Record<Activation, string> = {
  linear: 'f(a) = a',
  tanh: 'f(a) = tanh(a)',
  sigmoid: 'f(a) = 1/(1+e^−a)',
  relu: 'f(a) = max(0, a)',
  step: 'f(a) = [a > 0]',
};

/**
 * f′ written through the activation's value v = f(a) (dimensionless), so the backward of a rate
 * update reads the recorded f(net) instead of recomputing it: linear 1; tanh 1 − v²;
 * sigmoid v·(1 − v); relu [v > 0] (the subgradient 0 at a = 0). The step function has no useful
 * derivative (0 almost everywhere): null.
 */
export const activationSlopes: Record<Activation, ScalarFn | null> = {
  linear: () => 1,
  tanh: (v) => 1 - v * v,
  sigmoid: (v) => v * (1 - v),
  relu: (v) => (v > 0 ? 1 : 0),
  step: null,
};
