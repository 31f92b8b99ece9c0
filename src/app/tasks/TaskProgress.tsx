/**
 * A task's progress in its dialog while it runs on the task worker: what runs, a progress bar
 * and Cancel (the last result stays). The run goes on beside it.
 */
import { useSimulationStore, useStores, type TaskKind } from '../../store/index.ts';

export function TaskProgress({ task, what }: { task: TaskKind; what: string }) {
  const progress = useSimulationStore((s) => s.analyses[task]);
  const { tasks } = useStores();
  const fraction = progress?.fraction ?? 0;
  return (
    <div className="task-progress" role="status" data-testid="task-progress">
      <p>
        {progress?.text ?? what}… {Math.round(100 * fraction)} %
      </p>
      <progress max={1} value={fraction} aria-label={`${what}: ${Math.round(100 * fraction)} %`} />
      <button type="button" className="button" onClick={() => tasks.getState().cancel()} data-testid="task-cancel">
        Cancel
      </button>
    </div>
  );
}
