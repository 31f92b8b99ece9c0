/**
 * An analysis worker's session: the computations of analysis-protocol.ts on copies the
 * stepping worker hands out, or (training, gradient flow, memory capacity) on a network of
 * their own compiled from the document. A pure module (no DOM, no worker globals), so the
 * worker and Node tests run the same code. Each call is one job: it reports progress and stops
 * (CancelledError) when the page raises the job's flag.
 */
import { formatIssue, type GraphDocument } from '../../model/index.ts';
import { pca } from '../linalg/index.ts';
import { isReadout } from '../compile/readout.ts';
import { Simulator } from '../simulator.ts';
import { memoryCapacityOnSession, trainOnSession } from '../tasks/task-runs.ts';
import { epochDetail, gradientFlowOf, keptOf } from './training-reports.ts';
import { LEADING_EIGENVALUES, type AnalysisApi, type EdgeAt, type GradientFlowReply, type TrainingEpoch, type PcaFit, type SampleWindow, type TrainedWeights, type TrainOutcome } from './analysis-protocol.ts';
import { CancelledError, checkStop, jobControl, pacedJob, Pacer, type JobControl, type JobHandle } from './job.ts';
import { measureOn } from './measure-requests.ts';
import { LinkedEngine, StaleNetworkError, type EngineEndpoint } from './engine-link.ts';
import type { MeasureReply, MeasureRequest, MemoryCapacityReply, MemoryCapacityRequest, SpectrumSnapshot } from './protocol.ts';
import { compileDocument } from './session.ts';
import { radiusOf, spectrumOf } from './spectra.ts';

/** Most units a PCA fit uses (the covariance is units², its eigendecomposition units³). */
export const PCA_MAX_UNITS = 200;

/** Steps between two progress reports (and stop checks) of a task run. */
const TASK_CHECK_STEPS = 64;

/**
 * A task's step hook: progress every few steps (of a run, or of the training window a fit takes
 * in), and a stop when the job is cancelled. `fraction` places the steps in the whole task (default: they are all of it).
 */
function taskSteps(job: JobControl, what: string, fraction = (steps: number, total: number) => steps / total): (steps: number, total: number) => void {
  return (steps, total) => {
    if (steps % TASK_CHECK_STEPS !== 0 && steps !== total) return;
    checkStop(job);
    job.progress(fraction(steps, total), `${what}: step ${steps.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  };
}

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

/**
 * The step hooks of a readout training's run and its ridge fits, on one progress bar: a fraction
 * of all the steps the run takes and the fits take in (each ridge readout's training window until
 * its fit says how many of them it scores), so the bar moves through the fits instead of waiting at 100 %.
 */
function trainingSteps(job: JobControl, sim: Simulator): { onStep(steps: number, total: number): void; onFit(readout: string, rows: number, total: number): void } {
  const ridge = sim.program.nodes.filter(isReadout).filter((r) => r.readout.params.training.method === 'ridge');
  const fitTotal = new Map(ridge.map((r) => [r.id, r.readout.params.train]));
  const fitDone = new Map<string, number>();
  let run = 0;
  return {
    onStep: taskSteps(job, 'training', (steps, total) => ((run = total), steps / (total + sum(fitTotal.values())))),
    onFit(readout, rows, total) {
      fitTotal.set(readout, total);
      fitDone.set(readout, rows);
      taskSteps(job, `training: ridge fit of ${readout}`, () => (run + sum(fitDone.values())) / (run + sum(fitTotal.values())))(rows, total);
    },
  };
}

/** A fresh simulator of the validated `doc` at `seed` (one thread: the task worker runs beside the stepping one). */
function simulatorOf(doc: GraphDocument, seed: number): Simulator | string {
  const compiled = compileDocument(doc, 1);
  if (!compiled.ok) return compiled.errors.map(formatIssue).join('; ');
  return new Simulator(compiled.program, seed);
}

/** PC1 and PC2 of the first PCA_MAX_UNITS units of a window (the stepping worker projects steps on them: projections.ts). */
export function pcaFit(s: SampleWindow): PcaFit | null {
  const units = Math.min(s.width, PCA_MAX_UNITS);
  if (s.count < 3 || units < 2) return null;
  const data = new Float64Array(s.count * units);
  for (let t = 0; t < s.count; t++) for (let j = 0; j < units; j++) data[t * units + j] = s.data[t * s.width + j];
  const fit = pca({ rows: s.count, cols: units, data }, 2);
  return { units, mean: fit.mean, axes: fit.components.data, explained: [fit.explainedVarianceRatio[0], fit.explainedVarianceRatio[1]] };
}

/** `fetch` for a job: not begun when the job is stopped already, and its data dropped when the job was stopped meanwhile. */
async function fetchFor<T>(handle: JobHandle | undefined, fetch: () => Promise<T>): Promise<T> {
  const { signal } = jobControl(handle);
  if (signal.aborted) throw new CancelledError();
  const value = await fetch();
  if (signal.aborted) throw new CancelledError();
  return value;
}

export class AnalysisSession implements AnalysisApi {
  /** Where the engine data comes from: the stepping worker (engine-link.ts). */
  private readonly engine = new LinkedEngine();

  /**
   * The duty cycle of this session's jobs, at the pace the page sets, and their turns: one job
   * computes at a time; PCA fits and measures (short) go before the next slice of all
   * eigenvalues, which rest between slices without blocking the worker.
   */
  constructor(private readonly pacer = new Pacer()) {}

  async link(endpoint: EngineEndpoint): Promise<void> {
    this.engine.connect(endpoint);
  }

  async spectrum(source: EdgeAt, handle?: JobHandle): Promise<SpectrumSnapshot> {
    const { matrix, t } = await fetchFor(handle, () => this.engine.matrix(source.edge, source.version));
    return pacedJob(this.pacer, handle, (job) => spectrumOf(source.edge, matrix, t, LEADING_EIGENVALUES, job));
  }

  async spectralRadius(source: EdgeAt, handle?: JobHandle): Promise<number> {
    const { matrix } = await fetchFor(handle, () => this.engine.matrix(source.edge, source.version));
    return pacedJob(this.pacer, handle, (job) => radiusOf(matrix, job));
  }

  async pca(samples: SampleWindow, handle?: JobHandle): Promise<PcaFit | null> {
    return pacedJob(
      this.pacer,
      handle,
      (job) => {
        checkStop(job);
        return pcaFit(samples);
      },
      'short',
    );
  }

  async measure(request: MeasureRequest, version: number, handle?: JobHandle): Promise<MeasureReply> {
    const windows = await fetchFor(handle, () => this.engine.measureWindows(request, version)).catch((err: unknown) => {
      if (err instanceof StaleNetworkError) return { ok: false as const, waiting: true, error: err.message };
      throw err;
    });
    if (!('target' in windows)) return windows;
    return pacedJob(
      this.pacer,
      handle,
      (job) => {
        checkStop(job);
        return measureOn(windows, request);
      },
      'short',
    );
  }

  async train(doc: GraphDocument, seed: number, handle?: JobHandle): Promise<TrainOutcome> {
    return pacedJob(this.pacer, handle, (job) => this.trainJob(doc, seed, job));
  }

  private trainJob(doc: GraphDocument, seed: number, job: JobControl): TrainOutcome {
    const sim = simulatorOf(doc, seed);
    if (typeof sim === 'string') return { reply: { ok: false, error: sim }, weights: { readouts: {}, parameters: null }, kept: null, epochs: [] };
    try {
      let parameters: TrainedWeights['parameters'] = null;
      const epochs: TrainingEpoch[] = [];
      const reply = trainOnSession(sim, {
        ...trainingSteps(job, sim),
        onBpttProgress: ({ epoch, epochs: total, done, result }, trainer) => {
          job.waitWhilePaused();
          checkStop(job);
          const text = `training (BPTT): epoch ${Math.max(1, epoch)} of ${total}`;
          if (!result) return job.progress(done, text);
          const detail = epochDetail(result, total, trainer);
          epochs.push({ ...detail, edges: [] });
          job.progress(done, text, detail);
        },
        onBpttTrained: (trained) => void (parameters = trained),
      });
      const weights: TrainedWeights = { readouts: {}, parameters };
      if (reply.ok) for (const node of sim.program.nodes) if (isReadout(node)) weights.readouts[node.id] = node.readout.weights.slice();
      return { reply, weights, kept: reply.ok ? keptOf(sim.program, parameters) : null, epochs };
    } finally {
      sim.program.dispose();
    }
  }

  async gradientFlow(doc: GraphDocument, seed: number, handle?: JobHandle): Promise<GradientFlowReply> {
    return pacedJob(this.pacer, handle, (job) => {
      const sim = simulatorOf(doc, seed);
      if (typeof sim === 'string') return { ok: false, error: sim };
      try {
        return gradientFlowOf(sim, () => checkStop(job));
      } finally {
        sim.program.dispose();
      }
    });
  }

  async memoryCapacity(doc: GraphDocument, seed: number, request: MemoryCapacityRequest, handle?: JobHandle): Promise<MemoryCapacityReply> {
    return pacedJob(this.pacer, handle, (job) => {
      const sim = simulatorOf(doc, seed);
      if (typeof sim === 'string') return { ok: false, error: sim };
      try {
        const fit = taskSteps(job, 'memory capacity (ridge fit)');
        return memoryCapacityOnSession(sim, doc, request, 'raise lambda', taskSteps(job, 'memory capacity'), fit);
      } finally {
        sim.program.dispose();
      }
    });
  }
}
