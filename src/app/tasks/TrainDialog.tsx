/**
 * The readouts' training results (what `recurrence train` prints): NRMSE on the training and
 * test windows and ‖W_out‖ per readout. "Show prediction" opens a readout-vs-target panel for
 * each readout and runs the windows, so the prediction can be seen lying on the target.
 */
import { Dialog, type DialogAction } from '../../editor/Dialog.tsx';
import './tasks.css';
import { isStale, useDocumentStore, useSimulationStore, useStores, useTaskResults, type AppStores } from '../../store/index.ts';
import { useCommands } from '../../editor/commands/appContext.ts';
import type { ReadoutReport } from '../../engine/index.ts';
import { revealPanel } from '../../panels/revealPanel.ts';
import { TaskProgress } from './TaskProgress.tsx';

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toPrecision(3));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)} %`);

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
  const reports = Object.values(readouts);
  const accuracy = reports.some((r) => r.accuracy_test !== undefined || r.accuracy_train !== undefined);
  const bptt = reports.some((r) => r.loss_curve !== undefined);
  return (
    <>
      <table className="task-table" data-testid="train-results">
        <thead>
          <tr>
            <th>readout</th>
            <th>method</th>
            <th>NRMSE train</th>
            <th>NRMSE test</th>
            {accuracy && <th>accuracy train</th>}
            {accuracy && <th>accuracy test</th>}
            {bptt && <th>loss: first → last epoch</th>}
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
              {accuracy && <td>{pct(r.accuracy_train)}</td>}
              {accuracy && <td data-testid={`accuracy-test-${id}`}>{pct(r.accuracy_test)}</td>}
              {bptt && <td data-testid={`loss-${id}`}>{r.loss_curve?.length ? `${fmt(r.loss_curve[0])} → ${fmt(r.loss_curve.at(-1))} (${r.loss_curve.length} epochs)` : '—'}</td>}
              <td>{fmt(r.weights_norm)}</td>
              <td>
                {r.washout} · {r.train} · {r.test}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="task-note">
        NRMSE = √(⟨(y − d)²⟩ / var d): 0 is a perfect prediction, 1 no better than the target’s mean.
        {accuracy && ' Accuracy: the share of scored steps where the output is on the binary target’s side of 0.5.'} The trained weights
        stay with the network until it is recompiled (Keep trained weights writes them into the document); the run is back at step 0.
        {stale && <strong> The network has changed since: train again for results that match it.</strong>}
      </p>
    </>
  );
}

/** Keep trained weights (one undoable edit: trained edges become matrix weights) or Discard (the run goes back to the document's network); none when there is nothing trained to keep. */
function useKeepOrDiscard(close: () => void): DialogAction[] {
  const training = useSimulationStore((s) => s.training);
  const stores = useStores();
  const { run } = useCommands();
  if (!training?.kept || !training.applied) return [];
  const kept = training.kept;
  return [
    {
      text: 'Discard',
      testId: 'train-discard',
      title: 'Drop the trained values: the network runs as the document defines it',
      onClick: () => {
        close();
        void stores.sim.getState().discardTraining();
      },
    },
    {
      text: 'Keep trained weights',
      testId: 'train-keep',
      title: 'Write the trained weights into the document (trained edges as matrix weights, biases, W_out); Undo takes them out again',
      onClick: () => {
        void run('network.keepTrained', kept);
        stores.tasks.getState().kept(stores.docs.getState().doc);
        stores.sim.getState().trainingKept();
      },
    },
  ];
}

export function TrainDialog() {
  const shown = useTaskResults((s) => s.shown === 'train');
  const running = useTaskResults((s) => s.running === 'train');
  const result = useTaskResults((s) => s.train);
  const doc = useDocumentStore((s) => s.doc);
  const stores = useStores();
  const close = () => stores.tasks.getState().show(null);
  const keepOrDiscard = useKeepOrDiscard(close);
  const reply = result?.reply;
  return (
    <Dialog
      open={shown}
      onClose={close}
      title="Train readouts"
      testId="train-dialog"
      wide
      actions={
        reply?.ok
          ? [
              ...keepOrDiscard,
              {
                text: 'Show prediction',
                primary: true,
                onClick: () => {
                  close();
                  void showPrediction(stores, reply.readouts);
                },
              },
            ]
          : undefined
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
