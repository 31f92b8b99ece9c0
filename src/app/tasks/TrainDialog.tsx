/**
 * The readouts' training results (what `recurrence train` prints): NRMSE on the training and
 * test windows and ‖W_out‖ per readout. "Show prediction" opens a readout-vs-target panel for
 * each readout and runs the windows, so the prediction can be seen lying on the target.
 */
import { Dialog } from '../../editor/Dialog.tsx';
import './tasks.css';
import { isStale, useDocumentStore, useStores, useTaskResults, type AppStores } from '../../store/index.ts';
import type { ReadoutReport } from '../../engine/index.ts';
import { revealPanel } from '../../panels/revealPanel.ts';
import { TaskProgress } from './TaskProgress.tsx';

const fmt = (x: number | null) => (x === null ? '—' : x.toPrecision(3));

/**
 * Opens a readout panel for each readout that has none, set to show its test window, brings the
 * first into view, then runs washout + train + test steps from step 0.
 */
async function showPrediction(stores: Pick<AppStores, 'panels' | 'sim'>, readouts: Record<string, ReadoutReport>): Promise<void> {
  const layout = stores.panels.getState();
  const panels = Object.entries(readouts).map(([id, r]) => {
    const test = { testStart: r.washout + r.train + 1, testSteps: r.test };
    const open = layout.panels.find((p) => p.type === 'readout' && p.nodes?.[0] === id);
    if (!open) return layout.add({ type: 'readout', nodes: [id], ...test });
    layout.update(open.id, test);
    return open.id;
  });
  revealPanel(panels[0]);
  const steps = Math.max(...Object.values(readouts).map((r) => r.washout + r.train + r.test));
  const sim = stores.sim.getState();
  if (sim.window < steps) sim.setWindow(steps);
  await sim.reset();
  await sim.step(steps);
}

function Report({ readouts, stale }: { readouts: Record<string, ReadoutReport>; stale: boolean }) {
  return (
    <>
      <table className="task-table" data-testid="train-results">
        <thead>
          <tr>
            <th>readout</th>
            <th>method</th>
            <th>NRMSE train</th>
            <th>NRMSE test</th>
            <th>‖W_out‖</th>
            <th>washout · train · test</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(readouts).map(([id, r]) => (
            <tr key={id} data-readout={id}>
              <td>{id}</td>
              <td>{r.method}</td>
              <td>{fmt(r.nrmse_train)}</td>
              <td data-testid={`nrmse-test-${id}`}>{fmt(r.nrmse_test)}</td>
              <td>{fmt(r.weights_norm)}</td>
              <td>
                {r.washout} · {r.train} · {r.test}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="task-note">
        NRMSE = √(⟨(y − d)²⟩ / var d): 0 is a perfect prediction, 1 no better than the target’s mean. The trained weights stay with the
        network until it is recompiled; the run is back at step 0.
        {stale && <strong> The network has changed since: train again for results that match it.</strong>}
      </p>
    </>
  );
}

export function TrainDialog() {
  const shown = useTaskResults((s) => s.shown === 'train');
  const running = useTaskResults((s) => s.running === 'train');
  const result = useTaskResults((s) => s.train);
  const doc = useDocumentStore((s) => s.doc);
  const stores = useStores();
  const close = () => stores.tasks.getState().show(null);
  const reply = result?.reply;
  return (
    <Dialog
      open={shown}
      onClose={close}
      title="Train readouts"
      testId="train-dialog"
      wide
      actions={
        reply?.ok && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              close();
              void showPrediction(stores, reply.readouts);
            }}
          >
            Show prediction
          </button>
        )
      }
    >
      {running ? (
        <TaskProgress task="train" what="Training (washout, training and test windows from step 0)" />
      ) : !reply ? null : reply.ok ? (
        <Report readouts={reply.readouts} stale={isStale(result, doc)} />
      ) : (
        <p className="task-error" role="alert">
          Training failed: {reply.error}
        </p>
      )}
    </Dialog>
  );
}
