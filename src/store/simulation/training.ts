/**
 * Train as the page follows it: the training runs on the task worker (analyses.ts); a BPTT training's
 * epochs arrive as they finish and are kept in the state's `training` (the Loss, Gradient flow
 * and weight panels draw them live); it can be paused between segments and cancelled; its trained
 * values then go to the stepping worker (`applyTraining`), and can be discarded there again.
 */
import type { GraphDocument } from '../../model/index.ts';
import type { TrainingEpoch } from '../../engine/worker/analysis-protocol.ts';
import type { TrainReply } from '../../engine/worker/protocol.ts';
import type { AnalysisRunner } from './analyses.ts';
import type { EngineSync } from './engineSync.ts';
import type { TaskRunner } from './taskRunner.ts';
import type { SimulationCore, SimulationState, TrainingView } from './types.ts';

/** The analysis key (and task kind) of a training. */
export const TRAIN_KEY = 'train';

/** Whether this page can share memory with its workers (a paused job waits on it). */
const canPause = () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

type TrainingActions = Pick<SimulationState, 'train' | 'pauseTraining' | 'trainingKept' | 'discardTraining' | 'gradientFlow'>;

export function createTraining(
  core: SimulationCore,
  engine: EngineSync,
  analyses: AnalysisRunner,
  tasks: TaskRunner,
  running: () => { doc: GraphDocument; seed: number },
): TrainingActions {
  let runs = 0;
  /** Changes the training view of run `run` if it is still the current one (not replaced by a newer training or a load). */
  const update = (run: number, patch: (now: TrainingView) => Partial<TrainingView>): void => {
    const now = core.get().training;
    if (now?.run === run) core.set({ training: { ...now, ...patch(now) } });
  };

  return {
    async train(): Promise<TrainReply | null> {
      if (!(await engine.ensure())) return { ok: false, error: core.get().error ?? 'the network cannot run' };
      const { doc, seed } = running();
      const run = ++runs;
      core.set({ training: { run, version: core.version, status: 'running', canPause: canPause(), epochs: [], edges: {}, kept: null, applied: false } });
      const onEpoch = (detail: unknown) => {
        const e = detail as TrainingEpoch;
        update(run, (now) => {
          const edges = { ...now.edges };
          for (const s of e.edges) edges[s.id] = { ...s, epoch: e.epoch };
          return { epochs: [...now.epochs, { ...e, edges: [] }], edges };
        });
      };
      const out = await analyses.run(TRAIN_KEY, 'Training the readouts', (a, job) => a.train(doc, seed, job), { onDetail: onEpoch, worker: 'task' });
      if (!out.ok) {
        update(run, () => ({ status: out.cancelled ? 'cancelled' : 'failed' }));
        return out.cancelled ? null : { ok: false, error: out.error };
      }
      const { reply, weights, kept, epochs } = out.value;
      // reports travel on a channel of their own: the last epochs may come after the reply
      update(run, (now) => ({ epochs: epochs.length > now.epochs.length ? [...now.epochs, ...epochs.slice(now.epochs.length)] : now.epochs }));
      if (!reply.ok) {
        update(run, () => ({ status: 'failed' }));
        return reply;
      }
      const applied = await tasks.run(() => core.api().applyTraining(weights));
      update(run, () => ({ status: applied.ok ? 'done' : 'failed', kept, applied: applied.ok }));
      return applied.ok ? reply : { ok: false, error: applied.error };
    },

    pauseTraining(paused) {
      const view = core.get().training;
      if (!view || (view.status !== 'running' && view.status !== 'paused')) return;
      if (analyses.pause(TRAIN_KEY, paused)) update(view.run, () => ({ status: paused ? 'paused' : 'running' }));
    },

    trainingKept() {
      const view = core.get().training;
      if (view) update(view.run, () => ({ kept: null }));
    },

    async discardTraining() {
      const view = core.get().training;
      await tasks.run(async () => {
        engine.forget();
        await engine.ensure();
      });
      if (view) update(view.run, () => ({ applied: false, kept: null }));
    },

    gradientFlow(key) {
      const { doc, seed } = running();
      return analyses.run(key, null, (a, job) => a.gradientFlow(doc, seed, job), { worker: 'task' });
    },
  };
}
