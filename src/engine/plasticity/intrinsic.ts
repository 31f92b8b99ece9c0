/**
 * Intrinsic plasticity (IP): each unit adapts its own excitability so that its output distribution
 * approaches a target, by gradient descent on the KL divergence between them. Per unit, with
 * x the net input, y = f(a·x + b), gain a and bias b, learning rate η:
 *
 *  Triesch 2005 (Fermi/logistic units, exponential target with mean μ):
 *    Δb = η·(1 − (2 + 1/μ)·y + y²/μ),     Δa = η/a + x·Δb
 *  Schrauwen et al. 2008 (tanh units, Gaussian target N(μ, σ²)):
 *    Δb = −η·(−μ/σ² + (y/σ²)·(2σ² + 1 − y² + μ·y)),     Δa = η/a + x·Δb
 *  Lazar, Pipa & Triesch 2009 (SORN, binary units with threshold T, target rate h_ip):
 *    T ← T + η·(y − h_ip)
 */
import type { RateIpSpec, ThresholdIpSpec } from '../../model/index.ts';
import type { PlasticityRuntime } from '../compile/types.ts';

export interface IpState {
  /** Net input x of the step (before gain and bias). */
  x: Float64Array;
  /** y = f(a·x + b) of the step. */
  y: Float64Array;
  gain: Float64Array;
  bias: Float64Array;
}

export function rateIp(id: string, spec: RateIpSpec, s: IpState): PlasticityRuntime {
  const { eta, mu } = spec;
  const base = { node: id, rule: spec.rule, frozen: spec.frozen, reads: [`${id}.in`, `${id}.y[t]`, `${id}.gain`, `${id}.bias`], writes: [`${id}.gain`, `${id}.bias`] };
  const n = s.x.length;
  if (spec.rule === 'ip-triesch') {
    const k = 2 + 1 / mu;
    return {
      ...base,
      equation: `Δb = ${eta}·(1 − (2 + 1/${mu})·y + y²/${mu}), Δa = ${eta}/a + x·Δb  (Triesch 2005; y = σ(a·x + b), exponential target, mean ${mu})`,
      apply() {
        for (let i = 0; i < n; i++) {
          const y = s.y[i];
          const db = eta * (1 - k * y + (y * y) / mu);
          s.gain[i] += eta / s.gain[i] + s.x[i] * db;
          s.bias[i] += db;
        }
      },
    };
  }
  const v = spec.sigma * spec.sigma;
  return {
    ...base,
    equation: `Δb = −${eta}·(−${mu}/σ² + (y/σ²)·(2σ² + 1 − y² + ${mu}·y)), Δa = ${eta}/a + x·Δb, σ = ${spec.sigma}  (Schrauwen et al. 2008; y = tanh(a·x + b), Gaussian target)`,
    apply() {
      for (let i = 0; i < n; i++) {
        const y = s.y[i];
        const db = -eta * (-mu / v + (y / v) * (2 * v + 1 - y * y + mu * y));
        s.gain[i] += eta / s.gain[i] + s.x[i] * db;
        s.bias[i] += db;
      }
    },
  };
}

export function thresholdIp(id: string, spec: ThresholdIpSpec, y: Float64Array, threshold: Float64Array): PlasticityRuntime {
  const { eta, h_ip: target } = spec;
  return {
    node: id,
    rule: spec.rule,
    frozen: spec.frozen,
    reads: [`${id}.y[t]`, `${id}.threshold`],
    writes: [`${id}.threshold`],
    equation: `T_i += ${eta}·(y_i − ${target})  (threshold IP, Lazar et al. 2009)`,
    apply() {
      for (let i = 0; i < y.length; i++) threshold[i] += eta * (y[i] - target);
    },
  };
}
