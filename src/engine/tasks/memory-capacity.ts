/**
 * Short-term memory capacity (Jaeger 2001, "Short term memory in echo state networks"):
 * MC = Σ_{k=1}^{K} r²(u(t − k), y_k(t)), where y_k is a linear readout of the node's state
 * trained (ridge regression) to recall the input k steps back, and r² the squared correlation
 * on a test window. For i.i.d. input MC ≤ N, the number of units (Jaeger 2001, Prop. 2).
 */
import { ridgeRegression } from '../linalg/ridge.ts';
import type { Simulator } from '../simulator.ts';
import { squaredCorrelation, column } from './metrics.ts';

export interface MemoryCapacityOptions {
  /** The reservoir whose output is read. */
  node: string;
  /** The input node whose first channel is u. */
  input: string;
  maxDelay: number;
  washout: number;
  train: number;
  test: number;
  lambda: number;
}

export interface MemoryCapacityResult {
  mc: number;
  /** r²(k) for k = 1 … maxDelay. */
  curve: number[];
}

/**
 * `onStep` is told each step of the run (steps done, steps in all), `onFit` how far the ridge
 * regression of the readouts is (training steps taken into it, their number); either may throw
 * to stop the task.
 */
export function memoryCapacity(
  sim: Simulator,
  o: MemoryCapacityOptions,
  onStep?: (steps: number, total: number) => void,
  onFit?: (rows: number, total: number) => void,
): MemoryCapacityResult {
  const x = sim.node(o.node).output;
  const u = sim.node(o.input).output;
  const n = x.length;
  const cols = n + 1;
  const total = o.washout + o.train + o.test;
  const inputs = new Float64Array(total);
  const states = new Float64Array((o.train + o.test) * cols);
  sim.reset();
  sim.run(total, (steps) => {
    const t = steps - 1;
    onStep?.(steps, total);
    inputs[t] = u[0];
    const k = t - o.washout;
    if (k < 0) return;
    states.set(x, k * cols);
    states[k * cols + n] = 1;
  });
  const targets = (from: number, rows: number) => {
    const y = new Float64Array(rows * o.maxDelay);
    for (let r = 0; r < rows; r++) {
      const t = o.washout + from + r;
      for (let k = 1; k <= o.maxDelay; k++) y[r * o.maxDelay + k - 1] = t - k >= 0 ? inputs[t - k] : 0;
    }
    return y;
  };
  const trainStates = states.subarray(0, o.train * cols);
  const testStates = states.subarray(o.train * cols);
  const w = ridgeRegression(
    { rows: o.train, cols, data: trainStates },
    { rows: o.train, cols: o.maxDelay, data: targets(0, o.train) },
    o.lambda,
    onFit,
  ).data;
  const yTest = targets(o.train, o.test);
  const curve: number[] = [];
  for (let k = 0; k < o.maxDelay; k++) {
    const prediction = new Float64Array(o.test);
    for (let r = 0; r < o.test; r++) {
      let acc = 0;
      for (let j = 0; j < cols; j++) acc += w[k * cols + j] * testStates[r * cols + j];
      prediction[r] = acc;
    }
    curve.push(squaredCorrelation(prediction, column(yTest, o.maxDelay, k)));
  }
  return { mc: curve.reduce((a, b) => a + b, 0), curve };
}
