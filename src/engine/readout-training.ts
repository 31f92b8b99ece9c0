/**
 * Training the readouts of a network and measuring their error (`recurrence train`).
 *
 * One run from reset: washout, training window, test window (each readout uses its own
 * lengths; the run lasts as long as the longest). Ridge readouts are fitted offline on the
 * states φ and targets d of their training window, W_out = ridge(Φ, D, λ) (Lukoševičius 2012,
 * §4.1; the bias column is regularised too); online (LMS/RLS) readouts learn during the run.
 * The fitted weights stay on the readout afterwards. Assumes a readout's output does not feed
 * back into the network (no teacher forcing).
 */
import { ridgeRegression } from './linalg/ridge.ts';
import type { Simulator } from './simulator.ts';
import { isReadout, type ReadoutRuntime } from '../kinds/readout/builder.ts';
import { column, nrmse } from './tasks/metrics.ts';

export interface ReadoutReport {
  method: string;
  nrmse_train: number;
  nrmse_test: number | null;
  /** Frobenius norm of W_out (bias column included). */
  weights_norm: number;
  washout: number;
  train: number;
  test: number;
}

export class TrainingError extends Error {}

interface Window {
  readout: ReadoutRuntime;
  phiTrain: Float64Array;
  phiTest: Float64Array;
  dTrain: Float64Array;
  dTest: Float64Array;
  yTrain: Float64Array;
  yTest: Float64Array;
}

/** `onStep` is told each step of the run (steps done, steps in all); it may throw to stop the training. */
export function trainReadouts(sim: Simulator, onStep?: (steps: number, total: number) => void): Record<string, ReadoutReport> {
  const readouts = sim.program.nodes.filter(isReadout);
  if (readouts.length === 0) throw new TrainingError('the network has no readout node to train');
  for (const r of readouts) {
    if (r.readout.params.target === undefined) throw new TrainingError(`readout "${r.id}" has no target`);
  }
  const windows: Window[] = readouts.map((readout) => {
    const { train, test } = readout.readout.params;
    const cols = readout.readout.features + 1;
    return {
      readout,
      phiTrain: new Float64Array(train * cols),
      phiTest: new Float64Array(test * cols),
      dTrain: new Float64Array(train * readout.size),
      dTest: new Float64Array(test * readout.size),
      yTrain: new Float64Array(train * readout.size),
      yTest: new Float64Array(test * readout.size),
    };
  });
  const total = Math.max(...readouts.map((r) => r.readout.params.washout + r.readout.params.train + r.readout.params.test));
  sim.reset();
  sim.run(total, (steps) => {
    const t = steps - 1;
    for (const w of windows) record(w, t);
    onStep?.(steps, total);
  });
  const reports: Record<string, ReadoutReport> = {};
  for (const w of windows) reports[w.readout.id] = finish(w);
  return reports;
}

function record(w: Window, t: number): void {
  const { washout, train, test } = w.readout.readout.params;
  const { phi, target } = w.readout.readout;
  const size = w.readout.size;
  const k = t - washout;
  if (k >= 0 && k < train) {
    w.phiTrain.set(phi, k * phi.length);
    w.dTrain.set(target, k * size);
    w.yTrain.set(w.readout.output, k * size);
  } else if (k >= train && k < train + test) {
    const j = k - train;
    w.phiTest.set(phi, j * phi.length);
    w.dTest.set(target, j * size);
    w.yTest.set(w.readout.output, j * size);
  }
}

function finish(w: Window): ReadoutReport {
  const { params, features, weights } = w.readout.readout;
  const size = w.readout.size;
  const cols = features + 1;
  if (params.training.method === 'ridge') {
    const fitted = ridgeRegression(
      { rows: params.train, cols, data: w.phiTrain },
      { rows: params.train, cols: size, data: w.dTrain },
      params.training.lambda,
    );
    w.readout.readout.setTrainedWeights(fitted.data);
    predict(fitted.data, w.phiTrain, cols, size, w.yTrain);
    predict(fitted.data, w.phiTest, cols, size, w.yTest);
  }
  let norm = 0;
  for (const v of weights) norm += v * v;
  return {
    method: params.training.method,
    nrmse_train: meanNrmse(w.yTrain, w.dTrain, size),
    nrmse_test: params.test > 0 ? meanNrmse(w.yTest, w.dTest, size) : null,
    weights_norm: Math.sqrt(norm),
    washout: params.washout,
    train: params.train,
    test: params.test,
  };
}

/** y = W·φ for every row of a samples × cols matrix. */
function predict(w: Float64Array, phi: Float64Array, cols: number, size: number, out: Float64Array): void {
  const rows = phi.length / cols;
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < size; i++) {
      let acc = 0;
      for (let j = 0; j < cols; j++) acc += w[i * cols + j] * phi[r * cols + j];
      out[r * size + i] = acc;
    }
  }
}

function meanNrmse(y: Float64Array, d: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += nrmse(column(y, size, i), column(d, size, i));
  return sum / size;
}
