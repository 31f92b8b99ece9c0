/**
 * Runs work that leaves the network at step 0 — Reset, Train, Memory capacity: the live loop
 * stops first, work of the old run (frames, measures) is dropped, and the windows start again
 * afterwards. A failed task is an outcome `{ ok: false, error }`, never a throw.
 */
import type { EngineSync } from './engineSync.ts';
import type { LiveLoop } from './liveLoop.ts';
import { messageOf, type SimulationCore } from './types.ts';

export type TaskOutcome<R> = R | { ok: false; error: string };

export interface TaskRunner {
  run<R>(task: () => Promise<R>): Promise<TaskOutcome<R>>;
}

/** `dropped` is told when a task begins, so waiting work of the old run can be dropped. */
export function createTaskRunner(core: SimulationCore, engine: EngineSync, loop: LiveLoop, dropped: () => void): TaskRunner {
  return {
    async run(task) {
      core.generation++;
      dropped();
      await loop.stop();
      if (!(await engine.ensure())) return { ok: false, error: core.get().error ?? core.get().notice ?? 'cannot run' };
      try {
        return await task();
      } catch (err) {
        const error = messageOf(err);
        core.set({ error });
        return { ok: false, error };
      } finally {
        core.live.reset();
        core.set({ status: 'idle', divergence: null, frame: null });
      }
    },
  };
}
