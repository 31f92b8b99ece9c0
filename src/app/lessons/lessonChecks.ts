/**
 * Which "try this" steps the app can check, per lesson (keyed by preset name, steps numbered
 * from 1 as in the lesson). Steps without an entry are ticked by hand. Steps about a trained
 * readout's error or a memory capacity read the results of Train / Memory capacity on the open
 * network (taskValues.ts). Trace predicates read
 * what the run recorded since the document last changed, so "set w to 0.9 and the pulse fades"
 * needs a run after the edit. Measured checks read values the engine estimated while the lesson
 * was open (measureMemory.ts), each remembered with the settings it was taken at.
 */
import type { Measured, MeasuredQuantity, Predicate } from './checks.ts';

const near = (ref: string, value: number, tol = 1e-3): Predicate => ({ ref, op: '≈', value, tol });
const is = (ref: string, value: string | boolean): Predicate => ({ ref, op: '=', value });
const all = (...ps: Predicate[]): Predicate => ({ all: ps });
/** The trace keeps changing over its last `last` steps (a rhythm, not a fixed point). */
const oscillates = (trace: string, unit: number, range: number, last: number): Predicate => ({ trace, unit, stat: 'range', op: '>', value: range, last, minSteps: 2 * last });

/**
 * The edge-of-chaos lesson's measure: mean AIS of reservoir units 0–7 (the KSG estimator's cap
 * per request), history k = 2, in nats, over 1,000 steps that start 200 steps after the last change.
 */
const EDGE_AIS: MeasuredQuantity = { measure: 'ais', probe: 'res', estimator: 'ksg', k: 2, units: [0, 1, 2, 3, 4, 5, 6, 7], window: 1000, washout: 200 };
/** The edge-of-chaos AIS measured while ρ(W) ≈ rho and the input weights span ±input. */
export const aisAt = (rho: number, input: number): Measured => ({
  measured: EDGE_AIS,
  while: all(near('rec.params.spectralRadius', rho, 0.005), near('in.params.weight.low', -input), near('in.params.weight.high', input)),
  label: `ρ = ${rho}${input === 0.1 ? '' : `, input ±${input}`}`,
});

/** The test NRMSE of readout `out` after Train on the open network (Train dialog). */
const nrmse = (op: '<' | '>', value: number): Predicate => ({ task: 'nrmse_test', readout: 'out', op, value });
/** The test accuracy of readout `readout` (binary targets) after Train on the open network. */
const accuracy = (op: '<' | '>' | '>=', value: number, readout = 'out'): Predicate => ({ task: 'accuracy_test', readout, op, value });
/** The memory capacity of node `res` computed on the open network (Memory capacity dialog). */
const capacity = (op: '<' | '<=' | '>', value: number): Predicate => ({ task: 'memory-capacity', node: 'res', op, value });

export type LessonChecks = Record<string, Record<number, Predicate>>;

export const lessonChecks: LessonChecks = {
  'single-neuron': {
    2: near('w.params.weight.value', 3),
    3: all(near('y.params.bias', -3), near('w.params.weight.value', 1)),
    4: is('y.params.activation', 'tanh'),
  },
  'single-lif': {
    3: near('I.params.signal.after', 4, 0.01),
    4: all({ ref: 'I.params.signal.before', op: '>', value: 1.5 }, { ref: 'I.params.signal.before', op: '<=', value: 2 }),
  },
  'ff-vs-recurrent': {
    1: { trace: 'rec', stat: 'max', op: '>', value: 0.3, minSteps: 30 },
    2: all(near('loop.params.weight.value', 1, 1e-9), { trace: 'rec', stat: 'final', op: '≈', value: 1, tol: 1e-6, minSteps: 30 }),
    3: near('loop.params.weight.value', 1.1, 0.01),
    4: near('loop.params.weight.value', -0.9, 0.01),
  },
  'self-connected-unit': {
    1: all(near('self.params.weight.value', 2), { trace: 'x', stat: 'final', op: '≈', value: -0.957, tol: 0.005, minSteps: 150 }),
    2: all({ ref: 'self.params.weight.value', op: '<', value: 1 }, { trace: 'x', stat: 'absMax', op: '<', value: 0.05, last: 20, minSteps: 40 }),
    3: all(near('self.params.weight.value', 1.2, 0.02), { trace: 'x', stat: 'final', abs: true, op: '≈', value: 0.66, tol: 0.05, minSteps: 40 }),
    4: all(near('u.params.signal.values.120', -1.5, 0.01), { trace: 'x', stat: 'final', op: '≈', value: 0.957, tol: 0.005, minSteps: 150 }),
  },
  'ctrnn-oscillator': {
    1: oscillates('c', 0, 0.1, 100),
    2: all(near('c.params.init.0', 3), near('c.params.init.1', -2)),
    3: all(near('w.params.weight.values.0.1', -1), near('w.params.weight.values.1.0', 1), { trace: 'c', stat: 'range', op: '<', value: 1e-3, last: 100, minSteps: 2000 }),
    4: all(near('w.params.weight.values.0.1', 0), near('w.params.weight.values.1.0', 0)),
    5: near('w.params.delay', 1),
    6: near('c.params.tau', 2),
  },
  cpg: {
    1: oscillates('y', 0, 0.1, 200),
    2: near('adapt.params.weight.value', 0),
    3: all(near('mutual.params.weight.values.0.1', -0.5), near('mutual.params.weight.values.1.0', -0.5)),
  },
  'wilson-cowan': {
    1: oscillates('wc', 0, 0.1, 100),
    2: all(near('wc.params.w_EE', 9), near('wc.params.w_EI', 4), near('wc.params.w_IE', 13), near('wc.params.w_II', 11), near('wc.params.I_ext_E', 0)),
    3: near('wc.params.I_ext_E', 0),
    4: all(near('c12.params.weight.values.0.0', 0.1), near('c21.params.weight.values.0.0', 0.1)),
  },
  // Trained by BPTT on the preset's seed (recurrence train): elman 67.7 % (ridge 66.3 %); jordan
  // 100 % (ridge 75 %, μ = 0.95 83.3 %); xor-memory 100 % (ridge 49.6 %); vanishing-gradients
  // 99 % at ρ = 1, 52.6 % at ρ = 0.5 and at ρ = 3.
  elman: {
    1: accuracy('>', 0.64),
    3: all(is('out.params.training.method', 'ridge'), accuracy('>', 0.6)),
    4: { missing: 'w_ctx' },
  },
  jordan: {
    1: accuracy('>=', 0.95, 'y'),
    3: all(is('y.params.training.method', 'ridge'), accuracy('<', 0.9, 'y')),
    4: all(near('decay.params.weight.value', 0.95), is('y.params.training.method', 'bptt'), accuracy('<', 0.95, 'y')),
  },
  'xor-memory': {
    1: accuracy('>=', 0.95),
    3: all(is('out.params.training.method', 'ridge'), accuracy('<', 0.6)),
  },
  'vanishing-gradients': {
    1: accuracy('>=', 0.95),
    2: all(near('rec.params.spectralRadius', 0.5), accuracy('<', 0.6)),
    3: all(near('rec.params.spectralRadius', 3), accuracy('<', 0.6)),
  },
  hopfield: { 2: near('h.params.init.flip', 0.45), 4: is('h.params.update', 'sync') },
  // Trained results on the preset's seed (recurrence train / task): Mackey–Glass 0.0015, at
  // horizon 20 0.0095, without `ro` 0.144; NARMA-10 0.31 (seeds 1–3: 0.31–0.35), 20 units 0.56,
  // ρ = 0.3 0.72, ρ = 1.5 0.81; IP 0.60, frozen 0.80, σ = 0.5 0.78; memory capacity 20.5
  // (seeds 1–3: 15.9–19.9), 10 units 8.4, ρ = 0.5 11.8, input ±1 8.7.
  'esn-mackey-glass': {
    1: nrmse('<', 0.05),
    2: all(near('u.params.signal.horizon', 20), nrmse('>', 0.004), nrmse('<', 0.05)),
    3: all({ missing: 'ro' }, nrmse('>', 0.05)),
  },
  'esn-narma10': {
    1: nrmse('<', 0.45),
    2: all(near('res.params.size', 20), nrmse('>', 0.5)),
    3: all(near('rec.params.spectralRadius', 0.3), nrmse('>', 0.45)),
    4: all(near('rec.params.spectralRadius', 1.5), nrmse('>', 0.45)),
  },
  'esn-memory-capacity': {
    1: all(capacity('>', 12), capacity('<=', 30)),
    2: all(near('res.params.size', 10), capacity('<=', 10), capacity('>', 4)),
    3: all(near('rec.params.spectralRadius', 0.5), capacity('<', 15)),
    4: all(near('in.params.weight.low', -1), near('in.params.weight.high', 1), capacity('<', 15)),
  },
  'esn-ip': {
    2: all(is('res.params.plasticity.frozen', true), nrmse('>', 0.7)),
    3: all(near('res.params.plasticity.sigma', 0.5), nrmse('>', 0.7)),
  },
  sorn: { 2: is('E.params.plasticity.frozen', true) },
  'edge-of-chaos': {
    // "It jumps by an order of magnitude": AIS(ρ = 1.25) ≥ 10 × AIS(ρ = 0.95).
    1: { ratio: [aisAt(1.25, 0.1), aisAt(0.95, 0.1)], op: '>=', value: 10 },
    // "Drops to a fifth of its peak": AIS(ρ = 2) ≤ ¼ of AIS(ρ = 1.25), the peak step 1 measured.
    2: { ratio: [aisAt(2, 0.1), aisAt(1.25, 0.1)], op: '<=', value: 0.25 },
    // "The peak moves to a larger ρ": with input ±0.5, AIS still rises from ρ = 1.25 to 1.4 (by ≥ 20 %).
    3: { ratio: [aisAt(1.4, 0.5), aisAt(1.25, 0.5)], op: '>=', value: 1.2 },
  },
  brunel: {
    2: all(near('IE.params.weight.value', -1.5), near('II.params.weight.value', -1.5)),
    3: all(near('IE.params.weight.value', -3), near('II.params.weight.value', -3)),
  },
  'izhikevich-1000': {
    2: { any: [all(near('IE.params.weight.low', 0), near('IE.params.weight.high', 0)), near('IE.params.weight.value', 0)] },
    3: near('thE.params.signal.std', 2.5),
  },
};

/** The check of a lesson's step (1-based), if the app can check it. */
export function checkFor(lesson: string, step: number): Predicate | undefined {
  return lessonChecks[lesson]?.[step];
}
