/**
 * Training the readouts of a network and measuring their error (`recurrence train`).
 *
 * BPTT readouts are trained first, with the network upstream of them (engine/bptt/trainer.ts);
 * their trained parameters then stay on the program across resets. Then one run from reset:
 * washout, training window, test window (each readout uses its own lengths; the run lasts as long
 * as the longest). Ridge readouts are fitted offline on the states φ and targets d of their
 * training window, W_out = ridge(Φ, D, λ) (Lukoševičius 2012, §4.1; the bias column is
 * regularised too); online (LMS/RLS) readouts learn during the run; BPTT readouts run frozen.
 * Only scored steps count (a readout's mask, e.g. the adding problem's sequence ends). The fitted
 * weights stay on the readout afterwards. Assumes a ridge readout's output does not feed back
 * into the network (no teacher forcing).
 */
import { ridgeRegression } from './linalg/ridge.ts';
import type { Simulator } from './simulator.ts';
import { isReadout, type ReadoutRuntime } from './compile/readout.ts';
import { binaryAccuracy, column, nrmse } from './tasks/metrics.ts';
import { TrainingError } from './tasks/training-error.ts';
import { BpttTrainer, bpttReadouts, type BpttProgress, type TrainedParameters, type TrainerOptions } from './bptt/trainer.ts';

export interface ReadoutReport {
  method: string;
  nrmse_train: number;
  nrmse_test: number | null;
  /** Frobenius norm of W_out (bias column included). */
  weights_norm: number;
  washout: number;
  train: number;
  test: number;
  /** Binary targets (every scored target value 0 or 1): fraction of outputs on the target's side of 0.5. */
  accuracy_train?: number;
  accuracy_test?: number | null;
  /** BPTT: mean training loss of each epoch. */
  loss_curve?: number[];
  /** BPTT: test-window loss after each epoch, parameters frozen. */
  test_loss_curve?: number[];
  /** BPTT: number of trained values (weights and biases). */
  parameters_trained?: number;
}

export { TrainingError };

interface Window {
  readout: ReadoutRuntime;
  mask: Float64Array | null;
  phiTrain: Float64Array;
  phiTest: Float64Array;
  dTrain: Float64Array;
  dTest: Float64Array;
  yTrain: Float64Array;
  yTest: Float64Array;
  /** Scored steps recorded so far in each window. */
  nTrain: number;
  nTest: number;
}

export interface TrainOptions extends TrainerOptions {
  /** Called with the BPTT training's progress (after every segment and epoch); may throw to stop it. */
  onBpttProgress?(progress: BpttProgress, trainer: BpttTrainer): void;
  /** Given the values BPTT trained (edges' weights, nodes' parameters), copied, once it has trained them. */
  onBpttTrained?(parameters: TrainedParameters): void;
  /** Called after each step of the final run (steps done, steps in all); may throw to stop it. */
  onStep?(steps: number, total: number): void;
  /** Told how far a ridge readout's fit is (training steps taken into it, their number; see ridgeRegression); may throw to stop it. */
  onFit?(readout: string, rows: number, total: number): void;
}

export function trainReadouts(sim: Simulator, options: TrainOptions = {}): Record<string, ReadoutReport> {
  checkReadouts(sim);
  const bptt = bpttReadouts(sim) ? trainBptt(sim, options) : null;
  return fitAndReport(sim, bptt, options);
}

/** The readouts of a program, each with a target (else a TrainingError naming the first without). */
export function checkReadouts(sim: Simulator): ReadoutRuntime[] {
  const readouts = sim.program.nodes.filter(isReadout);
  if (readouts.length === 0) throw new TrainingError('the network has no readout node to train');
  for (const r of readouts) {
    if (r.readout.params.target === undefined) throw new TrainingError(`readout "${r.id}" has no target`);
  }
  return readouts;
}

/** What a finished BPTT training adds to its readouts' reports. */
export type BpttSummary = Pick<ReadoutReport, 'loss_curve' | 'test_loss_curve' | 'parameters_trained'>;

/** A finished (and committed) BPTT training's additions to the reports. */
export function bpttSummary(trainer: BpttTrainer, evaluated: boolean): BpttSummary {
  return {
    loss_curve: trainer.lossCurve(),
    ...(evaluated ? { test_loss_curve: trainer.testLossCurve() } : {}),
    parameters_trained: trainer.parameterCount(),
  };
}

/** Trains the BPTT readouts and the network before them; the trained values stay on the program. */
function trainBptt(sim: Simulator, options: TrainOptions): BpttSummary {
  const trainer = new BpttTrainer(sim, options);
  let trained: TrainedParameters;
  try {
    for (const progress of trainer.run()) options.onBpttProgress?.(progress, trainer);
    trained = trainer.trainedParameters();
  } finally {
    trainer.dispose();
  }
  trainer.commit();
  options.onBpttTrained?.(trained);
  return bpttSummary(trainer, options.evaluate !== false);
}

/**
 * The run from reset after any BPTT training: ridge readouts fitted, online ones learning, BPTT
 * ones frozen; every readout's errors (and accuracies on binary targets), BPTT ones with `bptt`.
 */
export function fitAndReport(sim: Simulator, bptt: BpttSummary | null, { onStep, onFit }: Pick<TrainOptions, 'onStep' | 'onFit'> = {}): Record<string, ReadoutReport> {
  const readouts = checkReadouts(sim);
  const windows: Window[] = readouts.map((readout) => {
    const { train, test } = readout.readout.params;
    const cols = readout.readout.features + 1;
    return {
      readout,
      mask: readout.readout.mask(),
      phiTrain: new Float64Array(train * cols),
      phiTest: new Float64Array(test * cols),
      dTrain: new Float64Array(train * readout.size),
      dTest: new Float64Array(test * readout.size),
      yTrain: new Float64Array(train * readout.size),
      yTest: new Float64Array(test * readout.size),
      nTrain: 0,
      nTest: 0,
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
  for (const w of windows) {
    reports[w.readout.id] = finish(w, onFit);
    if (bptt && w.readout.readout.params.training.method === 'bptt') Object.assign(reports[w.readout.id], bptt);
  }
  return reports;
}

function record(w: Window, t: number): void {
  const { washout, train, test } = w.readout.readout.params;
  const { phi, target } = w.readout.readout;
  const size = w.readout.size;
  const k = t - washout;
  if (k < 0 || k >= train + test || (w.mask && w.mask[0] === 0)) return;
  checkTarget(w.readout, target, t);
  if (k < train) {
    const j = w.nTrain++;
    w.phiTrain.set(phi, j * phi.length);
    w.dTrain.set(target, j * size);
    w.yTrain.set(w.readout.output, j * size);
  } else {
    const j = w.nTest++;
    w.phiTest.set(phi, j * phi.length);
    w.dTest.set(target, j * size);
    w.yTest.set(w.readout.output, j * size);
  }
}

/** A target that stopped being finite (e.g. a plain NARMA recurrence that diverged) ends the training with its reason. */
function checkTarget(readout: ReadoutRuntime, target: Float64Array, t: number): void {
  for (let i = 0; i < target.length; i++) {
    const v = target[i];
    if (v - v === 0) continue;
    throw new TrainingError(
      `the target of readout "${readout.id}" (${String(readout.readout.params.target)}) became ${v} at step ${t + 1}: its signal diverged (a plain NARMA recurrence does so in rare runs, order 10 in about 2 % of 5,000-step runs); use "variant": "tanh" or another seed`,
    );
  }
}

function finish(w: Window, onFit: TrainOptions['onFit']): ReadoutReport {
  const { params, features, weights } = w.readout.readout;
  const size = w.readout.size;
  const cols = features + 1;
  if (w.nTrain === 0) throw new TrainingError(`readout "${w.readout.id}" has no scored step in its training window (check its mask)`);
  const phiTrain = w.phiTrain.subarray(0, w.nTrain * cols);
  const phiTest = w.phiTest.subarray(0, w.nTest * cols);
  const dTrain = w.dTrain.subarray(0, w.nTrain * size);
  const dTest = w.dTest.subarray(0, w.nTest * size);
  const yTrain = w.yTrain.subarray(0, w.nTrain * size);
  const yTest = w.yTest.subarray(0, w.nTest * size);
  if (params.training.method === 'ridge') {
    const id = w.readout.id;
    const fitted = ridgeRegression({ rows: w.nTrain, cols, data: phiTrain }, { rows: w.nTrain, cols: size, data: dTrain }, params.training.lambda, onFit && ((rows, total) => onFit(id, rows, total)));
    w.readout.readout.setTrainedWeights(fitted.data);
    predict(fitted.data, phiTrain, cols, size, yTrain);
    predict(fitted.data, phiTest, cols, size, yTest);
  }
  let norm = 0;
  for (const v of weights) norm += v * v;
  const hasTest = params.test > 0 && w.nTest > 0;
  const binary = isBinary(dTrain) && isBinary(dTest);
  return {
    method: params.training.method,
    nrmse_train: meanNrmse(yTrain, dTrain, size),
    nrmse_test: hasTest ? meanNrmse(yTest, dTest, size) : null,
    weights_norm: Math.sqrt(norm),
    washout: params.washout,
    train: params.train,
    test: params.test,
    ...(binary ? { accuracy_train: binaryAccuracy(yTrain, dTrain), accuracy_test: hasTest ? binaryAccuracy(yTest, dTest) : null } : {}),
  };
}

function isBinary(d: Float64Array): boolean {
  for (let i = 0; i < d.length; i++) if (d[i] !== 0 && d[i] !== 1) return false;
  return true;
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
