/**
 * Training by truncated backpropagation through time (Williams & Peng 1990, "An efficient
 * gradient-based algorithm for on-line training of recurrent network trajectories"; Werbos 1990).
 *
 * An epoch is one pass over the BPTT readouts' training window: the network starts from its
 * initial state (weights kept), runs the washout, then the training window in segments of
 * `truncation` steps. After each segment the gradient of the segment's objective
 *   J = Σ_readouts (1/N) Σ_{scored t in the segment} ℓ(y[t], d[t])      (ℓ: loss.ts, N scored steps)
 * is backpropagated through the segment only (the state it started from is carried over from the
 * previous segment and taken as given), optionally clipped by its global norm, and applied by
 * the optimiser (Adam or SGD). After the epochs, the test window is run with the parameters frozen.
 *
 * With `evaluate`, each epoch is followed by a pass with the parameters frozen that measures the
 * test loss and the gradient flow ‖∂ℓ(T)/∂x(T − k)‖, k = 0 … K − 1, of the loss at the training
 * window's last scored step T back through the populations' states x (Pascanu et al. 2013, §2):
 * it falls geometrically when the recurrent Jacobians shrink (ρ < 1) and grows when they expand.
 */
import type { Simulator } from '../simulator.ts';
import { copyWeights } from '../compile/compile.ts';
import { isReadout, type ReadoutRuntime } from '../compile/readout.ts';
import type { BpttTraining } from '../../kinds/readout/schema.ts';
import { Adjoint, restartKeeping, type LossTarget, type ParameterBlock } from './adjoint.ts';
import { stepLoss } from './loss.ts';
import { clipByGlobalNorm, makeOptimizer, type Optimizer } from './optimizers.ts';
import { TrainingError } from '../tasks/training-error.ts';
import type { WeightMatrix } from '../compile/types.ts';

/** Default horizon of the gradient-flow probe, in steps. */
export const FLOW_STEPS = 50;

export interface EpochResult {
  /** 1-based; epoch 0 is the evaluation before any update. */
  epoch: number;
  /** Mean loss over the epoch's scored training steps, measured while learning (null for epoch 0). */
  loss_train: number | null;
  /** Mean loss over the test window with the parameters frozen (null: not evaluated or no test window). */
  loss_test: number | null;
  /** ‖∂ℓ(T)/∂x(T − k)‖ for k = 0, 1, … (null: not evaluated). */
  flow: number[] | null;
  /** Mean global gradient norm of the epoch's updates, before clipping (null for epoch 0). */
  gradient_norm: number | null;
}

export interface BpttProgress {
  epoch: number;
  epochs: number;
  /** Fraction of the whole training done, 0 … 1. */
  done: number;
  /** Present when an epoch (or the initial evaluation) has just finished. */
  result?: EpochResult;
}

/** Trained parameters in plain arrays (for another Program of the same document and seed, or the document). */
export interface TrainedParameters {
  edges: { id: string; weights: WeightMatrix }[];
  nodes: { id: string; name: string; values: Float64Array }[];
}

export interface TrainerOptions {
  /** Evaluate before training and after every epoch (test loss, gradient flow). Default true. */
  evaluate?: boolean;
  /** Horizon of the gradient-flow probe (default FLOW_STEPS). */
  flowSteps?: number;
}

/** The BPTT readouts of a program and their one shared setting (several must agree). */
export function bpttReadouts(sim: Simulator): { readouts: ReadoutRuntime[]; settings: BpttTraining; washout: number; train: number; test: number } | null {
  const readouts = sim.program.nodes.filter(isReadout).filter((r) => r.readout.params.training.method === 'bptt');
  if (readouts.length === 0) return null;
  const first = readouts[0].readout.params;
  for (const r of readouts) {
    const p = r.readout.params;
    if (p.target === undefined) throw new TrainingError(`readout "${r.id}" has no target`);
    for (const key of ['washout', 'train', 'test'] as const) {
      if (p[key] !== first[key]) throw new TrainingError(`BPTT readouts "${readouts[0].id}" and "${r.id}" train the same network: give them the same ${key} (${first[key]} ≠ ${p[key]})`);
    }
    if (JSON.stringify(p.training) !== JSON.stringify(first.training)) throw new TrainingError(`BPTT readouts "${readouts[0].id}" and "${r.id}" train the same network: give them the same training settings`);
  }
  return { readouts, settings: first.training as BpttTraining, washout: first.washout, train: first.train, test: first.test };
}

export class BpttTrainer {
  readonly readouts: ReadoutRuntime[];
  readonly settings: BpttTraining;
  readonly results: EpochResult[] = [];
  private readonly adjoint: Adjoint;
  private readonly probe: Adjoint | null;
  private readonly optimizer: Optimizer;
  private readonly blocks: ParameterBlock[];
  private readonly washout: number;
  private readonly train: number;
  private readonly test: number;
  private readonly flowSteps: number;

  /** Resets the simulator (weights sampled from its seed) and prepares the training; throws TrainingError. */
  constructor(
    readonly sim: Simulator,
    options: TrainerOptions = {},
  ) {
    const found = bpttReadouts(sim);
    if (!found) throw new TrainingError('the network has no readout with "method": "bptt"');
    sim.reset();
    this.readouts = found.readouts;
    this.settings = found.settings;
    this.washout = found.washout;
    this.train = found.train;
    this.test = found.test;
    const targets: LossTarget[] = this.readouts.map((r) => ({ readout: r, loss: this.settings.loss, mask: r.readout.mask() }));
    this.adjoint = new Adjoint(sim.program, targets, { capacity: Math.min(this.settings.truncation, this.train) });
    this.blocks = this.adjoint.blocks;
    if (this.blocks.length === 0) throw new TrainingError(`nothing to train: every parameter on the path to readout "${this.readouts[0].id}" is frozen ("trainable": false)`);
    this.flowSteps = Math.min(options.flowSteps ?? FLOW_STEPS, this.washout + this.train);
    this.probe = options.evaluate === false ? null : new Adjoint(sim.program, targets, { capacity: this.flowSteps, parameters: false });
    this.optimizer = makeOptimizer(this.settings.optimizer, this.settings.learning_rate);
  }

  /** Frees the kernels' memory the training used (the simulator stays usable). */
  dispose(): void {
    this.adjoint.dispose();
    this.probe?.dispose();
  }

  /** Trainable values in the parameter blocks. */
  parameterCount(): number {
    return this.adjoint.parameterCount();
  }

  /** Whether the training changes the weights of edge `id`. */
  trainsEdge(id: string): boolean {
    return this.blocks.some((b) => b.owner.type === 'edge' && b.owner.id === id);
  }

  /** Loss curve so far: one mean training loss per epoch. */
  lossCurve(): number[] {
    return this.results.filter((r) => r.loss_train !== null).map((r) => r.loss_train!);
  }

  /** Test loss per epoch (evaluated runs only). */
  testLossCurve(): number[] {
    return this.results.filter((r) => r.epoch > 0 && r.loss_test !== null).map((r) => r.loss_test!);
  }

  /**
   * The whole training as a sequence of small pieces of work: yields after the initial evaluation,
   * after every segment and after every epoch (with its result), so a worker can report progress,
   * pause or stop between them.
   */
  *run(): Generator<BpttProgress, void> {
    const epochs = this.settings.epochs;
    const segments = Math.ceil(this.train / this.adjoint.capacity);
    if (this.probe) yield { epoch: 0, epochs, done: 0, result: this.evaluate(0, null, null) };
    for (let epoch = 1; epoch <= epochs; epoch++) {
      this.restart(this.adjoint);
      for (let t = 0; t < this.washout; t++) this.stepAndRecord(this.adjoint, false);
      let lossSum = 0;
      let lossCount = 0;
      let normSum = 0;
      let updates = 0;
      for (let segment = 0; segment < segments; segment++) {
        this.adjoint.beginSegment();
        const start = segment * this.adjoint.capacity;
        const length = Math.min(this.adjoint.capacity, this.train - start);
        for (let k = 0; k < length; k++) {
          const { loss, scored } = this.stepAndRecord(this.adjoint, true);
          lossSum += loss;
          lossCount += scored;
        }
        if (this.adjoint.hasLoss()) {
          normSum += this.update();
          updates++;
        }
        yield { epoch, epochs, done: (epoch - 1 + (segment + 1) / segments) / epochs };
      }
      const lossTrain = lossCount > 0 ? lossSum / lossCount : null;
      const result = this.probe ? this.evaluate(epoch, lossTrain, updates > 0 ? normSum / updates : null) : { epoch, loss_train: lossTrain, loss_test: null, flow: null, gradient_norm: updates > 0 ? normSum / updates : null };
      this.results.push(result);
      yield { epoch, epochs, done: epoch / epochs, result };
    }
  }

  /** Runs every epoch at once (the CLI). */
  runToEnd(): void {
    for (const _ of this.run()) {
      // each piece of work is done by the generator itself
    }
  }

  /** One update from the recorded segment; returns the gradient's global norm before clipping. */
  private update(): number {
    const a = this.adjoint;
    a.zeroGradients();
    a.backward();
    const grads = this.blocks.map((b) => b.grad);
    const norm = clipByGlobalNorm(grads, this.settings.clip);
    if (!Number.isFinite(norm)) throw new TrainingError('the gradient became infinite or NaN: lower learning_rate or set clip');
    this.optimizer.step(
      this.blocks.map((b) => b.values()),
      grads,
    );
    for (const b of this.blocks) b.refresh();
    return norm;
  }

  /** Back to step 0 with the parameters as trained so far (a reset redraws some of them). */
  private restart(adjoint: Adjoint): void {
    restartKeeping(this.sim, this.blocks);
    adjoint.restart();
  }

  private stepAndRecord(adjoint: Adjoint, scoring: boolean): { loss: number; scored: number } {
    this.sim.step();
    return adjoint.record(scoring);
  }

  /**
   * A pass with the parameters frozen: the gradient flow at the training window's end (the probe
   * tape holds its last K steps) and the mean loss over the test window.
   */
  private evaluate(epoch: number, lossTrain: number | null, gradientNorm: number | null): EpochResult {
    const probe = this.probe!;
    this.restart(probe);
    const end = this.washout + this.train;
    const flowStart = end - this.flowSteps;
    for (let t = 0; t < end; t++) {
      if (t === flowStart) probe.beginSegment();
      this.stepAndRecord(probe, t >= flowStart && t >= this.washout);
    }
    probe.keepLastLoss();
    let flow: number[] | null = null;
    if (probe.hasLoss()) {
      probe.backward();
      flow = probe.stateGradientNorms();
    }
    let sum = 0;
    let count = 0;
    for (let t = 0; t < this.test; t++) {
      this.sim.step();
      for (const r of this.readouts) {
        const mask = r.readout.mask();
        if (mask && mask[0] === 0) continue;
        sum += stepLoss(this.settings.loss, r.output, r.readout.preActivation, r.readout.target, null, 0);
        count++;
      }
    }
    return { epoch, loss_train: lossTrain, loss_test: count > 0 ? sum / count : null, flow, gradient_norm: gradientNorm };
  }

  /** Makes the trained values survive resets of this program (sampling is skipped for trained edges). */
  commit(): void {
    for (const b of this.blocks) {
      if (b.owner.type === 'edge') {
        const id = b.owner.id;
        const edge = this.sim.program.edges.find((e) => e.id === id)!;
        edge.trained = copyWeights(edge.weights);
      }
    }
    persistNodeParameters(this.sim, this.blocks);
  }

  /** The trained values, copied. */
  trainedParameters(): TrainedParameters {
    const edges: TrainedParameters['edges'] = [];
    const nodes: TrainedParameters['nodes'] = [];
    for (const b of this.blocks) {
      const owner = b.owner;
      if (owner.type === 'edge') edges.push({ id: owner.id, weights: copyWeights(this.sim.program.edges.find((e) => e.id === owner.id)!.weights) });
      else nodes.push({ id: owner.id, name: owner.name, values: Float64Array.from(b.values()) });
    }
    return { edges, nodes };
  }
}

function persistNodeParameters(sim: Simulator, blocks: readonly ParameterBlock[]): void {
  for (const b of blocks) {
    const owner = b.owner;
    if (owner.type !== 'node') continue;
    sim.program.nodeById.get(owner.id)?.adjoint?.params.find((p) => p.name === owner.name)?.persist?.();
  }
}
